package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's container image, built and run for real with podman (docker/podman-test.sh, on a base
 * made by debootstrap since no registry is reachable): configured by environment variables only, against
 * the local PostgreSQL on the host network, it becomes ready, answers the home page and plays the
 * wizard's first step in headless Chromium. Prints the image's size and its time from start to ready.
 */
class ContainerImageIT {

    private static final String TAG = "localhost/segur:it";
    private static final String NAME = "segur-it-" + ProcessHandle.current().pid();
    /** Beside the Arquillian server of the other ITs, which may still run at the test offset. */
    private static final int OFFSET = Integer.getInteger("test.port.offset", 0) + 50;
    private static final int SMTP = Integer.getInteger("test.smtp.port", 3025) + 1;
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @RegisterExtension
    final Browser browser = new Browser();

    @TempDir
    Path tmp;

    @Test
    void theImageStartsOnPostgresBecomesReadyAndServesTheWizard() throws Exception {
        String dbUrl = System.getProperty("test.db.url") + "_container";
        recreate(dbUrl);
        long buildStart = System.nanoTime();
        run("build", TAG);
        long buildSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - buildStart);

        long start = System.nanoTime();
        run("start", TAG, NAME, "SEGUR_DB_URL=" + dbUrl, "SEGUR_DB_USER=" + System.getProperty("test.db.user"),
                "SEGUR_DB_PASSWORD=" + System.getProperty("test.db.password"), "SEGUR_SMTP_HOST=127.0.0.1",
                "SEGUR_SMTP_PORT=" + SMTP, "JBOSS_PORT_OFFSET=" + OFFSET, "SEGUR_SAMPLE_DATA=true",
                "SEGUR_PUBLIC_URL=http://127.0.0.1:" + (8080 + OFFSET) + "/segurnum", "JBOSS_NODE_NAME=conteneur");
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI ready = URI.create("http://127.0.0.1:" + (9990 + OFFSET) + "/health/ready");
            int status = 0;
            String body = "";
            long deadline = System.currentTimeMillis() + 300_000;
            while (status != 200 && System.currentTimeMillis() < deadline) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    status = r.statusCode();
                    body = r.body();
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                if (status != 200) {
                    Thread.sleep(500);
                }
            }
            double readySeconds = (System.nanoTime() - start) / 1e9;
            assertThat(status).as("readiness: %s", body).isEqualTo(200);
            assertThat(body).contains("\"database\"", "\"flyway migrations\"", "\"SMTP server\"", "\"document store\"");

            run("health", NAME); // the Dockerfile's HEALTHCHECK agrees

            URL base = URI.create("http://127.0.0.1:" + (8080 + OFFSET) + "/segurnum/").toURL();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(base.toURI()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("id=\"start-enrolment\"");

            EnrolmentWizardPage wizard = new EnrolmentWizardPage(browser, base).open();
            wizard.searchSoftware(EnrolmentWizardPage.KALINKA_SOFTWARE);
            assertThat(browser.text("softwareName")).isEqualTo("RADIO RIS LOGICIEL 1");
            wizard.upload("CERTIFICAT_REFERENCEMENT", new SampleFiles(tmp).pdf("certificat-conteneur.pdf"));
            wizard.next(EnrolmentWizardPage.APPLICANT);

            long size = Long.parseLong(run("size", TAG).strip());
            System.out.printf("Container image %s: %d MB, built in %d s, ready %.1f s after podman run%n", TAG,
                    size / 1_000_000, buildSeconds, readySeconds);
        } finally {
            run("stop", NAME);
        }
    }

    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("docker/podman-test.sh").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(900, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("podman-test.sh %s:%n%s", args[0], out).isZero();
        return out;
    }

    private static void recreate(String dbUrl) throws Exception {
        String name = dbUrl.substring(dbUrl.lastIndexOf('/') + 1);
        String admin = dbUrl.substring(0, dbUrl.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, System.getProperty("test.db.user"),
                System.getProperty("test.db.password")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
    }
}
