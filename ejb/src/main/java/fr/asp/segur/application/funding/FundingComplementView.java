package fr.asp.segur.application.funding;

import fr.asp.segur.domain.enrolment.DocumentKind;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/** What an agent asked the supplier of a funding request, for the supplier's answer page. */
public record FundingComplementView(String requestNumber, String callCode, String clientName, String statusLabel,
                                    String message, List<DocumentKind> documents, LocalDateTime expiresAt)
        implements Serializable {
}
