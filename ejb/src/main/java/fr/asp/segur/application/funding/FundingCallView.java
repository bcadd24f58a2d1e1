package fr.asp.segur.application.funding;

import fr.asp.segur.domain.funding.FundingCall;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A funding call as pages and the API show it.
 *
 * @param ceilings each tranche and its ceiling HT; a single entry with a null tranche for a flat ceiling
 */
public record FundingCallView(Long id, String code, String label, String couloir, List<String> dsrLabels, int vague,
                              String clientKind, String clientKindLabel, String ceilingBasis, List<Ceiling> ceilings,
                              BigDecimal avanceRate, String soldeDocument, String soldeDocumentLabel,
                              LocalDateTime orderWindowStart, LocalDateTime orderWindowEnd,
                              LocalDateTime soldeDeadline, boolean openForAvances, boolean closed) {

    /** One ceiling of the call: for a tranche of its table, or (tranche null) the flat ceiling. */
    public record Ceiling(String tranche, BigDecimal amountHt, BigDecimal amountTtc) {
    }

    public static FundingCallView of(FundingCall call, LocalDateTime now) {
        List<Ceiling> ceilings = call.flatCeilingHt()
                .map(flat -> List.of(new Ceiling(null, flat.value(), flat.withVat().value())))
                .orElseGet(() -> call.getCeilingTranches().stream()
                        .map(t -> new Ceiling(t.getTranche(), t.amountHt().value(), t.amountHt().withVat().value()))
                        .toList());
        return new FundingCallView(call.getId(), call.getCode(), call.getLabel(), call.getCouloir().label(),
                call.dsrLabels(), call.getVague(), call.getClientKind().name(), call.getClientKind().label(),
                call.getCeilingBasis(), ceilings, call.getAvanceRate(), call.getSoldeDocument().name(),
                call.getSoldeDocument().label(), call.getOrderWindowStart(), call.getOrderWindowEnd(),
                call.getSoldeDeadline(), call.openForAvances(now), call.getClosedAt() != null);
    }

    /** The avance's share in percent, e.g. "30 %". */
    public String avancePercent() {
        return avanceRate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
