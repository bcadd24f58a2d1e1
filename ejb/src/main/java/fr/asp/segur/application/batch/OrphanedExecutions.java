package fr.asp.segur.application.batch;

import jakarta.batch.runtime.JobExecution;
import java.lang.management.ManagementFactory;
import java.util.Date;

/**
 * Tells an execution whose server died (kill -9, power cut) from a running one: the job repository
 * still says STARTING, STARTED or STOPPING for it. Shared by the job launcher (an orphan does not block
 * a start and can be restarted) and the administrators' screen (an orphan is offered "Relancer").
 */
public final class OrphanedExecutions {

    private static final long SERVER_START = ManagementFactory.getRuntimeMXBean().getStartTime();

    private OrphanedExecutions() {
    }

    /**
     * An execution the repository says is starting, running or stopping, but that was created before
     * this server started: its server died under it. One server runs the portal's jobs; with several
     * nodes sharing the repository this test would need a node id and a heartbeat.
     */
    public static boolean isOrphan(JobExecution execution) {
        Date created = execution.getCreateTime();
        return switch (execution.getBatchStatus()) {
            case STARTING, STARTED, STOPPING -> created != null && created.getTime() < SERVER_START;
            default -> false;
        };
    }
}
