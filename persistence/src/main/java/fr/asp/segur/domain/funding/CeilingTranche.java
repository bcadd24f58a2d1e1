package fr.asp.segur.domain.funding;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One line of a funding call's ceiling table: a value of the call's client characteristic and its ceiling. */
@Embeddable
public class CeilingTranche {

    private int position;
    private String tranche;
    @Column(name = "amount_ht")
    private BigDecimal amountHt;

    protected CeilingTranche() {
    }

    public CeilingTranche(int position, String tranche, Amount amountHt) {
        this.position = position;
        this.tranche = tranche;
        this.amountHt = amountHt.value();
    }

    public int getPosition() { return position; }
    public String getTranche() { return tranche; }
    public Amount amountHt() { return new Amount(amountHt); }
}
