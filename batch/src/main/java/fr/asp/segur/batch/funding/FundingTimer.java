package fr.asp.segur.batch.funding;

import fr.asp.segur.application.config.Settings;
import fr.asp.segur.batch.support.JobLauncher;
import fr.asp.segur.batch.support.NightlyStarts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Properties;

/**
 * Starts {@code funding-nightly} (close ended calls, remind suppliers of soldes due) every night at
 * {@code -Dsegur.funding.hour} (default 5 h), on one node of a cluster only (see {@link NightlyStarts}).
 */
@Singleton
@Startup
@PermitAll
public class FundingTimer {

    static final String JOB = "funding-nightly";

    @Resource
    private TimerService timers;
    @Inject
    private NightlyStarts starts;
    @Inject
    private JobLauncher launcher;

    @PostConstruct
    void schedule() {
        String hour = Settings.string("segur.funding.hour", "5");
        timers.createCalendarTimer(new ScheduleExpression().hour(hour).minute(0).second(0),
                new TimerConfig(JOB, false));
    }

    @Timeout
    void nightly() {
        starts.start(JOB, LocalDate.now(), new Properties());
    }

    /** Starts the job now (refused while an execution runs); returns its execution id. */
    public long start() {
        return launcher.start(JOB, new Properties());
    }
}
