package fr.asp.segur.application.batch;

import jakarta.batch.runtime.BatchStatus;

/**
 * Tells an execution whose server died (kill -9, power cut) from a running one: the job repository
 * still says STARTING, STARTED or STOPPING for it. Shared by the job launcher (an orphan does not block
 * a start and can be restarted) and the administrators' screen (an orphan is offered "Relancer").
 * Every node records which executions it runs ({@code batch_execution_node}) and beats a heartbeat
 * ({@code node_heartbeat}, see {@link fr.asp.segur.application.cluster.ClusterNodes}); the rule is here,
 * on plain values, so that it is tested alone.
 */
public final class OrphanedExecutions {

    private OrphanedExecutions() {
    }

    /** The heartbeat row of a node: when its current JVM started, when it last beat (epoch ms). */
    public record Heartbeat(long startedAtMs, long beatAtMs) {
    }

    /**
     * Whether an execution the repository calls active runs no more.
     *
     * @param recordedNode whether the execution's node is known (executions started before the nodes
     *                     recorded theirs are not)
     * @param heartbeat    that node's heartbeat, null when it has none
     * @param thisJvmStart when this server's JVM started, for unrecorded executions
     * @param staleMs      how old a heartbeat may be while its node lives
     */
    public static boolean isOrphan(BatchStatus status, long createdMs, boolean recordedNode, Heartbeat heartbeat,
                                   long nowMs, long thisJvmStart, long staleMs) {
        if (status != BatchStatus.STARTING && status != BatchStatus.STARTED && status != BatchStatus.STOPPING) {
            return false;
        }
        if (!recordedNode) {
            // One server ran the portal's jobs before nodes recorded theirs: older than this JVM means dead.
            return createdMs < thisJvmStart;
        }
        if (heartbeat == null) {
            return nowMs - createdMs > staleMs;
        }
        // A stale heartbeat: the node is dead. A node that restarted since under the same name runs a new
        // JVM, which holds none of the old one's executions.
        return nowMs - heartbeat.beatAtMs() > staleMs || createdMs < heartbeat.startedAtMs();
    }
}
