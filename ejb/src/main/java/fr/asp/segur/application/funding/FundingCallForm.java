package fr.asp.segur.application.funding;

import fr.asp.segur.domain.funding.Amount;
import fr.asp.segur.domain.funding.CeilingTranche;
import fr.asp.segur.domain.funding.ClientKind;
import fr.asp.segur.domain.funding.FundingCallDefinition;
import fr.asp.segur.domain.funding.SoldeDocument;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.support.Couloir;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The administrators' funding-call form, as typed: read into a {@link FundingCallDefinition} with the call
 * file's own readings ({@link FundingCallFormat}: amounts the French way, dates "dd/MM/yyyy HH:mm" in Paris,
 * the avance share in percent), so that a call typed and a call imported obey the same rules.
 */
public class FundingCallForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One editable line of the ceiling table. */
    public static class Tranche implements Serializable {
        private static final long serialVersionUID = 1L;
        private String label;
        private String amountHt;

        public Tranche() {
        }

        public Tranche(String label, String amountHt) {
            this.label = label;
            this.amountHt = amountHt;
        }

        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public String getAmountHt() { return amountHt; }
        public void setAmountHt(String amountHt) { this.amountHt = amountHt; }
    }

    private String code;
    private String label;
    private Couloir couloir;
    private String dsrLabels;
    private int vague = 1;
    private ClientKind clientKind;
    private boolean ceilingTable;
    private String flatCeilingHt;
    private String ceilingBasis;
    private List<Tranche> tranches = new ArrayList<>();
    private String avancePercent = "30";
    private SoldeDocument soldeDocument;
    private String orderWindowStart;
    private String orderWindowEnd;
    private String soldeDeadline;

    /** The form filled with an existing call, to edit it. */
    public static FundingCallForm of(FundingCallView call) {
        FundingCallForm form = new FundingCallForm();
        form.code = call.code();
        form.label = call.label();
        form.couloir = Arrays.stream(Couloir.values()).filter(c -> c.label().equals(call.couloir())).findFirst()
                .orElse(null);
        form.dsrLabels = String.join(", ", call.dsrLabels());
        form.vague = call.vague();
        form.clientKind = ClientKind.valueOf(call.clientKind());
        form.ceilingTable = call.ceilingBasis() != null;
        form.ceilingBasis = call.ceilingBasis();
        if (form.ceilingTable) {
            call.ceilings().forEach(c -> form.tranches.add(new Tranche(c.tranche(),
                    new Amount(c.amountHt()).toString().replace('.', ','))));
        } else if (!call.ceilings().isEmpty()) {
            form.flatCeilingHt = new Amount(call.ceilings().get(0).amountHt()).toString().replace('.', ',');
        }
        form.avancePercent = call.avanceRate().movePointRight(2).stripTrailingZeros().toPlainString();
        form.soldeDocument = SoldeDocument.valueOf(call.soldeDocument());
        form.orderWindowStart = FundingCallFormat.DATE_TIME.format(call.orderWindowStart());
        form.orderWindowEnd = FundingCallFormat.DATE_TIME.format(call.orderWindowEnd());
        form.soldeDeadline = FundingCallFormat.DATE_TIME.format(call.soldeDeadline());
        return form;
    }

    /**
     * The definition typed.
     *
     * @throws InvalidValueException with the French message of the first rule that does not hold
     */
    public FundingCallDefinition definition() {
        List<String> dsr = dsrLabels == null ? List.of() : Arrays.stream(dsrLabels.split("[,;]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        Amount flat = null;
        List<CeilingTranche> table = new ArrayList<>();
        if (ceilingTable) {
            int position = 0;
            for (Tranche t : tranches) {
                boolean noLabel = t.label == null || t.label.isBlank();
                boolean noAmount = t.amountHt == null || t.amountHt.isBlank();
                if (noLabel && noAmount) {
                    continue;
                }
                if (noLabel) {
                    throw new InvalidValueException("plafond", "Chaque ligne du tableau des plafonds doit nommer sa tranche.");
                }
                table.add(new CeilingTranche(position++, t.label.strip(),
                        Amount.parse("plafond", "plafond de la tranche « " + t.label.strip() + " »", t.amountHt)));
            }
            if (table.isEmpty()) {
                throw new InvalidValueException("plafond", "Le tableau des plafonds doit avoir au moins une tranche.");
            }
        } else {
            flat = Amount.parse("plafond", "plafond forfaitaire", flatCeilingHt);
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(avancePercent == null ? "" : avancePercent.replace("%", "").replace(',', '.').strip())
                    .movePointLeft(2);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("avanceRate", "La part de l'avance doit être un pourcentage, par exemple 30.");
        }
        return new FundingCallDefinition(code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT),
                label, couloir, dsr, vague, clientKind, flat, ceilingTable ? ceilingBasis : null, table, rate,
                soldeDocument, required("debut_depot", "début de la période de dépôt", orderWindowStart),
                required("fin_depot", "fin de la période de dépôt", orderWindowEnd),
                required("limite_solde", "date limite du solde", soldeDeadline));
    }

    private static java.time.LocalDateTime required(String field, String what, String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidValueException(field, "La " + what + " est obligatoire (jj/mm/aaaa hh:mm, heure de Paris).");
        }
        return FundingCallFormat.dateTime(field, typed.strip());
    }

    public void addTranche() {
        tranches.add(new Tranche());
    }

    public void removeTranche(int index) {
        if (index >= 0 && index < tranches.size()) {
            tranches.remove(index);
        }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public Couloir getCouloir() { return couloir; }
    public void setCouloir(Couloir couloir) { this.couloir = couloir; }
    public String getDsrLabels() { return dsrLabels; }
    public void setDsrLabels(String dsrLabels) { this.dsrLabels = dsrLabels; }
    public int getVague() { return vague; }
    public void setVague(int vague) { this.vague = vague; }
    public ClientKind getClientKind() { return clientKind; }
    public void setClientKind(ClientKind clientKind) { this.clientKind = clientKind; }
    public boolean isCeilingTable() { return ceilingTable; }
    public void setCeilingTable(boolean ceilingTable) { this.ceilingTable = ceilingTable; }
    public String getFlatCeilingHt() { return flatCeilingHt; }
    public void setFlatCeilingHt(String flatCeilingHt) { this.flatCeilingHt = flatCeilingHt; }
    public String getCeilingBasis() { return ceilingBasis; }
    public void setCeilingBasis(String ceilingBasis) { this.ceilingBasis = ceilingBasis; }
    public List<Tranche> getTranches() { return tranches; }
    public String getAvancePercent() { return avancePercent; }
    public void setAvancePercent(String avancePercent) { this.avancePercent = avancePercent; }
    public SoldeDocument getSoldeDocument() { return soldeDocument; }
    public void setSoldeDocument(SoldeDocument soldeDocument) { this.soldeDocument = soldeDocument; }
    public String getOrderWindowStart() { return orderWindowStart; }
    public void setOrderWindowStart(String orderWindowStart) { this.orderWindowStart = orderWindowStart; }
    public String getOrderWindowEnd() { return orderWindowEnd; }
    public void setOrderWindowEnd(String orderWindowEnd) { this.orderWindowEnd = orderWindowEnd; }
    public String getSoldeDeadline() { return soldeDeadline; }
    public void setSoldeDeadline(String soldeDeadline) { this.soldeDeadline = soldeDeadline; }
}
