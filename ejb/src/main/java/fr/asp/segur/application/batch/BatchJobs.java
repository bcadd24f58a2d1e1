package fr.asp.segur.application.batch;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Properties;

/**
 * Starting, stopping and restarting the portal's batch jobs. Declared here so that the web module
 * (administrators' screen) can call it without depending on the batch module, which implements it
 * (the job XML lives there, and JBeret finds a job by the caller's class loader).
 */
@Local
public interface BatchJobs {

    /** The jobs an administrator can run, in display order (e.g. "ans-referential-sync"). */
    List<String> jobNames();

    /**
     * Starts the job now, unless an execution of it is already running anywhere (the job repository
     * is shared by every node); returns the new execution id.
     *
     * @throws fr.asp.segur.application.BusinessRuleException when one is running, with a French message
     */
    long start(String jobName, Properties parameters);

    /** Restarts a failed or stopped execution from its last checkpoint; returns the new execution id. */
    long restart(long executionId);

    /** Asks a running execution to stop at its next checkpoint. */
    void stop(long executionId);

    /**
     * The server folder from which an administrator may name a file as a job's {@code source}
     * parameter (the other accepted sources being http(s) addresses).
     */
    String importFolder();
}
