package fr.asp.segur.batch.reminders;

import fr.asp.segur.application.reminder.ReminderService;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;

/** Sends each agent's digest, once a day at most. */
@Named
@Dependent
public class AgentDigestWriter extends AbstractItemWriter {

    @EJB
    private ReminderService reminders;
    @Inject
    @BatchProperty(name = "staleDays")
    private String staleDays;

    @Override
    public void writeItems(List<Object> items) {
        for (Object agent : items) {
            reminders.sendDigest((String) agent, Duration.ofDays(Long.parseLong(staleDays)));
        }
    }
}
