package fr.asp.segur.batch.support;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.chunk.listener.SkipReadListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/**
 * Records each skipped line (a {@link MalformedLineException} from a reader or a processor) in
 * {@code batch_skipped_line}, in the chunk's transaction: a chunk rolled back and read again records
 * its skips once. Declared on a chunk step as {@code <listener ref="skippedLineRecorder"/>}.
 * Only the line number, the reason and the raw line are kept; referential files hold no personal data.
 */
@Named
@Dependent
public class SkippedLineRecorder implements SkipReadListener, SkipProcessListener {

    private static final int MAX_REASON = 500;

    @Inject
    private JobContext job;
    @Inject
    private StepContext step;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    @Override
    public void onSkipReadItem(Exception e) throws SQLException {
        record(e);
    }

    @Override
    public void onSkipProcessItem(Object item, Exception e) throws SQLException {
        record(e);
    }

    private void record(Exception e) throws SQLException {
        Long line = null;
        String reason;
        String content = null;
        if (e instanceof MalformedLineException malformed) {
            line = malformed.lineNumber();
            reason = malformed.reason();
            content = malformed.content();
        } else {
            reason = String.valueOf(e.getMessage());
        }
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO batch_skipped_line (job_name,"
                        + " job_instance_id, job_execution_id, step_name, line_number, reason, content, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, job.getJobName());
            insert.setLong(2, job.getInstanceId());
            insert.setLong(3, job.getExecutionId());
            insert.setString(4, step.getStepName());
            insert.setObject(5, line);
            insert.setString(6, reason);
            insert.setString(7, content);
            insert.setTimestamp(8, Timestamp.valueOf(LocalDateTime.now()));
            insert.executeUpdate();
        }
    }
}
