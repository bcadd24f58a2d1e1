package fr.asp.segur.application.startup;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the version this build expects, before anything else runs. The schema is
 * owned by the Flyway migrations in the persistence module (db/migration), never by EclipseLink.
 */
@Singleton
@PermitAll
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations())
                // The server's batch job repository creates its own tables in this database at boot,
                // before the portal deploys: a new database is therefore not empty. Baselining at
                // version 0 records that and still applies every migration from V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied)");
    }

    /**
     * The portable migrations, plus on PostgreSQL those of db/vendor/postgresql (e.g. the trigram index,
     * which H2 has no equivalent for). Version numbers are shared: a vendor migration takes a number no
     * portable one uses, and is simply absent on the other databases.
     */
    private String[] locations() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if ("PostgreSQL".equalsIgnoreCase(product)) {
                return new String[] {"classpath:db/migration", "classpath:db/vendor/postgresql"};
            }
            return new String[] {"classpath:db/migration"};
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product", e);
        }
    }
}
