package fr.asp.segur.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.Arrays;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Readiness "flyway migrations": every migration of this build applied, none failed. Same locations
 * as DatabaseMigration (the portable ones, plus db/vendor/postgresql on PostgreSQL).
 */
@Readiness
@ApplicationScoped
public class MigrationsCheck implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("flyway migrations");
        try {
            String[] locations;
            try (Connection c = dataSource.getConnection()) {
                locations = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())
                        ? new String[] {"classpath:db/migration", "classpath:db/vendor/postgresql"}
                        : new String[] {"classpath:db/migration"};
            }
            MigrationInfoService info = Flyway.configure(MigrationsCheck.class.getClassLoader()).dataSource(dataSource)
                    .locations(locations).baselineVersion("0").load().info();
            MigrationInfo current = info.current();
            long failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count();
            int pending = info.pending().length;
            return response.status(pending == 0 && failed == 0)
                    .withData("version", current == null ? "none" : current.getVersion().getVersion())
                    .withData("pending", pending).withData("failed", failed).build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
