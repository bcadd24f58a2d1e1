package fr.asp.segur.application.ops;

import fr.asp.segur.domain.enrolment.RequestStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Resource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The portal's metrics for operators, in WildFly's Micrometer registry (scraped by Prometheus on the
 * management interface, {@code /metrics}). Counters count events on this node; gauges read the shared
 * database (cached a few seconds, so a scrape costs a few small queries). Names are prefixed
 * {@code segur_}; docs/OPERATIONS.md lists them. Without a Micrometer registry every call is a no-op.
 */
@ApplicationScoped
public class PortalMetrics {

    private static final Logger LOG = Logger.getLogger(PortalMetrics.class.getName());
    private static final long CACHE_MILLIS = 5_000;

    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    private volatile MeterRegistry registry;
    private final Cached<Map<String, Long>> byState = new Cached<>(this::countByState);
    private final Cached<long[]> outbox = new Cached<>(this::outboxCounts);
    private final Cached<Map<String, Long>> batch = new Cached<>(this::batchCounts);
    static final List<String> JOBS = List.of("ans-referential-sync", "bank-referential-sync", "sirene-sync", "reminders");

    @Inject
    private Instance<MeterRegistry> registries;

    /** Registers the gauges in the server's registry (WildFly's Micrometer subsystem offers it by CDI). */
    @PostConstruct
    void register() {
        if (!registries.isResolvable()) {
            return;
        }
        registry = registries.get();
        for (String state : Arrays.stream(RequestStatus.values()).map(Enum::name).toList()) {
            Gauge.builder("segur.requests", () -> byState.get().getOrDefault(state, 0L))
                    .description("Enrolment requests per instruction state").tag("state", state).register(registry);
        }
        for (String job : JOBS) {
            for (String status : List.of("COMPLETED", "FAILED", "STOPPED", "STARTED", "ABANDONED")) {
                Gauge.builder("segur.batch.executions", () -> batch.get().getOrDefault(job + "|" + status, 0L))
                        .description("Batch executions in the job repository, by job and status")
                        .tags("job", job, "status", status).register(registry);
            }
            Gauge.builder("segur.batch.rows.read", () -> batch.get().getOrDefault(job + "|read", 0L))
                    .description("Lines read by the job's executions (rate() gives the throughput)").tag("job", job)
                    .register(registry);
            Gauge.builder("segur.batch.rows.written", () -> batch.get().getOrDefault(job + "|written", 0L))
                    .description("Lines written by the job's executions").tag("job", job).register(registry);
        }
        Gauge.builder("segur.outbox.backlog", () -> outbox.get()[0])
                .description("Emails waiting in the outbox").register(registry);
        Gauge.builder("segur.outbox.failing", () -> outbox.get()[1])
                .description("Emails waiting after at least one failed attempt").register(registry);
    }

    /** Whether meters are registered (a Micrometer registry was found); called at start-up to register the gauges. */
    public boolean active() {
        return registry != null;
    }

    public void requestSubmitted() {
        count("segur.requests.submitted", "Enrolment requests submitted");
    }

    public void outboxSent() {
        count("segur.outbox.sent", "Emails the outbox delivered");
    }

    public void outboxFailed() {
        count("segur.outbox.failures", "Failed SMTP attempts of the outbox");
    }

    public void loginFailed() {
        count("segur.logins.failed", "Failed logins");
    }

    /** An upload refused, by reason (a short code, never the file name: it may carry a name). */
    public void uploadRefused(String reason) {
        if (registry != null) {
            Counter.builder("segur.uploads.refused").description("Uploads refused, by reason").tag("reason", reason)
                    .register(registry).increment();
        }
    }

    private void count(String name, String description) {
        if (registry != null) {
            Counter.builder(name).description(description).register(registry).increment();
        }
    }

    private Map<String, Long> countByState() {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT status, COUNT(*) FROM enrolment_request GROUP BY status", rs -> {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        });
        return counts;
    }

    /** From JBeret's job repository, shared by every node: counts for the whole cluster. */
    private Map<String, Long> batchCounts() {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT i.jobname, e.batchstatus, COUNT(*) FROM job_execution e"
                + " JOIN job_instance i ON i.jobinstanceid = e.jobinstanceid GROUP BY i.jobname, e.batchstatus", rs -> {
            while (rs.next()) {
                counts.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3));
            }
        });
        query("SELECT i.jobname, COALESCE(SUM(s.readcount), 0), COALESCE(SUM(s.writecount), 0) FROM step_execution s"
                + " JOIN job_execution e ON e.jobexecutionid = s.jobexecutionid"
                + " JOIN job_instance i ON i.jobinstanceid = e.jobinstanceid GROUP BY i.jobname", rs -> {
            while (rs.next()) {
                counts.put(rs.getString(1) + "|read", rs.getLong(2));
                counts.put(rs.getString(1) + "|written", rs.getLong(3));
            }
        });
        return counts;
    }

    private long[] outboxCounts() {
        long[] counts = new long[2];
        query("SELECT COUNT(*), COALESCE(SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), 0) FROM mail_message"
                + " WHERE sent_at IS NULL", rs -> {
            if (rs.next()) {
                counts[0] = rs.getLong(1);
                counts[1] = rs.getLong(2);
            }
        });
        return counts;
    }

    private interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Rows rows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rows.read(rs);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Metric query failed: {0}", e.toString());
        }
    }

    /** A value recomputed at most every few seconds, whatever the scrape rate. */
    private static final class Cached<T> {
        private final Supplier<T> compute;
        private T value;
        private long at;

        Cached(Supplier<T> compute) {
            this.compute = compute;
        }

        synchronized T get() {
            long now = System.currentTimeMillis();
            if (value == null || now - at > CACHE_MILLIS) {
                value = compute.get();
                at = now;
            }
            return value;
        }
    }
}
