package fr.asp.segur.application.batch;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.application.batch.OrphanedExecutions.Heartbeat;
import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.Test;

/** Which executions the repository calls running are orphans of a node that died or restarted. */
class OrphanedExecutionsTest {

    private static final long NOW = 1_000_000_000L;
    private static final long STALE = 45_000;
    private static final long THIS_JVM = NOW - 600_000;

    @Test
    void anExecutionOfANodeWhoseHeartbeatIsStaleIsAnOrphan() {
        Heartbeat dead = new Heartbeat(NOW - 3_600_000, NOW - 60_000);
        for (BatchStatus active : new BatchStatus[]{BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING}) {
            assertThat(orphan(active, NOW - 120_000, true, dead)).isTrue();
        }
    }

    @Test
    void anExecutionOfALiveNodeIsNotEvenWhenItStartedBeforeThisServer() {
        // The case a restarted node got wrong when "before this JVM" meant dead: the other node runs it.
        Heartbeat alive = new Heartbeat(NOW - 3_600_000, NOW - 5_000);
        assertThat(orphan(BatchStatus.STARTED, THIS_JVM - 60_000, true, alive)).isFalse();
    }

    @Test
    void anExecutionFromBeforeItsNodeRestartedIsAnOrphan() {
        Heartbeat restarted = new Heartbeat(NOW - 30_000, NOW - 2_000);
        assertThat(orphan(BatchStatus.STARTED, NOW - 40_000, true, restarted)).isTrue();
        assertThat(orphan(BatchStatus.STARTED, NOW - 20_000, true, restarted)).isFalse();
    }

    @Test
    void aFinishedExecutionIsNeverAnOrphan() {
        Heartbeat dead = new Heartbeat(NOW - 3_600_000, NOW - 60_000);
        assertThat(orphan(BatchStatus.FAILED, NOW - 120_000, true, dead)).isFalse();
        assertThat(orphan(BatchStatus.COMPLETED, NOW - 120_000, true, dead)).isFalse();
        assertThat(orphan(BatchStatus.STOPPED, NOW - 120_000, false, null)).isFalse();
    }

    @Test
    void anUnrecordedExecutionFallsBackOnThisServersStart() {
        assertThat(orphan(BatchStatus.STARTED, THIS_JVM - 1, false, null)).isTrue();
        assertThat(orphan(BatchStatus.STARTED, THIS_JVM + 1, false, null)).isFalse();
    }

    @Test
    void aRecordedNodeWithoutHeartbeatIsDeadOnceTheStaleDelayPassed() {
        assertThat(orphan(BatchStatus.STARTED, NOW - STALE - 1, true, null)).isTrue();
        assertThat(orphan(BatchStatus.STARTED, NOW - 1_000, true, null)).isFalse();
    }

    private static boolean orphan(BatchStatus status, long created, boolean recorded, Heartbeat heartbeat) {
        return OrphanedExecutions.isOrphan(status, created, recorded, heartbeat, NOW, THIS_JVM, STALE);
    }
}
