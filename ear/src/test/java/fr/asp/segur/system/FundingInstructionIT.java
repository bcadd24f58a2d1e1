package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.funding.FundingCheck;
import fr.asp.segur.application.funding.AutomaticFundingChecks;
import fr.asp.segur.application.funding.FundingComplements;
import fr.asp.segur.application.funding.FundingDetail;
import fr.asp.segur.application.funding.FundingFilter;
import fr.asp.segur.application.funding.FundingInstruction;
import fr.asp.segur.application.funding.FundingQueries;
import fr.asp.segur.application.funding.FundingSort;
import fr.asp.segur.application.funding.FundingSummary;
import fr.asp.segur.application.instruction.InstructionService;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.funding.FundingStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agents' instruction of funding requests: each decision and its history, audit and email; complements
 * asked and answered from the supplier's space; the client's claim released on rejection; conflicts; many
 * validated at once; stale versions; roles.
 */
@ExtendWith(ArquillianExtension.class)
class FundingInstructionIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(FundingInstructionIT.class, FundingFixture.class, Fixtures.class, People.class);
    }

    private static final AtomicLong CLIENTS = new AtomicLong(System.nanoTime() % 10_000_000L * 10);
    private static String enrolmentNumber;
    private static String supplier;

    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @EJB
    InstructionService enrolmentInstruction;
    @EJB
    FundingInstruction instruction;
    @EJB
    FundingQueries queries;
    @EJB
    FundingComplements complements;
    @EJB
    FundingFixture fixture;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    /** One validated enrolment of KALINKA and one supplier account of KALINKA filing for it, for every test. */
    private synchronized String enrolment() throws Exception {
        if (enrolmentNumber == null) {
            String number = Fixtures.submit(enrolment, documents, captcha,
                    Fixtures.representativeForm("financement-" + System.nanoTime() + "@kalinka.fr"),
                    Fixtures.REPRESENTATIVE_DOCUMENTS);
            People.as(People.AGENT, () -> enrolmentInstruction.take(number, enrolmentVersion(number)));
            People.as(People.AGENT, () -> enrolmentInstruction.validate(number, enrolmentVersion(number)));
            supplier = "deposant-" + System.nanoTime() + "@kalinka.fr";
            Fixtures.supplierAccount(ds, supplier, Fixtures.KALINKA_SIRET);
            enrolmentNumber = number;
        }
        return enrolmentNumber;
    }

    private long enrolmentVersion(String number) throws Exception {
        return Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number);
    }

    private static String newClient() {
        return String.format("9%08d", CLIENTS.incrementAndGet() % 100_000_000L);
    }

    private String filed(String client) throws Exception {
        return fixture.file(enrolment(), supplier, client, "12 000,00", true);
    }

    private long version(String number) throws Exception {
        return Fixtures.count(ds, "select version from funding_request where request_number = ?", number);
    }

    private String status(String number) throws Exception {
        return text("select status from funding_request where request_number = ?", number);
    }

    private long count(String sql, Object... params) throws Exception {
        return Fixtures.count(ds, sql, params);
    }

    private String text(String sql, Object... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String claimHolder(String client) throws Exception {
        return text("select f.request_number from funding_client_claim k join funding_request f "
                + "on f.id = k.funding_request_id where k.client_identifier = ?", client);
    }

    private String conflictOf(String number) throws Exception {
        return text("select o.request_number from funding_request f join funding_request o on o.id = f.conflict_with_id "
                + "where f.request_number = ?", number);
    }

    private void take(String number) throws Exception {
        People.as(People.AGENT, () -> instruction.take(number, version(number)));
    }

    @Test
    void anAgentTakesThenValidatesTheAvanceWithHistoryAuditAndEmail() throws Exception {
        String number = filed(newClient());
        take(number);
        People.as(People.AGENT, () -> instruction.validate(number, version(number)));

        assertEquals("AVANCE_VALIDEE", status(number));
        assertEquals(1, count("select count(*) from funding_request where request_number = ? "
                + "and assigned_agent = 'agent@asp-public.fr'", number));
        assertEquals(3, count("select count(*) from funding_request_history h join funding_request f "
                + "on f.id = h.funding_request_id where f.request_number = ?", number));
        assertEquals(1, count("select count(*) from funding_request_history h join funding_request f "
                + "on f.id = h.funding_request_id where f.request_number = ? and h.from_status = 'AVANCE_EN_INSTRUCTION' "
                + "and h.to_status = 'AVANCE_VALIDEE' and h.actor = 'agent@asp-public.fr'", number));
        assertEquals(1, count("select count(*) from audit_event where request_number = ? "
                + "and action = 'FINANCEMENT_PRISE_EN_CHARGE'", number));
        assertEquals(1, count("select count(*) from audit_event where request_number = ? "
                + "and action = 'FINANCEMENT_VALIDATION_AVANCE' and actor = 'agent@asp-public.fr'", number));
        assertEquals(1, count("select count(*) from mail_message where recipient = ? and subject like ? "
                + "and subject like '%Validation de l''avance%' and text_body like '%700,00%'", supplier, "%" + number));
    }

    @Test
    void aDepositedAvanceMayBeValidatedStraightAwayAndThenNothingButPaymentFollows() throws Exception {
        String number = filed(newClient());
        People.as(People.AGENT, () -> instruction.validate(number, version(number)));
        assertEquals("AVANCE_VALIDEE", status(number));
        BusinessRuleException again = assertThrows(BusinessRuleException.class,
                () -> People.as(People.AGENT, () -> instruction.reject(number, version(number), "Trop tard")));
        assertEquals("Une demande de financement « Avance validée » ne peut pas passer à l'état « Avance rejetée ».",
                again.getMessage());
    }

    @Test
    void aRejectionNeedsAMotivationWhichTheSupplierReceivesAndReleasesTheClient() throws Exception {
        String client = newClient();
        String number = filed(client);
        take(number);
        BusinessRuleException unexplained = assertThrows(BusinessRuleException.class,
                () -> People.as(People.AGENT, () -> instruction.reject(number, version(number), "  ")));
        assertTrue(unexplained.getMessage().contains("motivation est obligatoire"), unexplained.getMessage());
        assertEquals("AVANCE_EN_INSTRUCTION", status(number));

        People.as(People.AGENT, () -> instruction.reject(number, version(number), "Le bon de commande n'est pas signé."));
        assertEquals("AVANCE_REJETEE", status(number));
        assertNull(claimHolder(client), "the client is free for another request of the call");
        assertEquals(1, count("select count(*) from mail_message where recipient = ? and subject like ? "
                + "and subject like '%Rejet de l''avance%' and text_body like '%Le bon de commande n''est pas signé.%'",
                supplier, "%" + number));
        assertEquals(1, count("select count(*) from audit_event where request_number = ? "
                + "and action = 'FINANCEMENT_REJET_AVANCE' and detail like '%client libéré%'", number));
    }

    @Test
    void rejectingTheHolderHandsTheClientToTheOldestConflictingRequest() throws Exception {
        String client = newClient();
        String holder = filed(client);
        String first = filed(client);
        String second = filed(client);
        assertEquals(holder, conflictOf(first));
        assertEquals(holder, conflictOf(second));

        BusinessRuleException refused = assertThrows(BusinessRuleException.class,
                () -> People.as(People.AGENT, () -> instruction.validate(first, version(first))));
        assertTrue(refused.getMessage().startsWith("La demande " + first + " ne peut pas être validée : le client "
                + client + " est retenu pour cet appel par la demande " + holder), refused.getMessage());
        assertEquals("AVANCE_DEPOSEE", status(first));

        People.as(People.AGENT, () -> instruction.reject(holder, version(holder), "Doublon : le client a déjà été équipé."));

        assertEquals(first, claimHolder(client));
        assertNull(conflictOf(first));
        assertEquals(first, conflictOf(second));
        assertEquals(1, count("select count(*) from audit_event where request_number = ? "
                + "and action = 'FINANCEMENT_CLIENT_TRANSFERE'", first));
        BusinessRuleException stillRefused = assertThrows(BusinessRuleException.class,
                () -> People.as(People.AGENT, () -> instruction.validate(second, version(second))));
        assertTrue(stillRefused.getMessage().contains("par la demande " + first), stillRefused.getMessage());

        People.as(People.AGENT, () -> instruction.validate(first, version(first)));
        assertEquals("AVANCE_VALIDEE", status(first));
        assertEquals(first, claimHolder(client));
    }

    @Test
    void complementsAreAskedThenAnsweredOnceFromTheSuppliersSpace() throws Exception {
        String number = filed(newClient());
        take(number);
        BusinessRuleException wrongKind = assertThrows(BusinessRuleException.class, () -> People.as(People.AGENT,
                () -> instruction.askForComplements(number, version(number), "Le RIB", Set.of(DocumentKind.RIB))));
        assertTrue(wrongKind.getMessage().startsWith("Seuls le bon de commande"), wrongKind.getMessage());
        People.as(People.AGENT, () -> instruction.askForComplements(number, version(number),
                "Le bon de commande joint n'est pas signé par le client.", Set.of(DocumentKind.BON_DE_COMMANDE)));
        assertEquals("AVANCE_COMPLEMENTS", status(number));

        String body = text("select text_body from mail_message where recipient = ? and subject like ? "
                + "and subject like '%Compléments demandés%'", supplier, "%" + number);
        Matcher link = Pattern.compile("financement-complements\\.xhtml\\?numero=" + number + "&jeton=([A-Za-z0-9_-]+)")
                .matcher(body);
        assertTrue(link.find(), body);
        assertTrue(body.contains("Bon de commande signé"), body);
        String secret = link.group(1);
        assertEquals(1, count("select count(*) from funding_complement_request c join funding_request f "
                + "on f.id = c.funding_request_id where f.request_number = ? and c.token_hash <> ? "
                + "and c.answered_at is null", number, secret), "only the link's hash is stored");

        String other = "autre-" + System.nanoTime() + "@ailleurs.fr";
        Fixtures.supplierAccount(ds, other, "73282932000074");
        BusinessRuleException notTheirs = assertThrows(BusinessRuleException.class,
                () -> People.as(other, () -> complements.open(number, secret)));
        assertEquals(FundingComplements.NOTHING_TO_ANSWER, notTheirs.getMessage());
        assertThrows(BusinessRuleException.class, () -> People.as(supplier, () -> complements.open(number, "faux")));
        assertThrows(EJBAccessException.class, () -> People.as(People.AGENT, () -> complements.open(number, secret)));

        assertEquals("Le bon de commande joint n'est pas signé par le client.",
                People.as(supplier, () -> complements.open(number, secret)).message());
        String draft = Fixtures.newDraft();
        BusinessRuleException missing = assertThrows(BusinessRuleException.class,
                () -> People.as(supplier, () -> complements.answer(number, secret, draft, "Voici")));
        assertEquals("Le document « Bon de commande signé » est obligatoire.", missing.getMessage());
        documents.stage(draft, DocumentKind.BON_DE_COMMANDE, "bon-signe.pdf", new ByteArrayInputStream(Fixtures.pdf()));
        People.as(supplier, () -> complements.answer(number, secret, draft, "Bon de commande signé joint."));

        assertEquals("AVANCE_EN_INSTRUCTION", status(number));
        assertEquals(2, count("select count(*) from document d join funding_request f on f.id = d.funding_request_id "
                + "where f.request_number = ? and d.kind = 'BON_DE_COMMANDE'", number), "old and new side by side");
        assertEquals(1, count("select count(*) from funding_request_history h join funding_request f "
                + "on f.id = h.funding_request_id where f.request_number = ? and h.to_status = 'AVANCE_EN_INSTRUCTION' "
                + "and h.actor = ? and h.motivation like '%Bon de commande signé joint.%'", number, supplier));
        assertEquals(1, count("select count(*) from audit_event where request_number = ? "
                + "and action = 'FINANCEMENT_REPONSE_COMPLEMENTS' and actor = ?", number, supplier));
        BusinessRuleException twice = assertThrows(BusinessRuleException.class,
                () -> People.as(supplier, () -> complements.answer(number, secret, Fixtures.newDraft(), "Encore")));
        assertEquals(FundingComplements.NOTHING_TO_ANSWER, twice.getMessage());

        FundingDetail detail = People.as(People.AGENT, () -> queries.detail(number));
        assertNull(detail.openComplement());
        assertTrue(detail.canValidate() && detail.canReject() && detail.canAskComplements() && !detail.canTake());
    }

    @Test
    void theSoldeIsInstructedLikeTheAvanceAndItsRejectionKeepsTheClient() throws Exception {
        String client = newClient();
        String number = filed(client);
        People.as(People.AGENT, () -> instruction.validate(number, version(number)));
        fixture.toSolde(number);
        take(number);
        assertEquals("SOLDE_EN_INSTRUCTION", status(number));
        FundingDetail detail = People.as(People.AGENT, () -> queries.detail(number));
        assertEquals("Solde", detail.phase());
        assertTrue(detail.checks().stream().anyMatch(c -> c.label().equals(AutomaticFundingChecks.DOCUMENTS) && c.ok()),
                detail.checks().toString());
        People.as(People.AGENT, () -> instruction.askForComplements(number, version(number),
                "La facture ne porte pas le nom du client.", Set.of(DocumentKind.FACTURE)));
        assertEquals("SOLDE_COMPLEMENTS", status(number));
        String draft = Fixtures.newDraft();
        documents.stage(draft, DocumentKind.FACTURE, "facture.pdf", new ByteArrayInputStream(Fixtures.pdf()));
        People.as(supplier, () -> complements.answer(number, null, draft, null));
        assertEquals("SOLDE_EN_INSTRUCTION", status(number));

        People.as(People.AGENT, () -> instruction.reject(number, version(number), "La MOM n'est pas signée."));
        assertEquals("SOLDE_REJETE", status(number));
        assertEquals(number, claimHolder(client), "the avance was paid: the client stays funded by this request");
        assertEquals(1, count("select count(*) from mail_message where recipient = ? and subject like ? "
                + "and subject like '%Rejet du solde%'", supplier, "%" + number));
    }

    @Test
    void manyCheckedRequestsAreValidatedEachOnItsOwn() throws Exception {
        String good = filed(newClient());
        String client = newClient();
        String holder = filed(client);
        String inConflict = filed(client);
        String stale = filed(newClient());
        String rejected = filed(newClient());
        long staleSeen = version(stale);
        take(stale);
        People.as(People.AGENT, () -> instruction.reject(rejected, version(rejected), "Client hors périmètre."));
        long historyBefore = count("select count(*) from funding_request_history");

        Map<String, Long> seen = new LinkedHashMap<>();
        seen.put(good, version(good));
        seen.put(inConflict, version(inConflict));
        seen.put(stale, staleSeen);
        seen.put(rejected, version(rejected));
        seen.put(holder, version(holder));
        List<FundingInstruction.Outcome> outcomes = People.as(People.AGENT, () -> instruction.validateAll(seen));

        assertEquals(List.of(good, inConflict, stale, rejected, holder),
                outcomes.stream().map(FundingInstruction.Outcome::requestNumber).toList());
        assertEquals(List.of(true, false, false, false, true),
                outcomes.stream().map(FundingInstruction.Outcome::validated).toList());
        assertTrue(outcomes.get(1).message().contains("est retenu pour cet appel par la demande " + holder),
                outcomes.get(1).message());
        assertEquals(FundingInstruction.CHANGED_MEANWHILE, outcomes.get(2).message());
        assertTrue(outcomes.get(3).message().contains("« Avance rejetée »"), outcomes.get(3).message());
        assertEquals("AVANCE_VALIDEE", status(good));
        assertEquals("AVANCE_DEPOSEE", status(inConflict));
        assertEquals("AVANCE_EN_INSTRUCTION", status(stale));
        assertEquals("AVANCE_VALIDEE", status(holder));
        assertEquals(historyBefore + 2, count("select count(*) from funding_request_history"),
                "nothing half-done: a history row for each validated request only");
        assertThrows(BusinessRuleException.class, () -> People.as(People.AGENT, () -> instruction.validateAll(Map.of())));
    }

    @Test
    void whenTwoAgentsActOnTheSameRequestOneWinsAndTheOtherIsTold() throws Exception {
        String number = filed(newClient());
        long seen = version(number);
        People.as(People.AGENT, () -> instruction.take(number, seen));
        BusinessRuleException late = assertThrows(BusinessRuleException.class,
                () -> People.as(People.SUPERVISEUR, () -> instruction.reject(number, seen, "Refus")));
        assertEquals(FundingInstruction.CHANGED_MEANWHILE, late.getMessage());
        assertEquals("AVANCE_EN_INSTRUCTION", status(number));
    }

    @Test
    void theDetailShowsAmountsAndChecksAndTheQueueFiltersFlaggedRequests() throws Exception {
        String unknown = newClient();
        String number = fixture.file(enrolment(), supplier, unknown, "3 000,00", false);
        FundingDetail detail = People.as(People.AGENT, () -> queries.detail(number));
        assertEquals(List.of("3 000,00 €", "9 000,00 €", "3 000,00 €", "900,00 €", "2 100,00 €"),
                detail.amounts().stream().map(a -> a.ht().replace('\u202f', ' ').replace('\u00a0', ' ')).toList());
        assertEquals("1 080,00 €", detail.amounts().get(3).ttc().replace('\u202f', ' ').replace('\u00a0', ' '));
        Map<String, Boolean> checks = new LinkedHashMap<>();
        for (FundingCheck check : detail.checks()) {
            checks.put(check.label(), check.ok());
        }
        assertEquals(List.of(AutomaticFundingChecks.CLIENT, AutomaticFundingChecks.UNIQUE, AutomaticFundingChecks.ORDER_SIGNED,
                AutomaticFundingChecks.FILED_IN_TIME, AutomaticFundingChecks.AMOUNTS, AutomaticFundingChecks.DOCUMENTS, AutomaticFundingChecks.ENROLMENT,
                AutomaticFundingChecks.SOFTWARE), List.copyOf(checks.keySet()));
        assertFalse(checks.get(AutomaticFundingChecks.CLIENT), "unknown to the FINESS referential");
        assertTrue(checks.get(AutomaticFundingChecks.UNIQUE));
        assertTrue(checks.get(AutomaticFundingChecks.ORDER_SIGNED));
        assertTrue(checks.get(AutomaticFundingChecks.AMOUNTS));
        assertTrue(checks.get(AutomaticFundingChecks.DOCUMENTS));
        assertTrue(checks.get(AutomaticFundingChecks.ENROLMENT));
        assertEquals(1, detail.documents().size());
        assertTrue(detail.canTake() && detail.canValidate());

        FundingFilter flagged = new FundingFilter();
        flagged.setFlagged(true);
        flagged.setSupplierSiret(Fixtures.KALINKA_SIRET.substring(0, 9));
        flagged.setCallCode(FundingFixture.RADIOLOGY);
        long total = People.as(People.AGENT, () -> queries.count(flagged));
        List<FundingSummary> all = People.as(People.AGENT,
                () -> queries.page(flagged, FundingSort.FILED_AT, false, 0, 200, total));
        assertEquals(total, all.size());
        assertTrue(all.stream().anyMatch(s -> s.requestNumber().equals(number) && "Client inconnu".equals(s.flag())));
        assertTrue(all.stream().allMatch(s -> s.flag() != null));
        flagged.setStatus(FundingStatus.AVANCE_VALIDEE);
        assertTrue(People.as(People.AGENT, () -> queries.page(flagged, FundingSort.FILED_AT, true, 0, 50, -1))
                .stream().noneMatch(s -> s.requestNumber().equals(number)));
    }

    @Test
    void theQueuesPagesFromTheEndAreThoseOfAPlainOffset() throws Exception {
        for (int i = 0; i < 7; i++) {
            filed(newClient());
        }
        FundingFilter mine = new FundingFilter();
        mine.setSupplierName("kalink");
        mine.setStatus(FundingStatus.AVANCE_DEPOSEE);
        long total = People.as(People.AGENT, () -> queries.count(mine));
        assertTrue(total >= 7);
        List<String> plain = People.as(People.AGENT, () -> queries.page(mine, FundingSort.REQUEST_NUMBER, true, 0, 200,
                -1)).stream().map(FundingSummary::requestNumber).toList();
        List<String> sorted = plain.stream().sorted().toList();
        assertEquals(sorted, plain);
        int first = (int) total - 3;
        assertEquals(plain.subList(first, (int) total), People.as(People.AGENT,
                () -> queries.page(mine, FundingSort.REQUEST_NUMBER, true, first, 5, total)).stream()
                .map(FundingSummary::requestNumber).toList(), "the last page, read from the end");
    }

    @Test
    void onlyAgentsInstruct() throws Exception {
        String number = filed(newClient());
        assertThrows(EJBAccessException.class, () -> instruction.take(number, version(number)));
        assertThrows(EJBAccessException.class,
                () -> People.as(People.ADMIN, () -> instruction.take(number, version(number))));
        assertThrows(EJBAccessException.class,
                () -> People.as(supplier, () -> instruction.validate(number, version(number))));
        assertThrows(EJBAccessException.class, () -> People.as(supplier, () -> queries.detail(number)));
        People.as(People.SUPERVISEUR, () -> instruction.take(number, version(number)));
    }
}
