package fr.asp.segur.batch.support;

import fr.asp.segur.application.batch.BatchJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Properties;

/** {@link BatchJobs} for the administrators' screen: administrators only. */
@Stateless
@RolesAllowed("administrateur")
public class BatchJobControl implements BatchJobs {

    /** Every job of META-INF/batch-jobs an administrator may run, in display order. */
    static final List<String> JOBS = List.of("ans-referential-sync", "sirene-sync", "bank-referential-sync", "reminders");

    @Inject
    private JobLauncher launcher;

    @Override
    public List<String> jobNames() {
        return JOBS;
    }

    @Override
    public long start(String jobName, Properties parameters) {
        if (!JOBS.contains(jobName)) {
            throw new fr.asp.segur.application.BusinessRuleException("job", "Traitement inconnu : " + jobName + ".");
        }
        return launcher.start(jobName, parameters);
    }

    @Override
    public long restart(long executionId) {
        return launcher.restart(executionId, new Properties());
    }

    @Override
    public void stop(long executionId) {
        launcher.stop(executionId);
    }
}
