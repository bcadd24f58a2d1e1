package fr.asp.segur.system;

import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.funding.Amount;
import fr.asp.segur.domain.funding.FundingAmounts;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.funding.FundingClient;
import fr.asp.segur.domain.funding.FundingClientClaim;
import fr.asp.segur.domain.funding.FundingRequest;
import fr.asp.segur.domain.funding.FundingRequestNumber;
import fr.asp.segur.domain.funding.FundingStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * Funding requests as the supplier's filing would leave them (engineer F's FundingService is not needed
 * here): the entity's public constructor, the client's claim (or a conflict with its holder) and the signed
 * order form attached, in one transaction.
 */
@Stateless
@PermitAll
public class FundingFixture {

    static final String RADIOLOGY = "AF-RAD-RIS-VA1";
    static final String TRANCHE = "3 à 5 modalités";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private DocumentService documents;
    @EJB
    private PortalClock clock;

    /** A deposited avance of the enrolment's company for this client of the radiology call (ceiling 9 000 € HT). */
    public String file(String enrolmentNumber, String filedBy, String finess, String orderHt, boolean known) {
        EnrolmentRequest enrolment = em.createQuery("select e from EnrolmentRequest e where e.requestNumber = :n",
                EnrolmentRequest.class).setParameter("n", enrolmentNumber).getSingleResult();
        FundingCall call = em.createQuery("select c from FundingCall c where c.code = :code", FundingCall.class)
                .setParameter("code", RADIOLOGY).getSingleResult();
        long sequence = ((Number) em.createNativeQuery("select nextval('funding_number_seq')").getSingleResult())
                .longValue();
        FundingAmounts amounts = FundingAmounts.compute(Amount.parse("orderHt", "montant", orderHt), call.ceilingFor(TRANCHE),
                call.getAvanceRate());
        FundingRequest request = new FundingRequest(FundingRequestNumber.fromSequence(sequence).value(), call,
                enrolment.getId(), enrolment.company().siret(), filedBy,
                new FundingClient(call.getClientKind(), finess, "Cabinet de radiologie " + finess, known), TRANCHE,
                LocalDate.of(2026, 11, 15), amounts, clock.now());
        em.persist(request);
        em.flush();
        FundingClientClaim claim = em.find(FundingClientClaim.class, new FundingClientClaim.Key(call.getId(), finess));
        if (claim == null) {
            em.persist(new FundingClientClaim(call.getId(), finess, request.getId(), clock.now()));
        } else {
            request.markConflictWith(claim.getFundingRequestId());
        }
        attach(request, DocumentKind.BON_DE_COMMANDE);
        return request.getRequestNumber();
    }

    /** Carries a validated avance through its payment to a deposited solde with its invoice and MOM. */
    public void toSolde(String number) {
        FundingRequest request = em.createQuery("select f from FundingRequest f where f.requestNumber = :n",
                FundingRequest.class).setParameter("n", number).getSingleResult();
        request.moveTo(FundingStatus.AVANCE_PAYEE, "lot-de-paiement", null, clock.now());
        request.moveTo(FundingStatus.SOLDE_DEPOSE, request.getFiledBy(), null, clock.now());
        attach(request, DocumentKind.FACTURE);
        attach(request, DocumentKind.MISE_EN_ORDRE_DE_MARCHE);
    }

    private void attach(FundingRequest request, DocumentKind kind) {
        String draft = Fixtures.newDraft();
        Document document = documents.stage(draft, kind, kind.name().toLowerCase() + ".pdf",
                new ByteArrayInputStream(Fixtures.pdf()));
        document.attachToFundingRequest(request.getId());
    }

    /** Ids of requests a test filed, for the clean-up of a queue test. */
    public List<String> numbersOf(String filedBy) {
        return em.createQuery("select f.requestNumber from FundingRequest f where f.filedBy = :by order by f.id",
                String.class).setParameter("by", filedBy).getResultList();
    }
}
