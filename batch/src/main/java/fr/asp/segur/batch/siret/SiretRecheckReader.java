package fr.asp.segur.batch.siret;

import fr.asp.segur.application.enrolment.SiretRecheck;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

/** The requests whose SIRET awaits verification, by id, a page at a time; the checkpoint is the last id read. */
@Named
@Dependent
public class SiretRecheckReader extends AbstractItemReader {

    private static final int PAGE = 500;

    @EJB
    private SiretRecheck recheck;
    private Iterator<Long> page = List.<Long>of().iterator();
    private long last;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? 0L : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (!page.hasNext() && !exhausted) {
            List<Long> ids = recheck.pendingAfter(last, PAGE);
            exhausted = ids.size() < PAGE;
            page = ids.iterator();
        }
        if (!page.hasNext()) {
            return null;
        }
        last = page.next();
        return last;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
