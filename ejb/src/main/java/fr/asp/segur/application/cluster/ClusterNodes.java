package fr.asp.segur.application.cluster;

import fr.asp.segur.application.batch.OrphanedExecutions;
import fr.asp.segur.application.batch.OrphanedExecutions.Heartbeat;
import fr.asp.segur.application.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * This node's heartbeat in {@code node_heartbeat} (every 10 s) and the record of which node runs which
 * batch execution, from which {@link OrphanedExecutions} tells a dead node's executions from live ones.
 * A heartbeat is stale after {@code segur.cluster.heartbeat-stale-seconds} (default 45 s).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterNodes {

    private static final Logger LOG = Logger.getLogger(ClusterNodes.class.getName());
    private static final long JVM_START = ManagementFactory.getRuntimeMXBean().getStartTime();

    private final String node = NodeIdentity.name();

    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    @PostConstruct
    void start() {
        beat();
    }

    public String node() {
        return node;
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    public void beat() {
        long now = System.currentTimeMillis();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE node_heartbeat SET beat_at_ms = ?, started_at_ms = ? WHERE node_id = ?")) {
                update.setLong(1, now);
                update.setLong(2, JVM_START);
                update.setString(3, node);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO node_heartbeat (node_id, started_at_ms, beat_at_ms) VALUES (?, ?, ?)")) {
                insert.setString(1, node);
                insert.setLong(2, JVM_START);
                insert.setLong(3, now);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            // The database being away is the readiness check's business; the next beat retries.
            LOG.log(Level.WARNING, "Heartbeat of node {0} not written: {1}", new Object[]{node, e.toString()});
        }
    }

    /** Notes that this node runs the execution (called right after starting or restarting it). */
    public void recordExecution(long executionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO batch_execution_node (job_execution_id, node_id, created_at_ms) VALUES (?, ?, ?)")) {
            insert.setLong(1, executionId);
            insert.setString(2, node);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Node of execution " + executionId + " not recorded", e);
        }
    }

    /** Whether an execution the repository calls active was left by a node that died or restarted. */
    public boolean isOrphan(JobExecution execution) {
        if (execution.getCreateTime() == null) {
            return false;
        }
        return switch (execution.getBatchStatus()) {
            case STARTING, STARTED, STOPPING -> {
                String owner = null;
                Heartbeat heartbeat = null;
                try (Connection c = dataSource.getConnection();
                     PreparedStatement select = c.prepareStatement("SELECT n.node_id, h.started_at_ms, h.beat_at_ms"
                             + " FROM batch_execution_node n LEFT JOIN node_heartbeat h ON h.node_id = n.node_id"
                             + " WHERE n.job_execution_id = ?")) {
                    select.setLong(1, execution.getExecutionId());
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) {
                            owner = rs.getString(1);
                            long started = rs.getLong(2);
                            heartbeat = rs.wasNull() ? null : new Heartbeat(started, rs.getLong(3));
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Node of execution " + execution.getExecutionId() + " not read", e);
                }
                yield OrphanedExecutions.isOrphan(execution.getBatchStatus(), execution.getCreateTime().getTime(),
                        owner != null, heartbeat, System.currentTimeMillis(), JVM_START, staleMillis());
            }
            default -> false;
        };
    }

    private static long staleMillis() {
        return Settings.integer("segur.cluster.heartbeat-stale-seconds", 45) * 1000L;
    }
}
