package fr.asp.segur.batch.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.lang.management.ManagementFactory;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which executions the repository calls running are orphans of a server that died. */
class JobLauncherTest {

    private static final long STARTED = ManagementFactory.getRuntimeMXBean().getStartTime();

    @Test
    void anExecutionStillStartedFromBeforeThisServerStartedIsAnOrphan() {
        assertThat(JobLauncher.isOrphan(execution(BatchStatus.STARTED, STARTED - 60_000))).isTrue();
        assertThat(JobLauncher.isOrphan(execution(BatchStatus.STARTING, STARTED - 60_000))).isTrue();
        assertThat(JobLauncher.isOrphan(execution(BatchStatus.STOPPING, STARTED - 60_000))).isTrue();
    }

    @Test
    void anExecutionOfThisServerOrAFinishedOneIsNot() {
        assertThat(JobLauncher.isOrphan(execution(BatchStatus.STARTED, STARTED + 1_000))).isFalse();
        assertThat(JobLauncher.isOrphan(execution(BatchStatus.FAILED, STARTED - 60_000))).isFalse();
        assertThat(JobLauncher.isOrphan(execution(BatchStatus.COMPLETED, STARTED - 60_000))).isFalse();
    }

    private static JobExecution execution(BatchStatus status, long created) {
        return new JobExecution() {
            @Override public long getExecutionId() { return 1; }
            @Override public String getJobName() { return "sirene-sync"; }
            @Override public BatchStatus getBatchStatus() { return status; }
            @Override public Date getStartTime() { return new Date(created); }
            @Override public Date getEndTime() { return null; }
            @Override public String getExitStatus() { return null; }
            @Override public Date getCreateTime() { return new Date(created); }
            @Override public Date getLastUpdatedTime() { return new Date(created); }
            @Override public Properties getJobParameters() { return new Properties(); }
        };
    }
}
