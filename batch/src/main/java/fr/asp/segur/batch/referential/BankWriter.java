package fr.asp.segur.batch.referential;

import fr.asp.segur.application.referential.ReferentialSync;
import fr.asp.segur.domain.referential.BankInstitution;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Inserts or updates a chunk of French institutions, noting them as seen by this job instance. */
@Named
@Dependent
public class BankWriter extends AbstractItemWriter {

    @EJB
    private ReferentialSync sync;
    @Inject
    private JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        sync.importBanks(job.getInstanceId(), items.stream().map(BankInstitution.class::cast).toList());
    }
}
