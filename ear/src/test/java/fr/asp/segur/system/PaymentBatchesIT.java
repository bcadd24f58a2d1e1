package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.funding.FundingNightly;
import fr.asp.segur.application.instruction.InstructionService;
import fr.asp.segur.application.payment.BatchView;
import fr.asp.segur.application.payment.PaymentBatches;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.batch.funding.FundingTimer;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payment of funding requests on PostgreSQL: the day's batch shows its count and total, is exported
 * once (the file reads back with Prowide with its control sum, the requests are paid), an avance or a
 * solde is never paid twice; and the nightly job closes ended calls and reminds soldes at J-15 and J-3,
 * each once. Each test runs on its own day (the portal's clock is moved) so that it has its own batch.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentBatchesIT {

    private static final AtomicLong CLIENTS = new AtomicLong(System.nanoTime() % 100_000_000L);

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.earWithTests(PaymentBatchesIT.class, Fixtures.class, People.class);
        // AssertJ runs in the server with the test (it shades its own dependencies); the test reads the files
        // back with Prowide's module.
        ear.getAsType(WebArchive.class, "test.war").addPackages(true, "org.assertj.core").setManifest(new StringAsset(
                "Manifest-Version: 1.0\nDependencies: org.wildfly.security.elytron,com.prowidesoftware\n"));
        return ear;
    }

    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @EJB
    InstructionService instruction;
    @EJB
    PaymentBatches payments;
    @EJB
    FundingNightly nightly;
    @EJB
    FundingTimer nightlyJob;
    @EJB
    PortalClock clock;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_batch_is_shown_then_exported_once_and_its_file_reads_back_with_its_control_sum() throws Exception {
        clock.shiftTo(LocalDateTime.of(2031, 1, 6, 9, 0));
        long enrolmentId = validatedEnrolment("paiement-1@kalinka.fr");
        long avance = fundingRequest(enrolmentId, "AF-RAD-RIS-VA1", "AVANCE_VALIDEE", "4500.00", "1350.00", "3150.00");
        long solde = fundingRequest(enrolmentId, "AF-RAD-RIS-VA1", "SOLDE_VALIDE", "1000.01", "300.00", "700.01");
        long pending = fundingRequest(enrolmentId, "AF-RAD-RIS-VA1", "AVANCE_EN_INSTRUCTION", "900.00", "270.00", "630.00");

        BatchView shown = People.as(People.SUPERVISEUR, () -> payments.prepareToday());
        assertThat(lines(shown.id(), avance)).isEqualTo(1);
        assertThat(lines(shown.id(), solde)).isEqualTo(1);
        assertThat(lines(shown.id(), pending)).isZero();
        assertThat(amount(avance)).isEqualByComparingTo("1350.00");
        assertThat(amount(solde)).isEqualByComparingTo("700.01");
        BigDecimal sumInDb = new BigDecimal(Fixtures.count(ds, "select (sum(amount) * 100)::bigint from payment_line "
                + "where batch_id = ?", shown.id())).movePointLeft(2);
        assertThat(shown.total()).isEqualByComparingTo(sumInDb);

        // What the supervisor saw is what is exported: a stale count is refused and changes nothing.
        assertThatThrownBy(() -> People.as(People.SUPERVISEUR,
                () -> payments.export(shown.id(), shown.count() - 1, shown.total())))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("Le lot a changé depuis son affichage");
        assertThat(status(avance)).isEqualTo("AVANCE_VALIDEE");

        BatchView exported = People.as(People.SUPERVISEUR, () -> payments.export(shown.id(), shown.count(), shown.total()));
        assertThat(exported.exported()).isTrue();
        assertThat(status(avance)).isEqualTo("AVANCE_PAYEE");
        assertThat(status(solde)).isEqualTo("SOLDE_PAYE");
        assertThat(status(pending)).isEqualTo("AVANCE_EN_INSTRUCTION");
        assertThat(Fixtures.count(ds, "select count(*) from funding_request_history where funding_request_id = ? "
                + "and to_status = 'AVANCE_PAYEE' and actor = 'paiement'", avance)).isEqualTo(1);

        String xml = file(exported.id());
        CustomerCreditTransferInitiationV09 doc = MxPain00100109.parse(xml).getCstmrCdtTrfInitn();
        assertThat(doc.getGrpHdr().getNbOfTxs()).isEqualTo(Integer.toString(exported.count()));
        assertThat(doc.getGrpHdr().getCtrlSum()).isEqualByComparingTo(exported.total());
        List<CreditTransferTransaction34> txs = doc.getPmtInf().get(0).getCdtTrfTxInf();
        assertThat(txs).hasSize(exported.count());
        assertThat(txs.stream().map(t -> t.getAmt().getInstdAmt().getValue()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(exported.total());
        String avanceNumber = number(avance);
        CreditTransferTransaction34 mine = txs.stream()
                .filter(t -> t.getPmtId().getEndToEndId().equals(avanceNumber + "-A")).findFirst().orElseThrow();
        assertThat(mine.getCdtrAcct().getId().getIBAN()).isEqualTo(Fixtures.IBAN);
        assertThat(mine.getAmt().getInstdAmt().getCcy()).isEqualTo("EUR");
        assertThat(mine.getRmtInf().getUstrd().get(0)).startsWith("SEGUR NUMERIQUE AVANCE " + avanceNumber)
                .hasSizeLessThanOrEqualTo(140);
        assertThat(file(exported.id())).as("the file downloaded again is the same").isEqualTo(xml);

        // Exported once; the paid requests never enter another batch.
        assertThatThrownBy(() -> People.as(People.SUPERVISEUR,
                () -> payments.export(exported.id(), exported.count(), exported.total())))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("déjà exporté");
        clock.shiftTo(LocalDateTime.of(2031, 1, 7, 9, 0));
        BatchView tomorrow = People.as(People.SUPERVISEUR, () -> payments.prepareToday());
        assertThat(lines(tomorrow.id(), avance) + lines(tomorrow.id(), solde)).isZero();
        assertThat(Fixtures.count(ds, "select count(*) from payment_line where funding_request_id = ?", avance)).isEqualTo(1);
    }

    @Test
    void preparing_twice_adds_only_what_was_validated_since_and_agents_may_not_pay() throws Exception {
        clock.shiftTo(LocalDateTime.of(2031, 2, 3, 9, 0));
        long enrolmentId = validatedEnrolment("paiement-2@kalinka.fr");
        long first = fundingRequest(enrolmentId, "AF-OFF-LGO-VA1", "AVANCE_VALIDEE", "1200.00", "360.00", "840.00");
        BatchView once = People.as(People.SUPERVISEUR, () -> payments.prepareToday());
        long second = fundingRequest(enrolmentId, "AF-OFF-LGO-VA1", "AVANCE_VALIDEE", "1200.00", "360.00", "840.00");
        BatchView twice = People.as(People.SUPERVISEUR, () -> payments.prepareToday());
        assertThat(twice.id()).isEqualTo(once.id());
        assertThat(twice.count()).isEqualTo(once.count() + 1);
        assertThat(lines(twice.id(), first) + lines(twice.id(), second)).isEqualTo(2);
        assertThatThrownBy(() -> People.as(People.AGENT, () -> payments.prepareToday()))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
    }

    @Test
    void the_nightly_job_closes_ended_calls_and_reminds_soldes_at_j15_and_j3_once_each() throws Exception {
        long enrolmentId = validatedEnrolment("paiement-3@kalinka.fr");
        long paid = fundingRequest(enrolmentId, "AF-OFF-LGO-VA1", "AVANCE_PAYEE", "1200.00", "360.00", "840.00");
        // AF-OFF-LGO-VA1: window until 15/03/2027 14:00, solde until 28/04/2027 14:00 (sample calls).
        Fixtures.execute(ds, "update funding_call set closed_at = null where code = 'AF-OFF-LGO-VA1'");
        clock.shiftTo(LocalDateTime.of(2027, 3, 15, 13, 59));
        runNightly();
        assertThat(closedAt("AF-OFF-LGO-VA1")).isZero();
        clock.shiftTo(LocalDateTime.of(2027, 3, 15, 14, 1));
        runNightly();
        assertThat(closedAt("AF-OFF-LGO-VA1")).isEqualTo(1);

        clock.shiftTo(LocalDateTime.of(2027, 4, 12, 6, 0)); // 16 days before: nothing yet
        runNightly();
        assertThat(nightly.remindersSent(paid)).isEmpty();
        clock.shiftTo(LocalDateTime.of(2027, 4, 13, 6, 0)); // J-15
        runNightly();
        runNightly();
        assertThat(nightly.remindersSent(paid)).containsExactly(15);
        assertThat(reminderMails("paiement-3@kalinka.fr")).isEqualTo(1);
        clock.shiftTo(LocalDateTime.of(2027, 4, 25, 6, 0)); // J-3
        runNightly();
        runNightly();
        assertThat(nightly.remindersSent(paid)).containsExactly(15, 3);
        assertThat(reminderMails("paiement-3@kalinka.fr")).isEqualTo(2);
        clock.shiftTo(LocalDateTime.of(2027, 4, 28, 14, 1)); // too late: no solde, no reminder
        runNightly();
        assertThat(reminderMails("paiement-3@kalinka.fr")).isEqualTo(2);
    }

    private void runNightly() throws Exception {
        long execution = nightlyJob.start();
        long deadline = System.currentTimeMillis() + 60_000;
        BatchStatus status;
        do {
            Thread.sleep(100);
            status = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
        } while ((status == BatchStatus.STARTING || status == BatchStatus.STARTED) && System.currentTimeMillis() < deadline);
        assertThat(status).isEqualTo(BatchStatus.COMPLETED);
    }

    private long validatedEnrolment(String email) throws Exception {
        String number = Fixtures.submit(enrolment, documents, captcha, Fixtures.representativeForm(email),
                Fixtures.REPRESENTATIVE_DOCUMENTS);
        People.as(People.AGENT, () -> instruction.take(number, version(number)));
        People.as(People.AGENT, () -> instruction.validate(number, version(number)));
        return Fixtures.count(ds, "select id from enrolment_request where request_number = ?", number);
    }

    private long version(String number) throws Exception {
        return Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number);
    }

    /** A funding request in a given state, written straight to the tables (filing is tested elsewhere). */
    private long fundingRequest(long enrolmentId, String call, String status, String granted, String avance,
                                String solde) throws Exception {
        long sequence = Fixtures.count(ds, "select nextval('funding_number_seq')");
        String number = fr.asp.segur.domain.funding.FundingRequestNumber.fromSequence(sequence).value();
        String client = String.format("%09d", CLIENTS.incrementAndGet() % 1_000_000_000L);
        Fixtures.execute(ds, "insert into funding_request (request_number, call_id, enrolment_request_id, supplier_siret, "
                        + "filed_by, client_kind, client_identifier, client_name, client_known, order_signed_on, "
                        + "order_amount_ht, ceiling_ht, granted_ht, avance_ht, solde_ht, status, filed_at, version) "
                        + "select ?, c.id, ?, ?, e.email, c.client_kind, ?, 'PHARMACIE DU TEST', true, date '2027-01-10', "
                        + "?::numeric, ?::numeric, ?::numeric, ?::numeric, ?::numeric, ?, timestamp '2027-01-10 10:00', 0 "
                        + "from funding_call c, (select p.email from request_person p where p.request_id = ? limit 1) e "
                        + "where c.code = ?",
                number, enrolmentId, Fixtures.KALINKA_SIRET, client, granted, granted, granted, avance, solde, status,
                enrolmentId, call);
        return Fixtures.count(ds, "select id from funding_request where request_number = ?", number);
    }

    private String number(long id) throws Exception {
        try (var c = ds.getConnection(); var s = c.prepareStatement("select request_number from funding_request where id = ?")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private String status(long id) throws Exception {
        try (var c = ds.getConnection(); var s = c.prepareStatement("select status from funding_request where id = ?")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long lines(long batchId, long requestId) throws Exception {
        return Fixtures.count(ds, "select count(*) from payment_line where batch_id = ? and funding_request_id = ?",
                batchId, requestId);
    }

    private BigDecimal amount(long requestId) throws Exception {
        return new BigDecimal(Fixtures.count(ds, "select (amount * 100)::bigint from payment_line where funding_request_id = ?",
                requestId)).movePointLeft(2);
    }

    private long closedAt(String call) throws Exception {
        return Fixtures.count(ds, "select count(*) from funding_call where code = ? and closed_at is not null", call);
    }

    private long reminderMails(String email) throws Exception {
        return Fixtures.count(ds, "select count(*) from mail_message where recipient = ? and subject like '%solde à déposer%'",
                email);
    }

    private String file(long batchId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        People.as(People.SUPERVISEUR, () -> payments.writeFile(batchId, out));
        return out.toString(StandardCharsets.UTF_8);
    }
}
