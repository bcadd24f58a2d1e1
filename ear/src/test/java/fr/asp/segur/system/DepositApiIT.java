package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.deposit.ApiTokens;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.instruction.InstructionService;
import fr.asp.segur.application.time.PortalClock;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 through the REST API: a deposit of several lines filed as funding requests (one
 * acknowledgement), the same file twice creating nothing new, the simulator's report on every kind of
 * error storing nothing, a deposit failing on its last line storing none, and the token's life cycle.
 */
@ExtendWith(ArquillianExtension.class)
class DepositApiIT {

    private static final String CALL = "AF-RAD-RIS-VA1";
    private static final String T12 = "1 à 2 modalités";
    private static final String T35 = "3 à 5 modalités";
    /** A day inside AF-RAD-RIS-VA1's windows (orders from 01/10/2026, avances until 30/06/2027 14:00). */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 10, 0);

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.earWithTests(DepositApiIT.class, Fixtures.class, People.class, DepositFiles.class);
        // The in-container test uses AssertJ: its classes go into the test war.
        ear.getAsType(WebArchive.class, "test.war").addPackages(true, "org.assertj.core");
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
    ApiTokens tokens;
    @EJB
    PortalClock clock;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private final HttpClient http = HttpClient.newHttpClient();
    private long run;
    private String login;
    private String enrolmentNumber;
    private String token;

    @BeforeEach
    void aValidatedSupplierWithAToken() throws Exception {
        clock.shiftTo(NOW);
        run = System.nanoTime() % 1_000_000;
        enrolmentNumber = Fixtures.submit(enrolment, documents, captcha,
                Fixtures.representativeForm("representant-" + System.nanoTime() + "@kalinka.fr"),
                Fixtures.REPRESENTATIVE_DOCUMENTS);
        People.as(People.AGENT, () -> instruction.take(enrolmentNumber, version(enrolmentNumber)));
        People.as(People.AGENT, () -> instruction.validate(enrolmentNumber, version(enrolmentNumber)));
        // As the demo's KALINKA enrolment: the software referenced against the DSR the call funds.
        Fixtures.execute(ds, "update enrolment_request set dsr_label = 'DSR-RAD-RIS-Va1' where request_number = ?",
                enrolmentNumber);
        login = "api-" + System.nanoTime() + "@kalinka.fr";
        Fixtures.supplierAccount(ds, login, Fixtures.KALINKA_SIRET);
        // The legal representative shares the enrolment with that account (least privilege: SupplierAccess).
        Fixtures.execute(ds, "insert into request_share (request_id, account_id, shared_by, shared_at) select r.id, a.id, 'représentant', current_timestamp from enrolment_request r, app_account a where r.request_number = ? and a.login = ?", enrolmentNumber, login);
        token = People.as(login, () -> tokens.create("Logiciel de test")).secret();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private long version(String number) throws Exception {
        return Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number);
    }

    private String finess(int n) {
        return DepositFiles.finess(run, n);
    }

    private HttpResponse<String> post(String path, String bearer, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "api/" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "api/" + path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/segurnum/";
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private long stored() throws Exception {
        return Fixtures.count(ds, "select (select count(*) from funding_request) + (select count(*) from funding_deposit) "
                + "+ (select count(*) from funding_client_claim) + (select count(*) from document) "
                + "+ (select count(*) from funding_request_history) + (select count(*) from mail_message)");
    }

    @Test
    void aDepositFilesEveryLineOnceAndTheSameFileTwiceCreatesNothingNew() throws Exception {
        byte[] file = DepositFiles.of(CALL, enrolmentNumber).line(finess(1), T12, "2026-11-05", "3900.00")
                .line(finess(2), T35, "2026-11-06", "9500").line(finess(3), T12, "2026-11-07", "5000.50").bytes();

        HttpResponse<String> first = post("depots", token, file);
        assertEquals(201, first.statusCode(), first.body());
        JsonObject created = json(first);
        List<String> numbers = created.getJsonArray("demandes").getValuesAs(v -> ((jakarta.json.JsonString) v).getString());
        assertThat(numbers).hasSize(3).allMatch(n -> n.startsWith("DF"));
        long deposit = created.getJsonNumber("depot").longValue();
        assertEquals(3, Fixtures.count(ds, "select count(*) from funding_request where deposit_id = ? "
                + "and status = 'AVANCE_DEPOSEE' and filed_by = ?", deposit, login));
        assertEquals(3, Fixtures.count(ds, "select count(*) from document d join funding_request r "
                + "on r.id = d.funding_request_id where r.deposit_id = ? and d.kind = 'BON_DE_COMMANDE'", deposit));
        // The ceiling applies line by line: 5 000,50 asked on a 4 500,00 tranche is granted 4 500,00.
        assertEquals(450_000, Fixtures.count(ds, "select cast(granted_ht * 100 as bigint) from funding_request "
                + "where request_number = ?", numbers.get(2)));
        assertEquals(1, Fixtures.count(ds, "select count(*) from mail_message where recipient = ?", login),
                "one acknowledgement for the deposit, no email per line");
        assertEquals(1, Fixtures.count(ds, "select count(*) from audit_event where actor = ? and action = 'API_DEPOT'", login));

        long before = stored();
        HttpResponse<String> again = post("depots", token,
                new String(file, StandardCharsets.UTF_8).replace("\n", "").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, again.statusCode(), again.body());
        assertThat(json(again).getBoolean("cree")).isFalse();
        assertThat(json(again).getJsonNumber("depot").longValue()).isEqualTo(deposit);
        assertThat(json(again).getJsonArray("demandes").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()))
                .isEqualTo(numbers);
        assertEquals(before, stored(), "the same file again stores nothing");

        // The account's requests, as JSON and CSV, carry the deposit's lines under the format's names.
        HttpResponse<String> listed = get("demandes?format=json", token);
        assertEquals(200, listed.statusCode());
        Map<String, JsonObject> byNumber = json(listed).getJsonArray("demandes").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(o -> o.getString("numero"), o -> o));
        assertThat(byNumber.get(numbers.get(1)).getString("identifiant")).isEqualTo(finess(2));
        assertThat(byNumber.get(numbers.get(1)).getString("dateSignatureBonDeCommande")).isEqualTo("2026-11-06");
        HttpResponse<String> csv = get("demandes?format=csv", token);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains(numbers.get(0) + ";" + CALL + ";" + enrolmentNumber + ";" + finess(1));
    }

    @Test
    void theSimulatorReportsEveryErrorWithItsPathLineAndMessageAndStoresNothing() throws Exception {
        // One client already deposited: filing it again is refused by the rule on stored requests.
        assertEquals(201, post("depots", token, DepositFiles.of(CALL, enrolmentNumber)
                .line(finess(9), T12, "2026-11-05", "3900").bytes()).statusCode());
        String notPdf = java.util.Base64.getEncoder().encodeToString("pas un PDF".getBytes(StandardCharsets.UTF_8));
        byte[] file = DepositFiles.withHeader("  \"version\": 1,\n  \"appel\": \"" + CALL + "\",\n  \"enrolement\": \""
                        + enrolmentNumber + "\",\n  \"commentaire\": \"hors format\",\n")
                .line(finess(1), T12, "2026-11-05", "3900.00")                         // [0] fine
                .line("12345", T12, "2026-11-05", "3900.00")                           // [1] FINESS format (rule)
                .line(finess(3), "7 modalités", "2026-11-05", "3900.00")               // [2] tranche (rule)
                .line(finess(4), T12, "2026-09-15", "3900.00")                         // [3] signed before the window (rule)
                .line(finess(5), T12, "2026-11-05", "3900.125")                        // [4] 3 decimals (rule)
                .line(finess(1), T12, "2026-11-05", "3900.00")                         // [5] twice in the file
                .line(finess(9), T12, "2026-11-05", "3900.00")                         // [6] already deposited (rule)
                .raw(DepositFiles.lineJson(finess(7), "Cabinet", T12, "2026-11-05", "3900", notPdf)) // [7] not a PDF
                .raw(DepositFiles.lineJson(finess(8), "Cabinet", T12, "05/11/2026", "-3", DepositFiles.ORDER_FORM)
                        .replace("\"nom\": \"Cabinet\",", "\"couleur\": 3,"))        // [8] schema: date, minimum, required, extra
                .line(finess(10), null, "2026-11-05", "3900.00")                       // [9] no tranche on a table call (rule)
                .bytes();
        long before = stored();

        HttpResponse<String> response = post("depots/simulation", token, file);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(before, stored(), "the simulator stores nothing");
        JsonObject report = json(response);
        assertThat(report.getBoolean("accepte")).isFalse();
        assertThat(report.getInt("lignes")).isEqualTo(10);
        JsonArray errors = report.getJsonArray("erreurs");
        Map<String, String> byPath = errors.getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(
                e -> e.getString("chemin"), e -> e.getString("message"), (a, b) -> a + " | " + b));
        assertThat(byPath.keySet()).doesNotContain("$.lignes[0]", "$.lignes[0].identifiant");
        assertThat(byPath.get("$")).contains("« commentaire » n'est pas prévue");
        assertThat(byPath.get("$.lignes[1].identifiant")).as(byPath.toString()).isEqualTo("Le numéro FINESS doit comporter 9 caractères.");
        assertThat(byPath.get("$.lignes[2].tranche")).contains("7 modalités");
        assertThat(byPath.get("$.lignes[3].dateSignatureBonDeCommande")).isNotBlank();
        assertThat(byPath.get("$.lignes[4].montantHt")).isEqualTo(
                "Le montant HT du bon de commande doit être un montant en euros avec au plus 2 décimales, par exemple 1 250,00.");
        assertThat(byPath.get("$.lignes[5].identifiant")).contains("$.lignes[0]");
        assertThat(byPath.get("$.lignes[6].identifiant")).contains("Votre société a déjà déposé la demande DF");
        assertThat(byPath.get("$.lignes[7].bonDeCommande")).isNotBlank();
        assertThat(byPath.get("$.lignes[8].dateSignatureBonDeCommande")).isNotBlank();
        assertThat(byPath.get("$.lignes[8].montantHt")).isNotBlank();
        assertThat(byPath.get("$.lignes[8]")).contains("« nom » est absente").contains("« couleur » n'est pas prévue");
        assertThat(byPath).containsKey("$.lignes[9].tranche");
        // Each error is placed on the file's line where its value starts.
        String text = new String(file, StandardCharsets.UTF_8);
        for (JsonObject e : errors.getValuesAs(JsonObject.class)) {
            assertThat(e.getInt("ligne")).as(e.toString()).isBetween(1, (int) text.lines().count());
        }
        JsonObject amount = errors.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("chemin").equals("$.lignes[4].montantHt")).findFirst().orElseThrow();
        assertThat(text.lines().toList().get(amount.getInt("ligne") - 1)).contains("3900.125");

        // The header's own rules: a closed call that does not fund this software's DSR.
        JsonObject closed = json(post("depots/simulation", token, DepositFiles.of("AF-HOP-DPI-VA1", enrolmentNumber)
                .line(finess(11), "Moins de 100 lits", "2026-11-05", "3900").bytes()));
        assertThat(closed.getJsonArray("erreurs").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("chemin")).contains("$.appel", "$.enrolement");
        JsonObject unknown = json(post("depots/simulation", token, DepositFiles.of("AF-XXX-YYY-VA1", enrolmentNumber)
                .line(finess(12), T12, "2026-11-05", "3900").bytes()));
        assertThat(unknown.getJsonArray("erreurs").getValuesAs(JsonObject.class)).extracting(e -> e.getString("message"))
                .contains("L'appel à financement « AF-XXX-YYY-VA1 » n'existe pas.");
        // Neither enrolment nor referencing: the schema's oneOf.
        JsonObject neither = json(post("depots/simulation", token, DepositFiles.withHeader("  \"version\": 1,\n  \"appel\": \""
                + CALL + "\",\n").line(finess(13), T12, "2026-11-05", "3900").bytes()));
        assertThat(neither.getJsonArray("erreurs").getValuesAs(JsonObject.class)).extracting(e -> e.getString("regle"))
                .contains("schema:oneOf");
        assertEquals(before, stored(), "no simulation stores anything");
    }

    @Test
    void aDepositFailingOnItsLastLineStoresNoneOfItsLines() throws Exception {
        String notPdf = java.util.Base64.getEncoder().encodeToString("pas un PDF".getBytes(StandardCharsets.UTF_8));
        // The last line's order form is refused when it is stored, after the first two lines were filed.
        byte[] file = DepositFiles.of(CALL, enrolmentNumber).line(finess(1), T12, "2026-11-05", "3900")
                .line(finess(2), T12, "2026-11-05", "3900")
                .raw(DepositFiles.lineJson(finess(3), "Cabinet", T12, "2026-11-05", "3900", notPdf)).bytes();
        long before = stored();
        long sequenceBefore = Fixtures.count(ds, "select count(*) from funding_request where client_identifier in (?, ?, ?)",
                finess(1), finess(2), finess(3));

        HttpResponse<String> refused = post("depots", token, file);
        assertEquals(422, refused.statusCode(), refused.body());
        JsonObject report = json(refused);
        assertThat(report.getJsonArray("erreurs").getValuesAs(JsonObject.class)).singleElement()
                .satisfies(e -> assertThat(e.getString("chemin")).isEqualTo("$.lignes[2].bonDeCommande"));
        assertEquals(before, stored(), "none of the deposit's lines is stored");
        assertEquals(sequenceBefore, Fixtures.count(ds, "select count(*) from funding_request where client_identifier "
                + "in (?, ?, ?)", finess(1), finess(2), finess(3)));
        // A rule broken on the last line is refused before anything is filed, with every error.
        HttpResponse<String> ruled = post("depots", token, DepositFiles.of(CALL, enrolmentNumber)
                .line(finess(4), T12, "2026-11-05", "3900").line(finess(5), "7 modalités", "2026-11-05", "3900").bytes());
        assertEquals(422, ruled.statusCode(), ruled.body());
        assertEquals(before, stored());
    }

    @Test
    void tokensAreRefusedUnlessValidAndActiveForeignCompaniesAndMalformedBodiesAreRefused() throws Exception {
        byte[] file = DepositFiles.of(CALL, enrolmentNumber).line(finess(1), T12, "2026-11-05", "3900").bytes();
        assertEquals(401, post("depots/simulation", null, file).statusCode());
        assertEquals(401, post("depots/simulation", "sgr_inconnu", file).statusCode());
        assertEquals(401, get("demandes", "pas-un-jeton").statusCode());
        HttpResponse<String> ok = post("depots/simulation", token, file);
        assertEquals(200, ok.statusCode(), ok.body());
        assertThat(json(ok).getBoolean("accepte")).as(ok.body()).isTrue();
        assertEquals(1, Fixtures.count(ds, "select count(*) from api_token where token_hash = encode(sha256(cast(? as bytea)), 'hex') "
                + "and last_used_at is not null", token));
        assertEquals(0, Fixtures.count(ds, "select count(*) from api_token where token_hash = ?", token),
                "the secret itself is not stored");

        // Malformed bodies: 400 with the errors in the simulator's format.
        HttpResponse<String> notJson = post("depots", token, "{\n  \"version\": 1,\n  \"appel\": \n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertThat(json(notJson).getJsonArray("erreurs").getJsonObject(0).getString("message"))
                .startsWith("Le fichier n'est pas un document JSON valide");
        HttpResponse<String> schema = post("depots", token, "{\"version\": 2, \"lignes\": []}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, schema.statusCode(), schema.body());
        assertThat(json(schema).getInt("nombreErreurs")).isGreaterThanOrEqualTo(3);
        assertEquals(400, post("depots", token, new byte[0]).statusCode());

        // Another company's enrolment: 403, as is another company's SIRET in the list.
        String foreign = Fixtures.submit(enrolment, documents, captcha,
                Fixtures.representativeForm("autre-" + System.nanoTime() + "@kalinka.fr"), Fixtures.REPRESENTATIVE_DOCUMENTS);
        Fixtures.execute(ds, "update enrolment_request set siret = '47992882200069' where request_number = ?", foreign);
        HttpResponse<String> forbidden = post("depots", token,
                DepositFiles.of(CALL, foreign).line(finess(2), T12, "2026-11-05", "3900").bytes());
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        assertEquals(403, get("demandes?siret=47992882200069", token).statusCode());

        // Revoked: refused from then on; every call was audited.
        long id = People.as(login, () -> tokens.mine()).get(0).id();
        People.as(login, () -> tokens.revoke(id));
        assertEquals(401, post("depots/simulation", token, file).statusCode());
        assertThat(Fixtures.count(ds, "select count(*) from audit_event where actor = ? and action like 'API_%'", login))
                .isGreaterThanOrEqualTo(6);
        assertThat(People.as(login, () -> tokens.mine()).get(0).active()).isFalse();
    }

    @Test
    void theSchemaAndTheOpenApiDocumentAreServed() throws Exception {
        HttpResponse<String> schema = http.send(HttpRequest.newBuilder(URI.create(base() + "api/schema/depot-financement.schema.json"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, schema.statusCode());
        assertThat(schema.body()).contains("https://json-schema.org/draft/2020-12/schema");
        HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(URI.create(base().replace("segurnum/", "openapi")))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openapi.statusCode(), openapi.body());
        assertThat(openapi.body()).contains("/depots/simulation").contains("/demandes").contains("bearer");
    }
}
