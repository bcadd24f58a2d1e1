package fr.asp.segur.application.funding;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.referential.ClientReferentials;
import fr.asp.segur.application.referential.FinessEstablishmentView;
import fr.asp.segur.application.referential.RppsProfessionalView;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.RequestStatus;
import fr.asp.segur.domain.funding.Amount;
import fr.asp.segur.domain.funding.FundingAmounts;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.funding.FundingClientClaim;
import fr.asp.segur.domain.funding.FundingRequest;
import fr.asp.segur.domain.funding.FundingStatus;
import fr.asp.segur.domain.funding.SoldeDocument;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.referential.SireneEstablishment;
import jakarta.persistence.EntityManager;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks shown on a funding request, computed each time an agent reads it: the client's referential
 * is read again, the windows and the ceiling are those of the call as it is now, the enrolment's state
 * is its current one. They inform the agent; they decide nothing (the rules that refuse a decision are in
 * {@link FundingInstruction}).
 */
public final class AutomaticFundingChecks {

    public static final String CLIENT = "Client dans son référentiel";
    public static final String UNIQUE = "Client financé une seule fois par appel";
    public static final String ORDER_SIGNED = "Bon de commande signé dans la période";
    public static final String FILED_IN_TIME = "Dépôt dans les délais";
    public static final String AMOUNTS = "Montants dans le plafond";
    public static final String DOCUMENTS = "Pièces présentes";
    public static final String ENROLMENT = "Enrôlement validé";
    public static final String SOFTWARE = "Logiciel financé par l'appel";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final EntityManager em;
    private final ClientReferentials referentials;

    AutomaticFundingChecks(EntityManager em, ClientReferentials referentials) {
        this.em = em;
        this.referentials = referentials;
    }

    List<FundingCheck> of(FundingRequest request, EnrolmentRequest enrolment, List<Document> documents) {
        FundingCall call = request.getCall();
        List<FundingCheck> checks = new ArrayList<>();
        checks.add(client(request));
        checks.add(unique(request));
        checks.add(call.acceptsOrderSignedOn(request.getOrderSignedOn())
                ? FundingCheck.ok(ORDER_SIGNED, "Signé le " + DAY.format(request.getOrderSignedOn())
                + ", dans la période de l'appel (" + DAY.format(call.getOrderWindowStart()) + " – "
                + DAY.format(call.getOrderWindowEnd()) + ").")
                : FundingCheck.warning(ORDER_SIGNED, "Signé le " + DAY.format(request.getOrderSignedOn())
                + ", hors de la période de l'appel (" + DAY.format(call.getOrderWindowStart()) + " – "
                + DAY.format(call.getOrderWindowEnd()) + ")."));
        checks.add(filedInTime(request, call));
        checks.add(amounts(request, call));
        checks.add(documents(request, documents));
        checks.add(enrolment == null
                ? FundingCheck.warning(ENROLMENT, "L'enrôlement du fournisseur est introuvable.")
                : enrolment.getStatus() == RequestStatus.VALIDEE
                ? FundingCheck.ok(ENROLMENT, "Enrôlement " + enrolment.getRequestNumber() + " validé.")
                : FundingCheck.warning(ENROLMENT, "L'enrôlement " + enrolment.getRequestNumber() + " est à l'état « "
                + enrolment.getStatus().label() + " »."));
        String dsr = enrolment == null ? null : SoftwareDsr.of(em, enrolment);
        checks.add(call.funds(dsr)
                ? FundingCheck.ok(SOFTWARE, "Logiciel référencé au " + dsr + ", financé par l'appel " + call.getCode() + ".")
                : FundingCheck.warning(SOFTWARE, "Logiciel référencé au " + (dsr == null ? "DSR inconnu" : dsr)
                + " : l'appel " + call.getCode() + " finance " + String.join(", ", call.dsrLabels()) + "."));
        return checks;
    }

    private FundingCheck client(FundingRequest request) {
        String id = request.client().identifier();
        try {
            switch (request.client().kind()) {
                case FINESS -> {
                    Optional<FinessEstablishmentView> found = referentials.finess(id);
                    if (found.isEmpty()) {
                        return FundingCheck.warning(CLIENT, "FINESS " + id + " inconnu du référentiel FINESS.");
                    }
                    if (found.get().closed()) {
                        return FundingCheck.warning(CLIENT, "FINESS " + id + " : établissement fermé ("
                                + found.get().name() + ").");
                    }
                    return FundingCheck.ok(CLIENT, "FINESS " + id + " : " + found.get().name() + ", "
                            + found.get().city() + ".");
                }
                case RPPS -> {
                    Optional<RppsProfessionalView> found = referentials.rpps(id);
                    return found.map(p -> FundingCheck.ok(CLIENT, "RPPS " + id + " : " + p.profession() + " "
                                    + p.lastName() + ", " + p.city() + "."))
                            .orElseGet(() -> FundingCheck.warning(CLIENT, "RPPS " + id + " inconnu du répertoire RPPS."));
                }
                default -> {
                    SireneEstablishment found = em.find(SireneEstablishment.class, id);
                    if (found == null) {
                        return FundingCheck.warning(CLIENT, "SIRET " + id + " inconnu du répertoire SIRENE.");
                    }
                    return found.isClosed()
                            ? FundingCheck.warning(CLIENT, "SIRET " + id + " : établissement fermé d'après SIRENE.")
                            : FundingCheck.ok(CLIENT, "SIRET " + id + " : établissement actif d'après SIRENE.");
                }
            }
        } catch (BusinessRuleException | InvalidValueException e) {
            return FundingCheck.warning(CLIENT, e.getMessage());
        }
    }

