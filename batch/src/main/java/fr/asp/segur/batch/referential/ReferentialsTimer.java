package fr.asp.segur.batch.referential;

import fr.asp.segur.application.config.Settings;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts the referential jobs every night at {@code -Dsegur.referentials.hour} (default 2 h), in the
 * order ANS, banks, SIRENE, FINESS, RPPS, each with its default source (the {@code segur.*.source} properties). Every
 * node has this timer; {@link NightlyStarts} lets one node only start each job, and never over a
 * running execution.
 */
@Singleton
@Startup
@PermitAll
public class ReferentialsTimer {

    static final List<String> JOBS = List.of("ans-referential-sync", "bank-referential-sync", "sirene-sync",
            "finess-sync", "rpps-sync");

    @Resource
    private TimerService timers;
    @Inject
    private NightlyStarts starts;

    @PostConstruct
    void schedule() {
        String hour = Settings.string("segur.referentials.hour", "2");
        timers.createCalendarTimer(new ScheduleExpression().hour(hour).minute(0).second(0),
                new TimerConfig("referentials", false));
    }

    @Timeout
    void nightly() {
        startNight(LocalDate.now());
    }

    /** Starts the night's jobs that this node claims: job name → execution id (-1 when not started here). */
    public Map<String, Long> startNight(LocalDate night) {
        Map<String, Long> started = new LinkedHashMap<>();
        for (String job : JOBS) {
            started.put(job, starts.start(job, night, new Properties()));
        }
        return started;
    }
}
