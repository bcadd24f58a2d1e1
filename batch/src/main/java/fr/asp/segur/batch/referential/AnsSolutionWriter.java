package fr.asp.segur.batch.referential;

import fr.asp.segur.application.referential.ReferentialSync;
import fr.asp.segur.domain.referential.AnsSolution;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Inserts or updates a chunk of solutions, noting them as seen by this job instance, in the chunk's transaction. */
@Named
@Dependent
public class AnsSolutionWriter extends AbstractItemWriter {

    @EJB
    private ReferentialSync sync;
    @Inject
    private JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        sync.importSolutions(job.getInstanceId(), items.stream().map(AnsSolution.class::cast).toList());
    }
}
