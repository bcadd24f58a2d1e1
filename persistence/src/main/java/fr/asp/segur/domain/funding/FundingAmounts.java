package fr.asp.segur.domain.funding;

import java.math.BigDecimal;

/**
 * The amounts of one funding request, excluding VAT: the order form's amount, the call's ceiling
 * for this client, the amount granted (the lower of the two), and its split into the avance (the
 * call's share, rounded half-up to the cent) and the solde (the rest, so the two add up exactly).
 */
public record FundingAmounts(Amount orderHt, Amount ceilingHt, Amount grantedHt, Amount avanceHt, Amount soldeHt) {

    public static FundingAmounts compute(Amount orderHt, Amount ceilingHt, BigDecimal avanceRate) {
        Amount granted = orderHt.min(ceilingHt);
        Amount avance = granted.share(avanceRate);
        return new FundingAmounts(orderHt, ceilingHt, granted, avance, granted.minus(avance));
    }

    public Amount grantedTtc() { return grantedHt.withVat(); }
    public Amount avanceTtc() { return avanceHt.withVat(); }
    public Amount soldeTtc() { return grantedTtc().minus(avanceTtc()); }

    /** Whether the order form asks more than the ceiling (the supplier is then granted the ceiling). */
    public boolean capped() { return orderHt.compareTo(ceilingHt) > 0; }
}
