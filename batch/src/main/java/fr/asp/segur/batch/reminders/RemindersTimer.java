package fr.asp.segur.batch.reminders;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts the reminders job every night at {@code -Dsegur.reminders.hour} (default 6 h), unless an
 * execution of it is still running (the job repository is shared by every node).
 */
@Singleton
@Startup
@PermitAll
public class RemindersTimer {

    static final String JOB = "reminders";
    private static final Logger LOG = Logger.getLogger(RemindersTimer.class.getName());

    @Resource
    private TimerService timers;

    @PostConstruct
    void schedule() {
        String hour = System.getProperty("segur.reminders.hour", "6");
        timers.createCalendarTimer(new ScheduleExpression().hour(hour).minute(0).second(0),
                new TimerConfig("reminders", false));
    }

    @Timeout
    void nightly() {
        start(new Properties());
    }

    /**
     * Starts the job now with the given parameters (delayDays, maxReminders, staleDays), unless an
     * execution is running; returns its execution id, or -1 when skipped. Started from this module,
     * where the job's XML lives.
     */
    public long start(Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            if (!operator.getRunningExecutions(JOB).isEmpty()) {
                LOG.warning("Reminders job still running: this start is skipped");
                return -1;
            }
        } catch (NoSuchJobException firstRun) {
            // Never ran: nothing can be running.
        }
        long id = operator.start(JOB, parameters);
        LOG.info(() -> "Reminders job started, execution " + id);
        return id;
    }

    /** Restarts a failed or stopped execution from its last checkpoint. */
    public long restart(long executionId, Properties parameters) {
        return BatchRuntime.getJobOperator().restart(executionId, parameters);
    }
}