    private FundingCheck unique(FundingRequest request) {
        FundingClientClaim claim = em.find(FundingClientClaim.class,
                new FundingClientClaim.Key(request.getCall().getId(), request.client().identifier()));
        List<String> others = em.createQuery("select f.requestNumber from FundingRequest f where f.call = :call "
                        + "and f.clientIdentifier = :client and f.id <> :id and f.status not in :rejected "
                        + "order by f.filedAt, f.id", String.class)
                .setParameter("call", request.getCall()).setParameter("client", request.client().identifier())
                .setParameter("id", request.getId())
                .setParameter("rejected", List.of(FundingStatus.AVANCE_REJETEE, FundingStatus.SOLDE_REJETE))
                .getResultList();
        if (request.getConflictWithId() != null) {
            FundingRequest holder = em.find(FundingRequest.class, request.getConflictWithId());
            return FundingCheck.warning(UNIQUE, "En conflit avec la demande "
                    + (holder == null ? "?" : holder.getRequestNumber() + " (" + holder.getStatus().label() + ")")
                    + " pour le même client : elle ne peut être validée que si l'autre est rejetée.");
        }
        if (claim != null && !claim.getFundingRequestId().equals(request.getId())) {
            FundingRequest holder = em.find(FundingRequest.class, claim.getFundingRequestId());
            return FundingCheck.warning(UNIQUE, "Ce client est retenu pour l'appel par la demande "
                    + (holder == null ? "?" : holder.getRequestNumber()) + ".");
        }
        if (!others.isEmpty()) {
            return FundingCheck.warning(UNIQUE, "Ce client est demandé aussi par " + String.join(", ", others) + ".");
        }
        return FundingCheck.ok(UNIQUE, claim == null ? "Aucune autre demande pour ce client et cet appel."
                : "Cette demande retient ce client pour l'appel ; aucune autre demande en cours.");
    }

    private static FundingCheck filedInTime(FundingRequest request, FundingCall call) {
        StringBuilder text = new StringBuilder("Avance déposée le " + MINUTE.format(request.getFiledAt()));
        boolean ok = call.openForAvances(request.getFiledAt());
        text.append(ok ? ", avant la fin de la période (" : ", hors de la période (")
                .append(MINUTE.format(call.getOrderWindowEnd())).append(")");
        if (request.getSoldeFiledAt() != null) {
            boolean soldeOk = call.openForSoldes(request.getSoldeFiledAt());
            ok &= soldeOk;
            text.append(" ; solde déposé le ").append(MINUTE.format(request.getSoldeFiledAt()))
                    .append(soldeOk ? ", avant la date limite (" : ", après la date limite (")
                    .append(MINUTE.format(call.getSoldeDeadline())).append(")");
        }
        return new FundingCheck(FILED_IN_TIME, ok, text + ".");
    }

    private static FundingCheck amounts(FundingRequest request, FundingCall call) {
        FundingAmounts stored = request.amounts();
        Amount ceiling;
        try {
            ceiling = call.ceilingFor(request.getCeilingTranche());
        } catch (InvalidValueException e) {
            return FundingCheck.warning(AMOUNTS, "La tranche « " + request.getCeilingTranche()
                    + " » n'existe plus dans le tableau des plafonds de l'appel.");
        }
        FundingAmounts expected = FundingAmounts.compute(stored.orderHt(), ceiling, call.getAvanceRate());
        if (!expected.equals(stored)) {
            return FundingCheck.warning(AMOUNTS, "Montant retenu " + stored.grantedHt().formatted()
                    + " HT ; d'après l'appel il serait de " + expected.grantedHt().formatted() + " HT (plafond "
                    + ceiling.formatted() + " HT, avance " + expected.avanceHt().formatted() + " HT).");
        }
        return FundingCheck.ok(AMOUNTS, "Bon de commande " + stored.orderHt().formatted() + " HT, plafond "
                + ceiling.formatted() + " HT : montant retenu " + stored.grantedHt().formatted() + " HT"
                + (stored.capped() ? " (plafonné)" : "") + ", avance " + stored.avanceHt().formatted()
                + " HT, solde " + stored.soldeHt().formatted() + " HT.");
    }

    /** The documents the request's phase needs: the order form, and at solde the invoice and the call's VA or MOM. */
    static Set<DocumentKind> required(FundingRequest request) {
        Set<DocumentKind> required = EnumSet.of(DocumentKind.BON_DE_COMMANDE);
        if (request.getStatus().phase() == FundingStatus.Phase.SOLDE) {
            required.add(DocumentKind.FACTURE);
            if (request.getCall().getSoldeDocument() == SoldeDocument.VA) {
                required.add(DocumentKind.VERIFICATION_APTITUDE);
            } else if (request.getCall().getSoldeDocument() == SoldeDocument.MOM) {
                required.add(DocumentKind.MISE_EN_ORDRE_DE_MARCHE);
            }
        }
        return required;
    }

    private static FundingCheck documents(FundingRequest request, List<Document> documents) {
        Set<DocumentKind> present = documents.stream().map(Document::getKind).collect(Collectors.toSet());
        List<String> missing = required(request).stream().filter(k -> !present.contains(k))
                .map(DocumentKind::label).toList();
        if (!missing.isEmpty()) {
            return FundingCheck.warning(DOCUMENTS, "Manquant : " + String.join(", ", missing) + ".");
        }
        return FundingCheck.ok(DOCUMENTS, "Présent : " + String.join(", ", required(request).stream()
                .map(DocumentKind::label).toList()) + ".");
    }
}
