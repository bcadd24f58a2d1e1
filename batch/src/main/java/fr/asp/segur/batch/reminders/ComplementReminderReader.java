package fr.asp.segur.batch.reminders;

import fr.asp.segur.application.reminder.ReminderService;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;

/** The open requests for complements, by id; the checkpoint is the last id handed out. */
@Named
@Dependent
public class ComplementReminderReader extends AbstractItemReader {

    @EJB
    private ReminderService reminders;
    private Iterator<Long> ids;
    private long last;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? 0L : (Long) checkpoint;
        ids = reminders.complementsWaiting(last).iterator();
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
