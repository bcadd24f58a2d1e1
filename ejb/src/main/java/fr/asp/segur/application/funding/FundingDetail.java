package fr.asp.segur.application.funding;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything an agent needs to instruct one funding request: the request, its amounts HT and TTC, the
 * automatic checks, the documents, the history, the open request for complements, and which decisions
 * its state allows (asked of {@link fr.asp.segur.domain.funding.FundingStatus#canMoveTo}).
 */
public record FundingDetail(String requestNumber, long version, String status, String statusLabel, String phase,
                            String callCode, String callLabel, String couloir, String soldeDocumentLabel,
                            String enrolmentNumber, String supplierSiret, String supplierName, String softwareName,
                            String dsrLabel, String clientKind, String clientIdentifier, String clientName,
                            boolean clientKnown, String ceilingTranche, LocalDate orderSignedOn,
                            List<AmountLine> amounts, LocalDateTime filedAt, LocalDateTime soldeFiledAt,
                            String assignedAgent, String conflictWith, List<FundingCheck> checks,
                            List<File> documents, List<Step> history, Complement openComplement,
                            boolean canTake, boolean canAskComplements, boolean canValidate, boolean canReject)
        implements Serializable {

    /** One amount, HT and TTC, formatted the French way. */
    public record AmountLine(String label, String ht, String ttc) implements Serializable {
    }

    public record File(long id, String kindLabel, String fileName, LocalDateTime uploadedAt) implements Serializable {
    }

    public record Step(LocalDateTime occurredAt, String actor, String fromLabel, String toLabel, String motivation)
            implements Serializable {
    }

    public record Complement(LocalDateTime askedAt, String askedBy, String message, List<String> documents)
            implements Serializable {
    }

    public boolean allChecksOk() {
        return checks.stream().allMatch(FundingCheck::ok);
    }
}
