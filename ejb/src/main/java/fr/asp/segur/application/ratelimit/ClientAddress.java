package fr.asp.segur.application.ratelimit;

import jakarta.enterprise.context.RequestScoped;
import java.io.Serializable;

/**
 * The address of the client whose HTTP request is being served, set by the web module's filter and read by the
 * rate limits. Empty outside an HTTP request of the portal (timers, batch jobs, in-container tests).
 */
@RequestScoped
public class ClientAddress implements Serializable {

    private static final long serialVersionUID = 1L;
    private String value;

    public String value() {
        return value;
    }

    public void set(String value) {
        this.value = value;
    }
}
