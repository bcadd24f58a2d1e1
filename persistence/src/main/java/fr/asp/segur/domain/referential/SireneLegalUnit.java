package fr.asp.segur.domain.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A legal unit of the SIRENE directory (StockUniteLegale): holds the legal name. */
@Entity
@Table(name = "sirene_legal_unit")
public class SireneLegalUnit {

    @Id
    private String siren;
    private String denomination;
    private String state;
    @Column(name = "last_processed_at")
    private LocalDateTime lastProcessedAt;

    protected SireneLegalUnit() {
    }

    public SireneLegalUnit(String siren, String denomination, String state, LocalDateTime lastProcessedAt) {
        this.siren = siren;
        this.denomination = denomination;
        this.state = state;
        this.lastProcessedAt = lastProcessedAt;
    }

    public String getSiren() { return siren; }
    public String getDenomination() { return denomination; }
    public String getState() { return state; }
}
