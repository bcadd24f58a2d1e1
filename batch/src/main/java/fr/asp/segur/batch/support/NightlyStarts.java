package fr.asp.segur.batch.support;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.batch.ScheduleClaims;
import jakarta.batch.operations.JobStartException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A timer's nightly start of a job: once per night in the whole cluster (the node that claims the
 * night's {@code batch_schedule_claim} row starts it, see {@link ScheduleClaims}), and never while an
 * execution of the job is still running.
 */
@ApplicationScoped
public class NightlyStarts {

    private static final Logger LOG = Logger.getLogger(NightlyStarts.class.getName());

    @EJB
    private ScheduleClaims claims;
    @Inject
    private JobLauncher launcher;

    /** Starts the job for the night unless claimed elsewhere or running; its execution id, else -1. */
    public long start(String jobName, LocalDate night, Properties parameters) {
        if (!claims.claim(jobName, night)) {
            LOG.info(() -> "Job " + jobName + " for " + night + " claimed by another node: not started here");
            return -1;
        }
        try {
            long id = launcher.start(jobName, parameters);
            claims.started(jobName, night, id);
            return id;
        } catch (BusinessRuleException running) {
            LOG.warning(() -> "Job " + jobName + " still running: the start for " + night + " is skipped");
            return -1;
        } catch (JobStartException notDeployed) {
            LOG.warning(() -> "Job " + jobName + " could not start for " + night + ": " + notDeployed.getMessage());
            return -1;
        }
    }
}
