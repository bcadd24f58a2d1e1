package fr.asp.segur.batch.support;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.batch.OrphanedExecutions;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The one place that starts, restarts and stops jobs, for the timers and the administrators' screen
 * alike. Lives in the batch module because JBeret looks a job's XML up by the caller's class loader.
 */
@ApplicationScoped
public class JobLauncher {

    private static final Logger LOG = Logger.getLogger(JobLauncher.class.getName());

    /**
     * Starts the job unless an execution of it is running (the repository is shared by every node).
     *
     * @throws BusinessRuleException when one is running
     */
    public long start(String jobName, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        if (isRunning(operator, jobName)) {
            throw new BusinessRuleException("job", "Une exécution du traitement " + jobName
                    + " est déjà en cours : attendez sa fin ou arrêtez-la.");
        }
        long id = operator.start(jobName, parameters);
        LOG.info(() -> "Job " + jobName + " started, execution " + id);
        return id;
    }

    /**
     * Restarts a failed or stopped execution from its last checkpoint, unless the job runs again. An
     * execution left STARTED by a server that died ({@link #isOrphan}) is restartable too: JBeret's
     * default restart mode ("detect") sees that no job of this server runs it, marks it FAILED and
     * restarts it from its last checkpoint.
     */
    public long restart(long executionId, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        String jobName = operator.getJobExecution(executionId).getJobName();
        if (isRunning(operator, jobName)) {
            throw new BusinessRuleException("job", "Une exécution du traitement " + jobName
                    + " est déjà en cours : attendez sa fin ou arrêtez-la.");
        }
        long id = operator.restart(executionId, parameters);
        LOG.info(() -> "Job " + jobName + " execution " + executionId + " restarted as " + id);
        return id;
    }

    /** Asks a running execution to stop at its next checkpoint. */
    public void stop(long executionId) {
        BatchRuntime.getJobOperator().stop(executionId);
        LOG.info(() -> "Stop requested for job execution " + executionId);
    }

    /**
     * Whether an execution of the job really runs. The repository still says STARTED for an execution
     * whose server was killed (kill -9, power cut): such an orphan does not count, otherwise the job could
     * never start again.
     */
    public static boolean isRunning(JobOperator operator, String jobName) {
        try {
            return operator.getRunningExecutions(jobName).stream()
                    .anyMatch(id -> !isOrphan(operator.getJobExecution(id)));
        } catch (NoSuchJobException neverRan) {
            return false;
        }
    }

    /** An execution left starting, running or stopping by a server that died: see {@link OrphanedExecutions}. */
    public static boolean isOrphan(JobExecution execution) {
        return OrphanedExecutions.isOrphan(execution);
    }
}
