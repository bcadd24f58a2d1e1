package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.account.LoginThrottle;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operators' view of a running portal, read from the management interface as a load balancer,
 * an orchestrator and Prometheus would: readiness names each dependency and fails with the SMTP
 * server, liveness stays up, and the portal's metrics move when suppliers' events happen.
 */
@ExtendWith(ArquillianExtension.class)
class HealthAndMetricsIT {

    @Deployment
    static EnterpriseArchive deployment() throws URISyntaxException {
        EnterpriseArchive ear = Deployments.earWithTests(HealthAndMetricsIT.class);
        File greenmail = new File(GreenMail.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // AssertJ too: these tests run inside the server
        File assertj = new File(org.assertj.core.api.Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ear.getAsType(WebArchive.class, "test.war").addAsLibraries(greenmail, assertj);
        return ear;
    }

    @EJB
    DocumentService documents;
    @EJB
    LoginThrottle logins;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readinessNamesEachDependencyAndFollowsTheSmtpServer() throws Exception {
        HttpResponse<String> down = get("/health/ready");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(status(down.body(), "SMTP server")).isEqualTo("DOWN");
        assertThat(status(down.body(), "database")).isEqualTo("UP");
        assertThat(status(down.body(), "flyway migrations")).isEqualTo("UP");
        assertThat(status(down.body(), "document store")).isEqualTo("UP");
        // The tests' server scans uploads with the run's clamd (ClamdForTests): the check is there and UP.
        assertThat(status(down.body(), "antivirus")).isEqualTo("UP");

        GreenMail smtp = new GreenMail(new ServerSetup(Integer.getInteger("segur.smtp.port", 3025), "127.0.0.1", "smtp"));
        smtp.start();
        try {
            HttpResponse<String> up = get("/health/ready");
            assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
            assertThat(status(up.body(), "SMTP server")).isEqualTo("UP");
        } finally {
            smtp.stop();
        }

        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(status(live.body(), "threads")).isEqualTo("UP");
    }

    @Test
    void prometheusScrapesThePortalsMetrics() throws Exception {
        double refusedBefore = value(get("/metrics").body(), "segur_uploads_refused_total\\{reason=\"vide\"");
        double failedBefore = value(get("/metrics").body(), "segur_logins_failed_total");

        String draft = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        assertThatThrownBy(() -> documents.stage(draft, DocumentKind.KBIS, "kbis.pdf", new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(BusinessRuleException.class);
        logins.recordFailure("inconnu-" + System.nanoTime() + "@kalinka.fr", "127.0.0.9");

        String metrics = get("/metrics").body();
        assertThat(value(metrics, "segur_uploads_refused_total\\{reason=\"vide\"")).isEqualTo(refusedBefore + 1);
        assertThat(value(metrics, "segur_logins_failed_total")).isEqualTo(failedBefore + 1);
        for (String gauge : new String[]{"segur_requests\\{state=\"SOUMISE\"", "segur_outbox_backlog",
                "segur_outbox_failing", "segur_batch_executions\\{job=\"reminders\",status=\"COMPLETED\"",
                "segur_batch_rows_read\\{job=\"sirene-sync\""}) {
            assertThat(value(metrics, gauge)).as(gauge).isGreaterThanOrEqualTo(0);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        int management = 9990 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of the named check in a MicroProfile Health answer. */
    private static String status(String json, String name) {
        Matcher m = Pattern.compile("\\{\"name\":\"" + Pattern.quote(name) + "\",\"status\":\"(UP|DOWN)\"").matcher(json);
        assertThat(m.find()).as("check " + name + " in " + json).isTrue();
        return m.group(1);
    }

    /** A sample's value in Prometheus text (0 when the series does not exist yet: a counter never incremented). */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + "[^\\n]*? ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : (series.contains("total") ? 0 : -1);
    }
}
