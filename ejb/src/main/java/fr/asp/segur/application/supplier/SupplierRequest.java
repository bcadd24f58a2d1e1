package fr.asp.segur.application.supplier;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/** A request as its supplier sees it in their space: its state and its history. */
public class SupplierRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String requestNumber;
    private final LocalDateTime submittedAt;
    private final String siret;
    private final String denomination;
    private final String softwareName;
    private final String statusLabel;
    private final boolean awaitingComplements;
    private final List<Step> history;
    private final List<File> documents;
    private final boolean representative;
    private final List<String> sharedWith;

    public SupplierRequest(String requestNumber, LocalDateTime submittedAt, String siret, String denomination,
                           String softwareName, String statusLabel, boolean awaitingComplements, List<Step> history,
                           List<File> documents, boolean representative, List<String> sharedWith) {
        this.requestNumber = requestNumber;
        this.submittedAt = submittedAt;
        this.siret = siret;
        this.denomination = denomination;
        this.softwareName = softwareName;
        this.statusLabel = statusLabel;
        this.awaitingComplements = awaitingComplements;
        this.history = List.copyOf(history);
        this.documents = List.copyOf(documents);
        this.representative = representative;
        this.sharedWith = List.copyOf(sharedWith);
    }

    public String getRequestNumber() { return requestNumber; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public String getSiret() { return siret; }
    public String getDenomination() { return denomination; }
    public String getSoftwareName() { return softwareName; }
    public String getStatusLabel() { return statusLabel; }
    /** An agent asked for complements and the supplier has not answered yet: "Répondre". */
    public boolean isAwaitingComplements() { return awaitingComplements; }
    public List<Step> getHistory() { return history; }
    public List<File> getDocuments() { return documents; }
    /** The caller is the legal representative named in the request: they may share it. */
    public boolean isRepresentative() { return representative; }
    /** The accounts the representative shared the request with (only shown to the representative). */
    public List<String> getSharedWith() { return sharedWith; }

    /** A document of the request, as a link in the supplier's space. */
    public static class File implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String kindLabel;
        private final String fileName;

        public File(long id, String kindLabel, String fileName) {
            this.id = id;
            this.kindLabel = kindLabel;
            this.fileName = fileName;
        }

        public long getId() { return id; }
        public String getKindLabel() { return kindLabel; }
        public String getFileName() { return fileName; }
    }

    /** One change of state, without the agent's name (internal to the ASP). */
    public static class Step implements Serializable {
        private static final long serialVersionUID = 1L;
        private final LocalDateTime occurredAt;
        private final String statusLabel;
        private final String motivation;

        public Step(LocalDateTime occurredAt, String statusLabel, String motivation) {
            this.occurredAt = occurredAt;
            this.statusLabel = statusLabel;
            this.motivation = motivation;
        }

        public LocalDateTime getOccurredAt() { return occurredAt; }
        public String getStatusLabel() { return statusLabel; }
        public String getMotivation() { return motivation; }
    }
}
