package fr.asp.segur.batch.support;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/**
 * Records how far a step has gone (e.g. bytes of the file read out of its size) in
 * {@code batch_progress}, for the administrators' progress bar. A reader injects it and calls
 * {@link #report} from {@code checkpointInfo()}, so the figure commits with the chunk.
 */
@Dependent
public class ProgressReporter {

    @Inject
    private JobContext job;
    @Inject
    private StepContext step;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    public void report(long done, long total) {
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE batch_progress SET done = ?, total = ?,"
                    + " updated_at = ? WHERE job_execution_id = ? AND step_name = ?")) {
                update.setLong(1, done);
                update.setLong(2, total);
                update.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now()));
                update.setLong(4, job.getExecutionId());
                update.setString(5, step.getStepName());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO batch_progress (job_execution_id,"
                        + " step_name, done, total, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setLong(1, job.getExecutionId());
                    insert.setString(2, step.getStepName());
                    insert.setLong(3, done);
                    insert.setLong(4, total);
                    insert.setTimestamp(5, Timestamp.valueOf(LocalDateTime.now()));
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Progress of job execution " + job.getExecutionId() + " not recorded", e);
        }
    }
}
