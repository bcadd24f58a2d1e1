package fr.asp.segur.application.payment;

import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.funding.FundingStatus;
import fr.asp.segur.domain.payment.PaymentBatch;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Payment of validated avances and soldes: one batch per day, prepared (the validated requests not
 * yet in a batch are added, each avance or solde once: the pair is unique in {@code payment_line}),
 * shown with its count and total, then exported once — the supervisor confirms the count and total
 * they saw, the requests move to "payée" in the same transaction — as a pain.001.001.09 file that
 * can be downloaded again, identical, at any time.
 * <p>
 * Amounts paid are the HT amounts of the request (the avance, then the solde); TTC is shown for
 * information only.
 */
@Stateless
@RolesAllowed(Role.SUPERVISEUR_ROLE)
public class PaymentBatches {

    static final int SLICE = 1_000;
    static final String ACTOR = "paiement";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private PortalClock clock;
    @EJB
    private AuditTrail audit;
    @Resource
    private SessionContext context;

    /** The batches, newest first, with what each holds. */
    public List<BatchView> list() {
        return em.createQuery("select b from PaymentBatch b order by b.batchDate desc", PaymentBatch.class)
                .setMaxResults(200).getResultList().stream().map(this::view).toList();
    }

    public BatchView find(long id) {
        PaymentBatch batch = em.find(PaymentBatch.class, id);
        if (batch == null) {
            throw new BusinessRuleException("lot", "Ce lot de paiement n'existe pas.");
        }
        return view(batch);
    }

    /**
     * Adds to today's batch (created if needed) every validated avance and solde not yet in a batch,
     * and returns it with its count and total. Preparing again adds only what was validated since.
     */
    public BatchView prepareToday() {
        LocalDateTime now = clock.now();
        LocalDate today = now.toLocalDate();
        PaymentBatch batch = em.createQuery("select b from PaymentBatch b where b.batchDate = :d", PaymentBatch.class)
                .setParameter("d", today).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElse(null);
        if (batch == null) {
            batch = new PaymentBatch(today, now);
            em.persist(batch);
            em.flush();
        } else if (batch.getStatus() != PaymentBatch.Status.OUVERT) {
            throw new BusinessRuleException("lot", "Le lot de paiement du jour est déjà exporté : les demandes validées "
                    + "depuis iront dans le lot de demain.");
        }
        int added = em.createNativeQuery("insert into payment_line (batch_id, funding_request_id, phase, amount, "
                        + "end_to_end_id, creditor_name, creditor_iban, creditor_bic, remittance, created_at) "
                        + "select ?1, f.id, " + phaseCase("f.status") + ", "
                        + "case when f.status = ?2 then f.avance_ht else f.solde_ht end, "
                        + "f.request_number || case when f.status = ?2 then '-A' else '-S' end, "
                        + "substring(e.account_holder from 1 for 70), e.iban, e.bic, "
                        + "'SEGUR NUMERIQUE ' || " + phaseCase("f.status") + " || ' ' || f.request_number || ' ' "
                        + "|| c.code || ' ' || f.client_kind || ' ' || f.client_identifier, ?3 "
                        + "from funding_request f join enrolment_request e on e.id = f.enrolment_request_id "
                        + "join funding_call c on c.id = f.call_id "
                        + "where f.status in (" + payableStatuses() + ") and not exists (select 1 from payment_line p "
                        + "where p.funding_request_id = f.id and p.phase = " + phaseCase("f.status") + ")")
                .setParameter(1, batch.getId()).setParameter(2, FundingStatus.AVANCE_VALIDEE.name())
                .setParameter(3, now).executeUpdate();
        audit.record(caller(), "PAIEMENT_PREPARATION", null, batch.getMessageId() + " : " + added + " ligne(s) ajoutée(s)");
        return view(batch);
    }

    /**
     * Exports an open batch: the caller confirms the count and total they were shown; if the batch
     * holds anything else by now, nothing happens and they are asked to look again. The requests move
     * to "payée" (one history row each) and the batch is frozen, all in this transaction.
     */
    public BatchView export(long batchId, int shownCount, BigDecimal shownTotal) {
        PaymentBatch batch = em.find(PaymentBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            throw new BusinessRuleException("lot", "Ce lot de paiement n'existe pas.");
        }
        if (batch.getStatus() != PaymentBatch.Status.OUVERT) {
            throw new BusinessRuleException("lot", "Ce lot de paiement est déjà exporté : il ne peut l'être qu'une fois.");
        }
        Totals totals = totals(batchId);
        if (totals.count() == 0) {
            throw new BusinessRuleException("lot", "Ce lot de paiement est vide : il n'y a rien à exporter.");
        }
        if (totals.count() != shownCount || totals.total().compareTo(shownTotal) != 0) {
            throw new BusinessRuleException("lot", "Le lot a changé depuis son affichage (" + totals.count()
                    + " virement(s) pour " + totals.total().toPlainString() + " €) : vérifiez le nombre et le total "
                    + "avant d'exporter.");
        }
        LocalDateTime now = clock.now();
        String actor = caller();
        String matching = "from payment_line p where p.batch_id = ?1 and p.funding_request_id = f.id and ("
                + Arrays.stream(FundingStatus.values()).filter(FundingStatus::awaitsPayment)
                        .map(s -> "(p.phase = '" + s.phase().name() + "' and f.status = '" + s.name() + "')")
                        .collect(Collectors.joining(" or ")) + ")";
        em.createNativeQuery("insert into funding_request_history (funding_request_id, occurred_at, actor, "
                        + "from_status, to_status, motivation) select f.id, ?2, ?3, f.status, " + paidCase("f.status")
                        + ", ?4 from funding_request f where exists (select 1 " + matching + ")")
                .setParameter(1, batchId).setParameter(2, now).setParameter(3, ACTOR)
                .setParameter(4, "Virement du lot " + batch.getMessageId()).executeUpdate();
        int moved = em.createNativeQuery("update funding_request f set status = " + paidCase("f.status")
                        + ", version = version + 1 where exists (select 1 " + matching + ")")
                .setParameter(1, batchId).executeUpdate();
        if (moved != totals.count()) {
            throw new BusinessRuleException("lot", "Des demandes du lot ont changé d'état depuis sa préparation : "
                    + "préparez le lot à nouveau.");
        }
        batch.markExported(totals.count(), totals.total(), actor, now);
        audit.record(actor, "PAIEMENT_EXPORT", null, batch.getMessageId() + " : " + totals.count() + " virement(s), "
                + totals.total().toPlainString() + " €");
        return view(batch);
    }

