package fr.asp.segur.batch.siret;

import fr.asp.segur.application.enrolment.SiretRecheck;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/** Records, in the chunk's transaction, what the freshly synchronised referential says of each SIRET. */
@Named
@Dependent
public class SiretRecheckWriter extends AbstractItemWriter {

    @EJB
    private SiretRecheck recheck;

    @Override
    public void writeItems(List<Object> ids) {
        for (Object id : ids) {
            recheck.recheck((Long) id);
        }
    }
}
