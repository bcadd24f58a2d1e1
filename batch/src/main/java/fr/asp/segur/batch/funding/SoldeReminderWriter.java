package fr.asp.segur.batch.funding;

import fr.asp.segur.application.funding.FundingNightly;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/** Reminds each request's supplier, in the chunk's transaction (the reminder's mark and its email together). */
@Named
@Dependent
public class SoldeReminderWriter extends AbstractItemWriter {

    @EJB
    private FundingNightly nightly;

    @Override
    public void writeItems(List<Object> items) {
        for (Object id : items) {
            nightly.remindSolde((Long) id);
        }
    }
}
