package fr.asp.segur.batch.referential;

import fr.asp.segur.application.referential.ReferentialSync;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Final step of an import: withdraws what this job instance's file did not list (property
 * {@code referential}: {@code ans} or {@code banks}). The instance id survives a restart, so the
 * lines committed before a crash still count as seen.
 */
@Named
@Dependent
public class WithdrawAbsentBatchlet extends AbstractBatchlet {

    @EJB
    private ReferentialSync sync;
    @Inject
    private JobContext job;
    @Inject
    @BatchProperty(name = "referential")
    private String referential;

    @Override
    public String process() {
        int withdrawn = "banks".equals(referential)
                ? sync.withdrawAbsentBanks(job.getInstanceId())
                : sync.withdrawAbsentSolutions(job.getInstanceId());
        return "RETIRES:" + withdrawn;
    }
}
