package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.funding.FiledFunding;
import fr.asp.segur.application.funding.FundingQuote;
import fr.asp.segur.application.funding.FundingRequestForm;
import fr.asp.segur.application.funding.FundingRules;
import fr.asp.segur.application.funding.FundingService;
import fr.asp.segur.application.funding.SupplierFunding;
import fr.asp.segur.application.instruction.InstructionService;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The supplier's side of funding requests against the sample calls, on the real server and database:
 * each rule refused with its French message (and nothing stored), windows to the minute with the
 * portal's clock moved, the same client across two suppliers, sequentially and at the same instant.
 */
@ExtendWith(ArquillianExtension.class)
class FundingServiceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(FundingServiceIT.class, Fixtures.class, People.class, FundingFixtures.class,
                FundingFixtures.Supplier.class);
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
    FundingService funding;
    @EJB
    PortalClock clock;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private FundingFixtures.Supplier supplier(String prefix) throws Exception {
        return FundingFixtures.validatedSupplier(ds, enrolment, documents, captcha, instruction, prefix);
    }

    private String orderForm(FundingFixtures.Supplier s) throws Exception {
        String draft = Fixtures.newDraft();
        People.as(s.login(), () -> funding.stage(draft, DocumentKind.BON_DE_COMMANDE, "bon-de-commande.pdf",
                new ByteArrayInputStream(Fixtures.pdf())));
        return draft;
    }

    private FiledFunding file(FundingFixtures.Supplier s, FundingRequestForm form) throws Exception {
        String draft = orderForm(s);
        return People.as(s.login(), () -> funding.file(form, draft));
    }

    private static String today() {
        return java.time.LocalDate.now(PortalClock.PARIS).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private List<String> messages(FundingFixtures.Supplier s, FundingRequestForm form, String draft) throws Exception {
        return People.as(s.login(), () -> funding.check(form, draft)).stream().map(FieldError::message).toList();
    }

    private long count(String sql, Object... params) throws Exception {
        return Fixtures.count(ds, sql, params);
    }

    @Test
    void aValidatedSupplierFilesAnAvanceSeesTheAmountsAndIsTold() throws Exception {
        FundingFixtures.Supplier s = supplier("avance");
        String client = FundingFixtures.finess();
        FundingRequestForm form = FundingFixtures.radiologie(s, client, today(), "10 000,00");

        FundingQuote quote = People.as(s.login(), () -> funding.quote(form));
        assertEquals("9\u202f000,00\u00a0€", quote.grantedHt(), "the lower of the order form and the tranche's ceiling");
        assertTrue(quote.capped());
        assertEquals("2\u202f700,00\u00a0€", quote.avanceHt());
        assertEquals("3\u202f240,00\u00a0€", quote.avanceTtc());
        assertEquals("6\u202f300,00\u00a0€", quote.soldeHt());
        assertEquals("30 %", quote.avancePercent());
        assertFalse(quote.clientKnown(), "an unknown FINESS is accepted, flagged");
        assertNull(quote.conflictWith());

        FiledFunding filed = file(s, form);
        assertTrue(filed.requestNumber().startsWith("DF"), filed.requestNumber());
        assertEquals("Avance déposée", filed.statusLabel());
        assertEquals(1, count("select count(*) from funding_request where request_number = ? and client_known = false "
                + "and granted_ht = 9000.00 and avance_ht = 2700.00 and solde_ht = 6300.00 and order_amount_ht = 10000.00 "
                + "and ceiling_tranche = '3 à 5 modalités' and status = 'AVANCE_DEPOSEE' and supplier_siret = ?",
                filed.requestNumber(), s.siret()));
        assertEquals(1, count("select count(*) from funding_client_claim c join funding_request r "
                + "on r.id = c.funding_request_id where r.request_number = ? and c.client_identifier = ?",
                filed.requestNumber(), client));
        assertEquals(1, count("select count(*) from document d join funding_request r on r.id = d.funding_request_id "
                + "where r.request_number = ? and d.kind = 'BON_DE_COMMANDE' and d.draft_token is null",
                filed.requestNumber()));
        assertEquals(1, count("select count(*) from funding_request_history h join funding_request r "
                + "on r.id = h.funding_request_id where r.request_number = ? and h.to_status = 'AVANCE_DEPOSEE'",
                filed.requestNumber()));
        assertEquals(1, count("select count(*) from mail_message where recipient = ? and subject like ? "
                + "and text_body like ? and text_body like '%2_700,00%'", s.login(), "%" + filed.requestNumber(),
                "%/espace/demande-financement.xhtml?numero=" + filed.requestNumber() + "%"));

        List<SupplierFunding> mine = People.as(s.login(), () -> funding.myRequests(null, null));
        assertEquals(1, mine.size());
        assertEquals("6\u202f300,00\u00a0€", mine.get(0).soldeHt());
        assertEquals("0,00\u00a0€", mine.get(0).paidHt());
        assertEquals(1, People.as(s.login(), () -> funding.myRequests(FundingFixtures.RADIOLOGIE, "AVANCE_DEPOSEE")).size());
        assertEquals(0, People.as(s.login(), () -> funding.myRequests(FundingFixtures.OFFICINE, null)).size());
        assertEquals(0, People.as(s.login(), () -> funding.myRequests(null, "AVANCE_PAYEE")).size());
        SupplierFunding detail = People.as(s.login(), () -> funding.myRequest(filed.requestNumber())).orElseThrow();
        assertEquals(1, detail.history().size());
        assertEquals("bon-de-commande.pdf", detail.documents().get(0).fileName());
        assertFalse(detail.soldeAllowed());
    }

    @Test
    void aClientTheReferentialKnowsIsNamedByIt() throws Exception {
        FundingFixtures.Supplier s = supplier("connu");
        String client = FundingFixtures.finess();
        Fixtures.execute(ds, "insert into finess_establishment (finess, kind, name, closed) values (?, 'ET', "
                + "'CENTRE D''IMAGERIE DU PORT', false)", client);
        FundingRequestForm form = new FundingRequestForm(FundingFixtures.RADIOLOGIE, s.enrolmentId(), client, "",
                "1 à 2 modalités", today(), "3000");
        FundingQuote quote = People.as(s.login(), () -> funding.quote(form));
        assertTrue(quote.clientKnown());
        assertEquals("CENTRE D'IMAGERIE DU PORT", quote.clientName());
        assertFalse(quote.capped());
        assertEquals("900,00\u00a0€", quote.avanceHt());
        FiledFunding filed = file(s, form);
        assertEquals(1, count("select count(*) from funding_request where request_number = ? and client_known = true "
                + "and client_name = 'CENTRE D''IMAGERIE DU PORT'", filed.requestNumber()));

        String closed = FundingFixtures.finess();
        Fixtures.execute(ds, "insert into finess_establishment (finess, kind, name, closed) values (?, 'ET', 'FERME', true)",
                closed);
        assertTrue(messages(s, FundingFixtures.radiologie(s, closed, today(), "3000"), null).contains(
                "Cet établissement est fermé d'après le répertoire FINESS : il ne peut pas être financé."));
    }

    @Test
    void eachRuleIsRefusedWithItsFrenchMessageAndNothingIsStored() throws Exception {
        FundingFixtures.Supplier s = supplier("regles");
        FundingFixtures.Supplier other = supplier("autre");
        long before = count("select count(*) from funding_request");
        String client = FundingFixtures.finess();

        assertEquals(List.of("Choisissez l'appel à financement."),
                messages(s, new FundingRequestForm(" ", s.enrolmentId(), client, "X", null, today(), "100"), null));
        assertEquals(List.of("L'appel à financement « AF-INCONNU » n'existe pas."),
                messages(s, new FundingRequestForm("AF-INCONNU", s.enrolmentId(), client, "X", null, today(), "100"), null));
        assertTrue(messages(s, new FundingRequestForm(FundingFixtures.CLOSED, s.enrolmentId(), client, "X",
                "Moins de 100 lits", "01/06/2022", "100"), null).contains("L'appel à financement AF-HOP-DPI-VA1 est "
                + "clos depuis le 15/03/2023 à 14:00 : les demandes d'avance n'y sont plus reçues."));
        // The enrolment: another company's, none, not validated, software not funded by the call.
        assertEquals(List.of("Cet enrôlement n'existe pas ou n'appartient pas à l'une de vos sociétés."),
                messages(s, FundingFixtures.radiologie(other, client, today(), "100"), null));
        assertEquals(List.of("Choisissez l'enrôlement (logiciel et société) au titre duquel vous demandez le financement."),
                messages(s, new FundingRequestForm(FundingFixtures.RADIOLOGIE, null, client, "X", FundingFixtures.TRANCHE,
                        today(), "100"), null));
        Fixtures.execute(ds, "update enrolment_request set status = 'EN_INSTRUCTION' where id = ?", other.enrolmentId());
        assertEquals(List.of("Seul un enrôlement validé ouvre droit au financement : l'enrôlement "
                        + other.enrolmentNumber() + " est « En instruction »."),
                messages(other, FundingFixtures.radiologie(other, client, today(), "100"), null));
        assertTrue(messages(s, new FundingRequestForm(FundingFixtures.OFFICINE, s.enrolmentId(), client, "X", null,
                today(), "100"), null).contains("Le logiciel « RADIO RIS LOGICIEL 1 » est référencé pour le dossier de "
                + "spécifications « DSR-RAD-RIS-Va1 », que l'appel AF-OFF-LGO-VA1 ne finance pas (il finance DSR-OFF-LGO-Va1)."));
        // The client's identifier in the call's kind, and its name.
        assertEquals(List.of("Le numéro FINESS doit comporter 9 caractères."),
                messages(s, FundingFixtures.radiologie(s, "75000001", today(), "100"), null));
        assertTrue(messages(s, new FundingRequestForm(FundingFixtures.MEDECIN, s.enrolmentId(), "1234", "X", null,
                today(), "100"), null).contains("Le numéro RPPS doit comporter 11 chiffres."));
        assertTrue(messages(s, new FundingRequestForm(FundingFixtures.BIOLOGIE, s.enrolmentId(), "81120705900016", "X",
                "Laboratoire mono-site", today(), "100"), null).stream().anyMatch(m -> m.startsWith("Le numéro de SIRET")));
        assertEquals(List.of("Le nom du client est obligatoire."), messages(s, new FundingRequestForm(
                FundingFixtures.RADIOLOGIE, s.enrolmentId(), client, " ", FundingFixtures.TRANCHE, today(), "100"), null));
        // The tranche, the order form's date and amount, its file.
        assertEquals(List.of("La tranche « 12 modalités » n'existe pas dans l'appel : choisissez la tranche « Nombre de "
                        + "modalités d'imagerie » du client parmi celles de l'appel."),
                messages(s, new FundingRequestForm(FundingFixtures.RADIOLOGIE, s.enrolmentId(), client, "X",
                        "12 modalités", today(), "100"), null));
        assertEquals(List.of("Le bon de commande doit être signé pendant la période de l'appel AF-RAD-RIS-VA1, "
                + "du 01/10/2026 au 30/06/2027."), messages(s, FundingFixtures.radiologie(s, client, "30/09/2026", "100"), null));
        String tomorrow = java.time.LocalDate.now(PortalClock.PARIS).plusDays(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertEquals(List.of("La date de signature du bon de commande ne peut pas être postérieure à aujourd'hui."),
                messages(s, FundingFixtures.radiologie(s, client, tomorrow, "100"), null));
        assertEquals(List.of("La date de signature du bon de commande doit être une date au format jj/mm/aaaa, "
                + "par exemple 15/01/2027."), messages(s, FundingFixtures.radiologie(s, client, "2026-12-01", "100"), null));
        assertEquals(List.of("Le montant HT du bon de commande doit être un montant en euros avec au plus 2 décimales, "
                + "par exemple 1 250,00."), messages(s, FundingFixtures.radiologie(s, client, today(), "12,345"), null));
        assertEquals(List.of("Le montant HT du bon de commande est obligatoire."),
                messages(s, FundingFixtures.radiologie(s, client, today(), ""), null));
        String empty = Fixtures.newDraft();
        BusinessRuleException noOrderForm = assertThrows(BusinessRuleException.class, () -> People.as(s.login(),
                () -> funding.file(FundingFixtures.radiologie(s, client, today(), "100"), empty)));
        assertEquals("Joignez le bon de commande signé par le client (PDF).", noOrderForm.getMessage());
        // Every broken rule at once.
        assertEquals(4, messages(s, new FundingRequestForm(FundingFixtures.RADIOLOGIE, s.enrolmentId(), "x", "X",
                "?", "?", "?"), null).size(), "identifier, tranche, date and amount");

        assertEquals(before, count("select count(*) from funding_request"), "a refusal stores nothing");
        assertEquals(0, count("select count(*) from funding_client_claim where client_identifier = ?", client));
    }

    @Test
    void onlyASupplierFilesAndOnlyTheirOwnRequestsAreSeen() throws Exception {
        FundingFixtures.Supplier s = supplier("proprio");
        FundingFixtures.Supplier other = supplier("curieux");
        FiledFunding filed = file(s, FundingFixtures.radiologie(s, FundingFixtures.finess(), today(), "1000"));
        assertTrue(People.as(other.login(), () -> funding.myRequest(filed.requestNumber())).isEmpty());
        assertTrue(People.as(other.login(), () -> funding.myRequests(null, null)).isEmpty());
        BusinessRuleException foreign = assertThrows(BusinessRuleException.class,
                () -> People.as(other.login(), () -> funding.fileSolde(filed.requestNumber(), Fixtures.newDraft())));
        assertEquals("Cette demande de financement n'existe pas ou n'appartient pas à l'une de vos sociétés.",
                foreign.getMessage());
        assertThrows(EJBAccessException.class, () -> People.as(People.AGENT,
                () -> funding.file(FundingFixtures.radiologie(s, FundingFixtures.finess(), today(), "1000"),
                        Fixtures.newDraft())));
    }

    @Test
    void theAvanceWindowIsEnforcedToTheMinute() throws Exception {
        FundingFixtures.Supplier s = supplier("fenetre");
        String client = FundingFixtures.finess();
        String closedAt = "L'appel à financement AF-RAD-RIS-VA1 est clos depuis le 30/06/2027 à 14:00 : "
                + "les demandes d'avance n'y sont plus reçues.";

        // Time stopped: the end minute is checked at that minute however slow the machine.
        clock.freezeAt(LocalDateTime.of(2027, 6, 30, 14, 0, 59));
        FiledFunding last = file(s, FundingFixtures.radiologie(s, client, "30/06/2027", "1000"));
        assertEquals("Avance déposée", last.statusLabel(), "filed during the end minute");

        clock.freezeAt(LocalDateTime.of(2027, 6, 30, 14, 1));
        List<String> late = messages(s, FundingFixtures.radiologie(s, FundingFixtures.finess(), "30/06/2027", "1000"),
                null);
        assertEquals(List.of(closedAt), late);
        String draft = orderForm(s);
        BusinessRuleException refused = assertThrows(BusinessRuleException.class, () -> People.as(s.login(),
                () -> funding.file(FundingFixtures.radiologie(s, FundingFixtures.finess(), "30/06/2027", "1000"), draft)));
        assertEquals(closedAt, refused.getMessage());

        clock.freezeAt(LocalDateTime.of(2026, 9, 30, 23, 59));
        assertTrue(messages(s, FundingFixtures.radiologie(s, FundingFixtures.finess(), "30/09/2026", "1000"), null)
                .contains("L'appel à financement AF-RAD-RIS-VA1 n'est pas encore ouvert : les demandes d'avance y sont "
                        + "reçues à partir du 01/10/2026 à 00:00."));
        clock.freezeAt(LocalDateTime.of(2026, 10, 1, 0, 0));
        assertEquals(List.of(), messages(s, FundingFixtures.radiologie(s, FundingFixtures.finess(), "01/10/2026", "1000"),
                null));
    }

    @Test
    void theSameClientAcrossTwoSuppliersIsAConflictThenARefusal() throws Exception {
        FundingFixtures.Supplier first = supplier("premier");
        FundingFixtures.Supplier second = supplier("second");
        String client = FundingFixtures.finess();
        FiledFunding holder = file(first, FundingFixtures.radiologie(first, client, today(), "4000"));

        // The first one is undecided: the second goes to agents as a conflict, the client keeps one claim.
        FundingQuote foreseen = People.as(second.login(), () -> funding.quote(
                FundingFixtures.radiologie(second, client, today(), "5000")));
        assertEquals(holder.requestNumber(), foreseen.conflictWith());
        FiledFunding competing = file(second, FundingFixtures.radiologie(second, client, today(), "5000"));
        assertEquals(holder.requestNumber(), competing.conflictWith());
        assertEquals(1, count("select count(*) from funding_request c join funding_request h on h.id = c.conflict_with_id "
                + "where c.request_number = ? and h.request_number = ?", competing.requestNumber(), holder.requestNumber()));
        assertEquals(1, count("select count(*) from funding_client_claim where client_identifier = ?", client));
        assertEquals(1, count("select count(*) from mail_message where recipient = ? and subject like ? "
                + "and text_body like '%Une autre demande est déjà en cours d''instruction%'", second.login(),
                "%" + competing.requestNumber()));

        // The same company filing the same client again is refused at once.
        assertEquals(List.of("Votre société a déjà déposé la demande " + holder.requestNumber() + " pour ce client au titre "
                + "de cet appel : elle est en cours d'instruction."),
                messages(first, FundingFixtures.radiologie(first, client, today(), "4000"), null));

        // Once the holder's avance is accepted, any other request for the client is refused.
        Fixtures.execute(ds, "update funding_request set status = 'AVANCE_VALIDEE' where request_number = ?",
                holder.requestNumber());
        FundingFixtures.Supplier third = supplier("troisieme");
        String draft = orderForm(third);
        BusinessRuleException refused = assertThrows(BusinessRuleException.class, () -> People.as(third.login(),
                () -> funding.file(FundingFixtures.radiologie(third, client, today(), "5000"), draft)));
        assertEquals(FundingRules.ALREADY_FUNDED, refused.getMessage());
        assertEquals(List.of("clientIdentifier"), refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void twoSuppliersFilingTheSameClientAtOnceEndWithOneClaim() throws Exception {
        FundingFixtures.Supplier a = supplier("course-a");
        FundingFixtures.Supplier b = supplier("course-b");
        for (int round = 0; round < 3; round++) {
            String client = FundingFixtures.finess();
            String draftA = orderForm(a);
            String draftB = orderForm(b);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<FiledFunding> fa = pool.submit(() -> {
                    start.await();
                    return People.as(a.login(), () -> funding.file(FundingFixtures.radiologie(a, client, today(), "3000"),
                            draftA));
                });
                Future<FiledFunding> fb = pool.submit(() -> {
                    start.await();
                    return People.as(b.login(), () -> funding.file(FundingFixtures.radiologie(b, client, today(), "3000"),
                            draftB));
                });
                start.countDown();
                FiledFunding ra = fa.get(60, TimeUnit.SECONDS);
                FiledFunding rb = fb.get(60, TimeUnit.SECONDS);
                assertEquals(1, count("select count(*) from funding_client_claim where client_identifier = ?", client));
                assertEquals(2, count("select count(*) from funding_request where client_identifier = ?", client));
                assertEquals(1, count("select count(*) from funding_request where client_identifier = ? "
                        + "and conflict_with_id is not null", client), "exactly one of the two is the conflict");
                assertTrue(ra.inConflict() != rb.inConflict());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * The claim's key, not the check, settles a tie: a claim inserted by another transaction after this
     * filing checked, and committed while it waits on the key, makes its insert fail; the filing then
     * retries once and ends as a conflict.
     */
    @Test
    void aClaimCommittedBetweenCheckAndInsertIsSettledByTheRetry() throws Exception {
        FundingFixtures.Supplier a = supplier("verrou-a");
        FundingFixtures.Supplier b = supplier("verrou-b");
        FiledFunding holder = file(a, FundingFixtures.radiologie(a, FundingFixtures.finess(), today(), "3000"));
        long holderId = count("select id from funding_request where request_number = ?", holder.requestNumber());
        long callId = count("select id from funding_call where code = ?", FundingFixtures.RADIOLOGIE);
        String client = FundingFixtures.finess();
        String draftB = orderForm(b);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into funding_client_claim (call_id, client_identifier, "
                    + "funding_request_id, claimed_at) values (?, ?, ?, ?)")) {
                ps.setLong(1, callId);
                ps.setString(2, client);
                ps.setLong(3, holderId);
                ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
                ps.executeUpdate();
            }
            Future<FiledFunding> fb = pool.submit(() -> People.as(b.login(),
                    () -> funding.file(FundingFixtures.radiologie(b, client, today(), "3000"), draftB)));
            waitForALockWait();
            c.commit();
            FiledFunding rb = fb.get(60, TimeUnit.SECONDS);
            assertEquals(holder.requestNumber(), rb.conflictWith());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from funding_client_claim where client_identifier = ?", client));
        assertEquals(1, count("select count(*) from funding_request where client_identifier = ?", client),
                "the first attempt's request was rolled back with its insert");
    }

    private void waitForALockWait() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (count("select count(*) from pg_locks where not granted") > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the filing never waited on the claim's key");
    }

    @Test
    void aSoldeIsFiledOnAPaidAvanceWithItsDocumentsBeforeTheDeadline() throws Exception {
        FundingFixtures.Supplier s = supplier("solde");
        FiledFunding filed = file(s, FundingFixtures.radiologie(s, FundingFixtures.finess(), today(), "10000"));
        String number = filed.requestNumber();

        BusinessRuleException early = assertThrows(BusinessRuleException.class,
                () -> People.as(s.login(), () -> funding.fileSolde(number, Fixtures.newDraft())));
        assertTrue(early.getMessage().contains("La demande de solde n'est possible qu'une fois l'avance payée : la demande "
                + number + " est « Avance déposée »."), early.getMessage());

        Fixtures.execute(ds, "update funding_request set status = 'AVANCE_PAYEE' where request_number = ?", number);
        SupplierFunding paid = People.as(s.login(), () -> funding.myRequest(number)).orElseThrow();
        assertTrue(paid.soldeAllowed());
        assertEquals("Demande de solde à déposer", paid.awaitedFromSupplier());
        assertEquals("2\u202f700,00\u00a0€", paid.paidHt());

        String draft = Fixtures.newDraft();
        BusinessRuleException missing = assertThrows(BusinessRuleException.class,
                () -> People.as(s.login(), () -> funding.fileSolde(number, draft)));
        assertEquals(List.of("Joignez le document « Facture adressée au client » (PDF).",
                "Joignez le document « Mise en ordre de marche (MOM) signée par le client » (PDF)."),
                missing.errors().stream().map(FieldError::message).toList());
        People.as(s.login(), () -> funding.stage(draft, DocumentKind.FACTURE, "facture.pdf",
                new ByteArrayInputStream(Fixtures.pdf())));
        People.as(s.login(), () -> funding.stage(draft, DocumentKind.MISE_EN_ORDRE_DE_MARCHE, "mom.pdf",
                new ByteArrayInputStream(Fixtures.pdf())));

        clock.shiftTo(LocalDateTime.of(2027, 10, 31, 14, 1));
        BusinessRuleException late = assertThrows(BusinessRuleException.class,
                () -> People.as(s.login(), () -> funding.fileSolde(number, draft)));
        assertEquals("La date limite de dépôt des demandes de solde de l'appel AF-RAD-RIS-VA1 était le 31/10/2027 à 14:00 : "
                + "la demande de solde n'est plus recevable.", late.getMessage());

        clock.shiftTo(LocalDateTime.of(2027, 10, 31, 14, 0));
        FiledFunding solde = People.as(s.login(), () -> funding.fileSolde(number, draft));
        assertEquals("Solde déposé", solde.statusLabel());
        assertEquals(1, count("select count(*) from funding_request where request_number = ? and status = 'SOLDE_DEPOSE' "
                + "and solde_filed_at is not null and solde_ht = 6300.00", number));
        assertEquals(3, count("select count(*) from document d join funding_request r on r.id = d.funding_request_id "
                + "where r.request_number = ?", number));
        assertEquals(1, count("select count(*) from mail_message where recipient = ? and subject like ?",
                s.login(), "%demande de solde " + number));
        SupplierFunding after = People.as(s.login(), () -> funding.myRequest(number)).orElseThrow();
        assertFalse(after.soldeAllowed());
        assertEquals(2, after.history().size());
        assertNotNull(after.history().get(1).occurredAt());
    }
}