    /**
     * Writes the pain.001.001.09 file of an exported batch to {@code out}, reading its lines by slices
     * of {@value #SLICE}: constant memory whatever the batch's size; the same bytes every time.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void writeFile(long batchId, OutputStream out) {
        PaymentBatch batch = em.find(PaymentBatch.class, batchId);
        if (batch == null || batch.getStatus() != PaymentBatch.Status.EXPORTE) {
            throw new BusinessRuleException("lot", "Seul un lot exporté a un fichier de virement.");
        }
        audit.recordAlone(caller(), "PAIEMENT_TELECHARGEMENT", null, batch.getMessageId());
        try (PainWriter pain = new PainWriter(out)) {
            pain.start(batch.getMessageId(), batch.getExportedAt().atZone(PortalClock.PARIS).toOffsetDateTime()
                            .withOffsetSameInstant(ZoneOffset.UTC), batch.getLineCount(), batch.getControlSum(),
                    batch.getBatchDate().plusDays(1), debtor());
            long last = 0;
            while (true) {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("select id, end_to_end_id, amount, creditor_name, "
                                + "creditor_iban, creditor_bic, remittance from payment_line where batch_id = ?1 and id > ?2 "
                                + "order by id").setParameter(1, batchId).setParameter(2, last)
                        .setMaxResults(SLICE).getResultList();
                for (Object[] r : rows) {
                    pain.transfer(new PainWriter.Transfer((String) r[1], (BigDecimal) r[2], (String) r[3],
                            (String) r[4], (String) r[5], (String) r[6]));
                    last = ((Number) r[0]).longValue();
                }
                em.clear();
                if (rows.size() < SLICE) {
                    break;
                }
            }
            pain.finish();
        }
    }

    /** The paying agency's account, from configuration (the demo's defaults are a test account). */
    static PainWriter.Debtor debtor() {
        return new PainWriter.Debtor(
                Settings.string("segur.payment.debtor-name", "AGENCE DE SERVICES ET DE PAIEMENT"),
                Settings.string("segur.payment.debtor-iban", "FR7630001000640000001234559"),
                Settings.string("segur.payment.debtor-bic", "BDFEFRPPCCT"));
    }

    private record Totals(int count, BigDecimal total, int avances) {
    }

    private Totals totals(long batchId) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(amount), 0), "
                        + "coalesce(sum(case when phase = 'AVANCE' then 1 else 0 end), 0) from payment_line where batch_id = ?1")
                .setParameter(1, batchId).getSingleResult();
        return new Totals(((Number) row[0]).intValue(), new BigDecimal(row[1].toString()).setScale(2),
                ((Number) row[2]).intValue());
    }

    private BatchView view(PaymentBatch b) {
        Totals t = totals(b.getId());
        return new BatchView(b.getId(), b.getBatchDate(), b.getStatus().name(), b.getStatus().label(),
                b.getMessageId(), t.count(), t.total(), t.avances(), t.count() - t.avances(), b.getExportedAt(),
                b.getExportedBy());
    }

    /** SQL: the phase ('AVANCE' or 'SOLDE') of a payable status column. */
    private static String phaseCase(String column) {
        return "case " + column + Arrays.stream(FundingStatus.values()).filter(FundingStatus::awaitsPayment)
                .map(s -> " when '" + s.name() + "' then '" + s.phase().name() + "'").collect(Collectors.joining())
                + " end";
    }

    /** SQL: the status a payable status moves to once paid, as the life cycle defines it. */
    private static String paidCase(String column) {
        return "case " + column + Arrays.stream(FundingStatus.values()).filter(FundingStatus::awaitsPayment)
                .map(s -> " when '" + s.name() + "' then '" + s.next().iterator().next().name() + "'")
                .collect(Collectors.joining()) + " end";
    }

    private static String payableStatuses() {
        return Arrays.stream(FundingStatus.values()).filter(FundingStatus::awaitsPayment)
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
