package fr.asp.segur.application.instruction;

import java.io.Serializable;
import java.time.LocalDateTime;

/** One line of the agents' list of requests. */
public record RequestSummary(String requestNumber, LocalDateTime submittedAt, String siret, String denomination,
                             String softwareName, String statusLabel, String dsrLabel, String assignedAgent)
        implements Serializable {
}
