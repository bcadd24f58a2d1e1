package fr.asp.segur.batch.reminders;

import fr.asp.segur.application.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.batch.support.JobLauncher;
import fr.asp.segur.batch.support.NightlyStarts;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts the reminders job every night at {@code -Dsegur.reminders.hour} (default 6 h): on one node of
 * a cluster only, and unless an execution of it is still running (see {@link NightlyStarts}).
 */
@Singleton
@Startup
@PermitAll
public class RemindersTimer {

    static final String JOB = "reminders";
    private static final Logger LOG = Logger.getLogger(RemindersTimer.class.getName());

    @Resource
    private TimerService timers;
    @Inject
    private JobLauncher launcher;
    @Inject
    private NightlyStarts starts;

    @PostConstruct
    void schedule() {
        String hour = Settings.string("segur.reminders.hour", "6");
        timers.createCalendarTimer(new ScheduleExpression().hour(hour).minute(0).second(0),
                new TimerConfig("reminders", false));
    }

    @Timeout
    void nightly() {
        starts.start(JOB, LocalDate.now(), new Properties());
    }

    /**
     * Starts the job now with the given parameters (delayDays, maxReminders, staleDays), unless an
     * execution is running; returns its execution id, or -1 when skipped.
     */
    public long start(Properties parameters) {
        try {
            return launcher.start(JOB, parameters);
        } catch (BusinessRuleException running) {
            LOG.warning("Reminders job still running: this start is skipped");
            return -1;
        }
    }

    /** Restarts a failed or stopped execution from its last checkpoint. */
    public long restart(long executionId, Properties parameters) {
        return launcher.restart(executionId, parameters);
    }
}
