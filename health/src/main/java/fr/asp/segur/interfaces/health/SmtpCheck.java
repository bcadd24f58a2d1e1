package fr.asp.segur.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness "SMTP server": the mail session's server accepts a connection and greets with 220 within
 * 3 s. Mail waits in the outbox while it is down, so this check tells operators, it loses no email.
 */
@Readiness
@ApplicationScoped
public class SmtpCheck implements HealthCheck {

    private static final int TIMEOUT_MS = 3_000;

    @Resource(lookup = "java:jboss/mail/Segur")
    private Session session;

    @Override
    public HealthCheckResponse call() {
        String host = property("host", Setting.string("segur.smtp.host", "localhost"));
        int port = Integer.parseInt(property("port", String.valueOf(Setting.integer("segur.smtp.port", 2525))));
        var response = HealthCheckResponse.named("SMTP server").withData("host", host).withData("port", port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return response.status(greeting != null && greeting.startsWith("220")).build();
        } catch (IOException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    private String property(String name, String fallback) {
        String value = session == null ? null : session.getProperty("mail.smtp." + name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
