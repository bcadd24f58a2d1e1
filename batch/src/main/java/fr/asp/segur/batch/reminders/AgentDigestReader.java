package fr.asp.segur.batch.reminders;

import fr.asp.segur.application.reminder.ReminderService;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.Iterator;

/** The agents with stale requests, in login order; the checkpoint is the last agent handed out. */
@Named
@Dependent
public class AgentDigestReader extends AbstractItemReader {

    @EJB
    private ReminderService reminders;
    @Inject
    @BatchProperty(name = "staleDays")
    private String staleDays;
    private Iterator<String> agents;
    private String last;

    @Override
    public void open(Serializable checkpoint) {
        last = (String) checkpoint;
        agents = reminders.agentsWithStaleRequests(Duration.ofDays(Long.parseLong(staleDays))).stream()
                .filter(a -> last == null || a.compareTo(last) > 0).iterator();
    }

    @Override
    public Object readItem() {
        if (!agents.hasNext()) {
            return null;
        }
        last = agents.next();
        return last;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
