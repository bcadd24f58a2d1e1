package fr.asp.segur.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Set;

/**
 * The exceptions ArchitectureTest accepts today, each with its reason: the lists may only shrink. By name,
 * since the web module's classes are not on the ear's test classpath (a war): they are imported from files.
 */
final class KnownExceptions {

    /** Web classes that still see an entity. */
    static final List<String> ENTITY_IN_WEB = List.of();

    /** Classes that use JDBC. */
    static final List<String> JDBC = List.of(
            "fr.asp.segur.batch.sirene.SireneWriter", "fr.asp.segur.batch.support.StagedUpsert", // PostgreSQL COPY
            "fr.asp.segur.batch.clients.ClientReferentialWriter", // FINESS and RPPS: COPY into a stage, then upsert
            "fr.asp.segur.application.mail.OutboxSender", // claims rows with FOR UPDATE SKIP LOCKED in a short transaction
            "fr.asp.segur.application.cluster.ClusterNodes", // node heartbeats, written outside any business transaction
            "fr.asp.segur.application.ops.PortalMetrics", // gauges read by the Prometheus scrape, outside any transaction
            "fr.asp.segur.application.UniqueViolations", // reads the SQLState of a unique violation (a lost race)
            "fr.asp.segur.application.startup.DatabaseMigration", // Flyway takes a DataSource
            "fr.asp.segur.application.referential.ReferentialSync", // bulk upsert of the referentials
            "fr.asp.segur.application.startup.SampleReferentials", // the sample referentials, in bulk, at first start
            "fr.asp.segur.application.batch.BatchExecutions", // JBeret's own tables, outside the persistence unit
            "fr.asp.segur.application.batch.ScheduleClaims", // claimed with INSERT … ON CONFLICT DO NOTHING
            "fr.asp.segur.batch.support.ProgressReporter", // progress written outside the chunk's transaction
            "fr.asp.segur.batch.support.SkippedLineRecorder");

    private KnownExceptions() {
    }

    /** The listed classes and their nested classes. */
    static DescribedPredicate<JavaClass> listedIn(List<String> names) {
        Set<String> set = Set.copyOf(names);
        return DescribedPredicate.describe("listed in KnownExceptions", c -> {
            String name = c.getName();
            int nested = name.indexOf('$');
            return set.contains(nested < 0 ? name : name.substring(0, nested));
        });
    }
}
