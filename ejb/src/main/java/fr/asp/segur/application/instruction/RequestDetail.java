package fr.asp.segur.application.instruction;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * One request as an agent instructs it: everything the supplier entered (the IBAN in full), its documents,
 * its history, the version the agent sees and the automatic checks computed when it was read.
 * <p>
 * A class with getters, not a record: the pages use EL 5, which does not read record components as properties.
 * Filled by {@link RequestDetailReader}; read-only for everyone else.
 */
public class RequestDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    String requestNumber;
    String status;
    String statusLabel;
    boolean finalStatus;
    LocalDateTime submittedAt;
    LocalDateTime commitmentsAcceptedAt;
    long version;
    String assignedAgent;

    String referencingNumber;
    String softwareName;
    String softwareVersion;
    String dsrLabel;

    String siret;
    boolean siretUnverified;
    String siretVerification;
    String denomination;
    String referentialDenomination;
    boolean denominationChanged;
    String commercialName;
    String recipientIdentity;
    String entrance;
    String streetNumber;
    String streetExtension;
    String streetTypeLabel;
    String streetName;
    String addressComplement;
    String postalCode;
    String city;
    boolean distributor;
    String editorName;

    boolean filerIsRepresentative;
    String tiersQuality;
    String tiersQualityLabel;
    Person representative;
    Person depositaire;

    String iban;
    String bic;
    String accountHolder;
    String bankDomiciliation;

    List<DocumentItem> documents = List.of();
    List<HistoryRow> history = List.of();
    List<Check> checks = List.of();

    RequestDetail() {
    }

    /** The file of the given kind (a {@code DocumentKind} name), or null when the request has none. */
    public DocumentItem document(String kind) {
        return documents.stream().filter(d -> d.kind.equals(kind)).findFirst().orElse(null);
    }

    /** The file name of the document of the given kind, or null. */
    public String documentName(String kind) {
        DocumentItem document = document(kind);
        return document == null ? null : document.fileName;
    }

    /** The IBAN in full, in groups of four characters as printed on a RIB. */
    public String getIbanFormatted() {
        return iban == null ? null : iban.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** True when every automatic check passed. */
    public boolean isAllChecksOk() {
        return checks.stream().allMatch(Check::isOk);
    }

    public String getRequestNumber() { return requestNumber; }
    /** The {@code RequestStatus} name, e.g. "EN_INSTRUCTION". */
    public String getStatus() { return status; }
    public String getStatusLabel() { return statusLabel; }
    public boolean isFinalStatus() { return finalStatus; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public LocalDateTime getCommitmentsAcceptedAt() { return commitmentsAcceptedAt; }
    public long getVersion() { return version; }
    public String getAssignedAgent() { return assignedAgent; }
    public String getReferencingNumber() { return referencingNumber; }
    public String getSoftwareName() { return softwareName; }
    public String getSoftwareVersion() { return softwareVersion; }
    public String getDsrLabel() { return dsrLabel; }
    public String getSiret() { return siret; }
    /** "SIRET non vérifié": absent from SIRENE at submission and not found by a sync since. */
    public boolean isSiretUnverified() { return siretUnverified; }
    public String getSiretVerification() { return siretVerification; }
    public String getDenomination() { return denomination; }
    public String getReferentialDenomination() { return referentialDenomination; }
    public boolean isDenominationChanged() { return denominationChanged; }
    public String getCommercialName() { return commercialName; }
    public String getRecipientIdentity() { return recipientIdentity; }
    public String getEntrance() { return entrance; }
    public String getStreetNumber() { return streetNumber; }
    public String getStreetExtension() { return streetExtension; }
    public String getStreetTypeLabel() { return streetTypeLabel; }
    public String getStreetName() { return streetName; }
    public String getAddressComplement() { return addressComplement; }
    public String getPostalCode() { return postalCode; }
    public String getCity() { return city; }
    public boolean isDistributor() { return distributor; }
    public String getEditorName() { return editorName; }
    public boolean isFilerIsRepresentative() { return filerIsRepresentative; }
    /** The {@code TiersQuality} name, or null for a legal representative. */
    public String getTiersQuality() { return tiersQuality; }
    public String getTiersQualityLabel() { return tiersQualityLabel; }
    public Person getRepresentative() { return representative; }
    public Person getDepositaire() { return depositaire; }
    /** The IBAN in full: agents check it against the RIB. Personal data: never log it. */
    public String getIban() { return iban; }
    public String getBic() { return bic; }
    public String getAccountHolder() { return accountHolder; }
    public String getBankDomiciliation() { return bankDomiciliation; }
    public List<DocumentItem> getDocuments() { return documents; }
    public List<HistoryRow> getHistory() { return history; }
    public List<Check> getChecks() { return checks; }

    @Override
    public String toString() {
        return "RequestDetail[" + requestNumber + ", " + status + ", version " + version + "]";
    }

    /** A person named in the request: the legal representative or the dépositaire. */
    public static class Person implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String lastName;
        private final String firstName;
        private final String email;
        private final String phone;

        Person(String lastName, String firstName, String email, String phone) {
            this.lastName = lastName;
            this.firstName = firstName;
            this.email = email;
            this.phone = phone;
        }

        public String getLastName() { return lastName; }
        public String getFirstName() { return firstName; }
        public String getEmail() { return email; }
        public String getPhone() { return phone; }
    }

    /** A supporting document attached to the request (its metadata: the bytes are served by DocumentAccess). */
    public static class DocumentItem implements Serializable {
        private static final long serialVersionUID = 1L;

        private final long id;
        private final String kind;
        private final String kindLabel;
        private final String fileName;
        private final String mediaType;
        private final long sizeBytes;
        private final LocalDateTime uploadedAt;

        DocumentItem(long id, String kind, String kindLabel, String fileName, String mediaType, long sizeBytes,
                     LocalDateTime uploadedAt) {
            this.id = id;
            this.kind = kind;
            this.kindLabel = kindLabel;
            this.fileName = fileName;
            this.mediaType = mediaType;
            this.sizeBytes = sizeBytes;
            this.uploadedAt = uploadedAt;
        }

        public long getId() { return id; }
        /** The {@code DocumentKind} name. */
        public String getKind() { return kind; }
        public String getKindLabel() { return kindLabel; }
        public String getFileName() { return fileName; }
        public String getMediaType() { return mediaType; }
        public long getSizeBytes() { return sizeBytes; }
        public LocalDateTime getUploadedAt() { return uploadedAt; }

        public boolean isImage() {
            return mediaType != null && mediaType.startsWith("image/");
        }

        public boolean isPdf() {
            return "application/pdf".equals(mediaType);
        }

        /** "842 octets", "12,3 Ko", "1,2 Mo". */
        public String getSizeLabel() {
            if (sizeBytes < 1024) {
                return sizeBytes + " octets";
            }
            if (sizeBytes < 1024 * 1024) {
                return String.format(Locale.FRANCE, "%.1f Ko", sizeBytes / 1024.0);
            }
            return String.format(Locale.FRANCE, "%.1f Mo", sizeBytes / (1024.0 * 1024.0));
        }
    }

    /** One change of state: when, who, from, to (French labels), why. The submission has no "from". */
    public static class HistoryRow implements Serializable {
        private static final long serialVersionUID = 1L;

        private final LocalDateTime occurredAt;
        private final String actor;
        private final String fromLabel;
        private final String toLabel;
        private final String motivation;

        HistoryRow(LocalDateTime occurredAt, String actor, String fromLabel, String toLabel, String motivation) {
            this.occurredAt = occurredAt;
            this.actor = actor;
            this.fromLabel = fromLabel;
            this.toLabel = toLabel;
            this.motivation = motivation;
        }

        public LocalDateTime getOccurredAt() { return occurredAt; }
        public String getActor() { return actor; }
        public String getFromLabel() { return fromLabel; }
        public String getToLabel() { return toLabel; }
        public String getMotivation() { return motivation; }
    }

    /** An automatic check: what was checked, whether it passed, and a short French explanation. */
    public static class Check implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String label;
        private final boolean ok;
        private final String explanation;

        Check(String label, boolean ok, String explanation) {
            this.label = label;
            this.ok = ok;
            this.explanation = explanation;
        }

        static Check ok(String label, String explanation) {
            return new Check(label, true, explanation);
        }

        static Check warning(String label, String explanation) {
            return new Check(label, false, explanation);
        }

        public String getLabel() { return label; }
        public boolean isOk() { return ok; }
        public String getExplanation() { return explanation; }

        /** "ok" or "warning", e.g. for a CSS class. */
        public String getLevel() {
            return ok ? "ok" : "warning";
        }

        /** "Conforme" or "À vérifier". */
        public String getResult() {
            return ok ? "Conforme" : "À vérifier";
        }
    }
}
