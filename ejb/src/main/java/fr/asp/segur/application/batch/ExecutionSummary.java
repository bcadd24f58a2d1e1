package fr.asp.segur.application.batch;

import java.io.Serializable;
import java.time.LocalDateTime;

/** One execution of a job as the administrators' screen shows it (a class with getters, for EL). */
public class ExecutionSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long executionId;
    private final long instanceId;
    private final String jobName;
    private final String status;
    private final String exitStatus;
    private final LocalDateTime start;
    private final LocalDateTime end;
    private final long read;
    private final long written;
    private final long skipped;
    private final long filtered;
    private final Double throughput;
    private final Integer progress;
    private final boolean restartable;

    public ExecutionSummary(long executionId, long instanceId, String jobName, String status, String exitStatus,
                            LocalDateTime start, LocalDateTime end, long read, long written, long skipped, long filtered,
                            Double throughput, Integer progress, boolean restartable) {
        this.executionId = executionId;
        this.instanceId = instanceId;
        this.jobName = jobName;
        this.status = status;
        this.exitStatus = exitStatus;
        this.start = start;
        this.end = end;
        this.read = read;
        this.written = written;
        this.skipped = skipped;
        this.filtered = filtered;
        this.throughput = throughput;
        this.progress = progress;
        this.restartable = restartable;
    }

    /** STARTING, STARTED or STOPPING: "Arrêter" applies. */
    public boolean isRunning() {
        return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
    }

    public long getExecutionId() { return executionId; }
    public long getInstanceId() { return instanceId; }
    public String getJobName() { return jobName; }
    public String getStatus() { return status; }
    public String getExitStatus() { return exitStatus; }
    public LocalDateTime getStart() { return start; }
    public LocalDateTime getEnd() { return end; }
    public long getRead() { return read; }
    public long getWritten() { return written; }
    public long getSkipped() { return skipped; }
    public long getFiltered() { return filtered; }
    /** Lines read per second over the execution (so far, when running); null before any line. */
    public Double getThroughput() { return throughput; }
    /** Percentage of the current step done (bytes of the file), when the step reports it. */
    public Integer getProgress() { return progress; }
    /** FAILED or STOPPED and the last execution of its instance: "Relancer" applies. */
    public boolean isRestartable() { return restartable; }
}
