package fr.asp.segur.domain.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/** A software solution referenced by the ANS against a DSR. Never deleted: withdrawn ones are marked. */
@Entity
@Table(name = "ans_solution")
public class AnsSolution {

    @Id
    @Column(name = "referencing_number")
    private String referencingNumber;
    @Column(name = "software_name")
    private String softwareName;
    @Column(name = "software_version")
    private String softwareVersion;
    @Column(name = "editor_siren")
    private String editorSiren;
    @Column(name = "editor_name")
    private String editorName;
    private String couloir;
    @Column(name = "software_type")
    private String softwareType;
    private String dsr;
    private int wave;
    @Column(name = "referencing_date")
    private LocalDate referencingDate;
    @Enumerated(EnumType.STRING)
    private SolutionStatus status;
    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected AnsSolution() {
    }

    public AnsSolution(String referencingNumber, String softwareName, String softwareVersion, String editorSiren,
                       String editorName, String couloir, String softwareType, String dsr, int wave,
                       LocalDate referencingDate, SolutionStatus status) {
        this.referencingNumber = referencingNumber;
        this.softwareName = softwareName;
        this.softwareVersion = softwareVersion;
        this.editorSiren = editorSiren;
        this.editorName = editorName;
        this.couloir = couloir;
        this.softwareType = softwareType;
        this.dsr = dsr;
        this.wave = wave;
        this.referencingDate = referencingDate;
        this.status = status;
        this.updatedAt = LocalDateTime.now();
    }

    /** The label shown as "DSR concerné (couloir / type logiciel / vague)". */
    public String dsrLabel() {
        return couloir + " / " + softwareType + " / Vague " + wave;
    }

    /**
     * Takes the values of the same solution as newly published; {@code updated_at} moves only when
     * something differs, so that importing an unchanged list changes nothing.
     *
     * @return whether anything changed
     */
    public boolean updateFrom(AnsSolution published) {
        if (!referencingNumber.equals(published.referencingNumber)) {
            throw new IllegalArgumentException("Not the same solution: " + published.referencingNumber);
        }
        if (Objects.equals(softwareName, published.softwareName)
                && Objects.equals(softwareVersion, published.softwareVersion)
                && Objects.equals(editorSiren, published.editorSiren)
                && Objects.equals(editorName, published.editorName)
                && Objects.equals(couloir, published.couloir)
                && Objects.equals(softwareType, published.softwareType)
                && Objects.equals(dsr, published.dsr)
                && wave == published.wave
                && Objects.equals(referencingDate, published.referencingDate)
                && status == published.status) {
            return false;
        }
        softwareName = published.softwareName;
        softwareVersion = published.softwareVersion;
        editorSiren = published.editorSiren;
        editorName = published.editorName;
        couloir = published.couloir;
        softwareType = published.softwareType;
        dsr = published.dsr;
        wave = published.wave;
        referencingDate = published.referencingDate;
        status = published.status;
        updatedAt = LocalDateTime.now();
        return true;
    }

    public boolean isWithdrawn() {
        return status == SolutionStatus.RETIRE;
    }

    public String getReferencingNumber() { return referencingNumber; }
    public String getSoftwareName() { return softwareName; }
    public String getSoftwareVersion() { return softwareVersion; }
    public String getEditorSiren() { return editorSiren; }
    public String getEditorName() { return editorName; }
    public String getCouloir() { return couloir; }
    public String getSoftwareType() { return softwareType; }
    public String getDsr() { return dsr; }
    public int getWave() { return wave; }
    public LocalDate getReferencingDate() { return referencingDate; }
    public SolutionStatus getStatus() { return status; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
}
