package fr.asp.segur.application.funding;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A funding request as its supplier sees it in their space: amounts asked (the order form's HT),
 * granted and paid, its state and what is awaited from them, its history (without agents' names) and
 * documents. Amounts are formatted in French ("1 234,56 €").
 *
 * @param awaitedFromSupplier what the supplier should do now, or null
 * @param soldeDocuments      the documents a solde needs, by DocumentKind name and label (when allowed)
 */
public record SupplierFunding(Long id, String requestNumber, String callCode, String callLabel, String enrolmentNumber,
                              String softwareName, String clientKindLabel, String clientIdentifier, String clientName,
                              boolean clientKnown, String ceilingTranche, String status, String statusLabel,
                              String awaitedFromSupplier, String orderHt, String grantedHt, String grantedTtc,
                              String avanceHt, String avanceTtc, String soldeHt, String soldeTtc, String paidHt,
                              LocalDateTime filedAt, String orderSignedOn, boolean inConflict, boolean soldeAllowed,
                              String soldeDeadline, List<Kind> soldeDocuments, List<Step> history,
                              List<File> documents) implements Serializable {

    /** One change of state. */
    public record Step(LocalDateTime occurredAt, String statusLabel, String motivation) implements Serializable {
    }

    /** One document of the request, downloadable by its owner. */
    public record File(long id, String kindLabel, String fileName) implements Serializable {
    }

    /** A kind of document to upload, by its DocumentKind name and its label. */
    public record Kind(String name, String label) implements Serializable {
    }
}
