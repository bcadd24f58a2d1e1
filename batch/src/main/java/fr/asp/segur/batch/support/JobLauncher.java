package fr.asp.segur.batch.support;

import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.cluster.ClusterNodes;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
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

    @EJB
    private ClusterNodes nodes;

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
        withConfiguredSources(jobName, parameters);
        long id = operator.start(jobName, parameters);
        nodes.recordExecution(id);
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
        nodes.recordExecution(id);
        LOG.info(() -> "Job " + jobName + " execution " + executionId + " restarted as " + id);
        return id;
    }

    /**
     * The SIRENE files and the reminders' delays configured by MicroProfile Config (environment variables included), which the
     * job's XML alone could only read from system properties.
     */
    private static void withConfiguredSources(String jobName, Properties parameters) {
        if ("sirene-sync".equals(jobName)) {
            Settings.optional("segur.sirene.legal-units").ifPresent(v -> parameters.putIfAbsent("legalUnits", v));
            Settings.optional("segur.sirene.establishments").ifPresent(v -> parameters.putIfAbsent("establishments", v));
        } else if ("reminders".equals(jobName)) {
            Settings.optional("segur.reminders.delay-days").ifPresent(v -> parameters.putIfAbsent("delayDays", v));
            Settings.optional("segur.reminders.max").ifPresent(v -> parameters.putIfAbsent("maxReminders", v));
            Settings.optional("segur.reminders.stale-days").ifPresent(v -> parameters.putIfAbsent("staleDays", v));
        }
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
    public boolean isRunning(JobOperator operator, String jobName) {
        try {
            return operator.getRunningExecutions(jobName).stream()
                    .anyMatch(id -> !isOrphan(operator.getJobExecution(id)));
        } catch (NoSuchJobException neverRan) {
            return false;
        }
    }

    /** An execution left starting, running or stopping by a node that died: see {@link ClusterNodes}. */
    public boolean isOrphan(JobExecution execution) {
        return nodes.isOrphan(execution);
    }
}
