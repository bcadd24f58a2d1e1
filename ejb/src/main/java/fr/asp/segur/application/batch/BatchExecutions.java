package fr.asp.segur.application.batch;

import fr.asp.segur.application.cluster.ClusterNodes;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;

/**
 * Read-only view of the batch executions for the administrators' screen: JBeret's job repository
 * (status, times, step metrics) through the JobOperator, plus the portal's progress and skipped-line
 * tables. Starting and stopping stay in {@link BatchJobs}.
 */
@Stateless
@RolesAllowed("administrateur")
public class BatchExecutions {

    private static final int MAX_SKIPPED_LINES = 1000;

    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;
    @EJB
    private ClusterNodes nodes;

    /** The job's latest executions, newest first. */
    public List<ExecutionSummary> executions(String jobName, int max) {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<JobInstance> instances;
        try {
            instances = operator.getJobInstances(jobName, 0, max);
        } catch (NoSuchJobException neverRan) {
            return List.of();
        }
        List<ExecutionSummary> rows = new ArrayList<>();
        for (JobInstance instance : instances) {
            List<JobExecution> executions = operator.getJobExecutions(instance);
            long last = executions.stream().mapToLong(JobExecution::getExecutionId).max().orElse(-1);
            for (JobExecution execution : executions) {
                rows.add(summary(operator, instance, execution, execution.getExecutionId() == last));
            }
        }
        rows.sort(Comparator.comparingLong(ExecutionSummary::getExecutionId).reversed());
        return rows.size() > max ? rows.subList(0, max) : rows;
    }

    private ExecutionSummary summary(JobOperator operator, JobInstance instance, JobExecution execution, boolean last) {
        long read = 0;
        long written = 0;
        long skipped = 0;
        long filtered = 0;
        for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
            for (Metric metric : step.getMetrics()) {
                switch (metric.getType()) {
                    case READ_COUNT -> read += metric.getValue();
                    case WRITE_COUNT -> written += metric.getValue();
                    case FILTER_COUNT -> filtered += metric.getValue();
                    case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += metric.getValue();
                    default -> { }
                }
            }
        }
        BatchStatus status = execution.getBatchStatus();
        LocalDateTime start = local(execution.getStartTime());
        LocalDateTime end = local(execution.getEndTime());
        Double throughput = null;
        if (start != null && read > 0) {
            long millis = Math.max(1, Duration.between(start, end == null ? LocalDateTime.now() : end).toMillis());
            throughput = read * 1000.0 / millis;
        }
        // an execution left STARTED by a server that died runs no more: offered "Relancer", not "Arrêter"
        boolean orphan = nodes.isOrphan(execution);
        boolean running = !orphan && (status == BatchStatus.STARTING || status == BatchStatus.STARTED
                || status == BatchStatus.STOPPING);
        return new ExecutionSummary(execution.getExecutionId(), instance.getInstanceId(), execution.getJobName(),
                status.name(), execution.getExitStatus(), start, end, read, written, skipped, filtered, throughput,
                running ? progress(execution.getExecutionId()) : null,
                last && (orphan || status == BatchStatus.FAILED || status == BatchStatus.STOPPED));
    }

    /** The skipped lines of an execution, in file order (at most 1,000). */
    public List<SkippedLine> skippedLines(long executionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT step_name, line_number, reason, content"
                     + " FROM batch_skipped_line WHERE job_execution_id = ? ORDER BY line_number, id")) {
            select.setLong(1, executionId);
            select.setMaxRows(MAX_SKIPPED_LINES);
            try (ResultSet rs = select.executeQuery()) {
                List<SkippedLine> lines = new ArrayList<>();
                while (rs.next()) {
                    long line = rs.getLong(2);
                    lines.add(new SkippedLine(rs.getString(1), rs.wasNull() ? null : line, rs.getString(3),
                            rs.getString(4)));
                }
                return lines;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Skipped lines of execution " + executionId + " not read", e);
        }
    }

    /** Percentage done of the step that reported last, or null when none reported a known total. */
    private Integer progress(long executionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT done, total FROM batch_progress"
                     + " WHERE job_execution_id = ? ORDER BY updated_at DESC")) {
            select.setLong(1, executionId);
            select.setMaxRows(1);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next() && rs.getLong(2) > 0) {
                    return (int) Math.min(100, rs.getLong(1) * 100 / rs.getLong(2));
                }
                return null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Progress of execution " + executionId + " not read", e);
        }
    }

    private static LocalDateTime local(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
