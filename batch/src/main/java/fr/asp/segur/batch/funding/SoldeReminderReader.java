package fr.asp.segur.batch.funding;

import fr.asp.segur.application.funding.FundingNightly;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;

/** The paid avances awaiting their solde near the deadline, by id; the checkpoint is the last id handed out. */
@Named
@Dependent
public class SoldeReminderReader extends AbstractItemReader {

    @EJB
    private FundingNightly nightly;
    private Iterator<Long> ids;
    private long last;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? 0L : (Long) checkpoint;
        ids = nightly.awaitingSolde(last).iterator();
    }

    @Override
    public Object readItem() {
        if (!ids.hasNext()) {
            return null;
        }
        last = ids.next();
        return last;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
