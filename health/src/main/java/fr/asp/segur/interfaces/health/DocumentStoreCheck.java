package fr.asp.segur.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness "document store": the supporting documents live in the database (document_content, see
 * DocumentService); the check reads that table, so a missing grant or table shows here by name.
 */
@Readiness
@ApplicationScoped
public class DocumentStoreCheck implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("document store").withData("location", "database: document_content");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM document_content WHERE document_id < 0")) {
            ps.setQueryTimeout(3);
            ps.executeQuery().close();
            return response.up().build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
