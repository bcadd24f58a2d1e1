package fr.asp.segur.application.funding;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * One line of the funding queue.
 *
 * @param flag why agents should look twice ("Client inconnu", "Conflit"), or null
 * @param validable whether the life cycle lets "Valider la sélection" validate it now
 */
public record FundingSummary(String requestNumber, long version, LocalDateTime filedAt, String callCode,
                             String couloir, String supplierSiret, String supplierName, String clientIdentifier,
                             String clientName, String status, String statusLabel, String grantedHt, String flag,
                             boolean validable) implements Serializable {
}
