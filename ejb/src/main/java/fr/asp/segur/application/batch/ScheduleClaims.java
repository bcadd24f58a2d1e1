package fr.asp.segur.application.batch;

import fr.asp.segur.application.cluster.NodeIdentity;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/**
 * "Only once in a cluster" for the nightly jobs: every node's timer fires, each tries to claim the
 * (job, night) row of {@code batch_schedule_claim}; the primary key lets one INSERT succeed, and only
 * that node starts the job. Each claim commits on its own, before the job starts.
 */
@Stateless
@PermitAll
public class ScheduleClaims {

    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;
    @Resource
    private SessionContext context;

    /** Claims the night's start of the job for this node; false when another node (or run) has it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String jobName, LocalDate night) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO batch_schedule_claim (job_name, scheduled_date,"
                     + " node, claimed_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, jobName);
            insert.setDate(2, Date.valueOf(night));
            insert.setString(3, node());
            insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                context.setRollbackOnly();
                return false;
            }
            throw new IllegalStateException("Claim of " + jobName + " for " + night + " failed", e);
        }
    }

    /** Notes which execution a claim started, for the administrators. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(String jobName, LocalDate night, long executionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE batch_schedule_claim SET execution_id = ?"
                     + " WHERE job_name = ? AND scheduled_date = ?")) {
            update.setLong(1, executionId);
            update.setString(2, jobName);
            update.setDate(3, Date.valueOf(night));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Claim of " + jobName + " for " + night + " not updated", e);
        }
    }

    private static String node() {
        return NodeIdentity.name();
    }
}
