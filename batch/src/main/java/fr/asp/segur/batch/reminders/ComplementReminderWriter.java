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

/** Reminds or classes each request, in the chunk's transaction. */
@Named
@Dependent
public class ComplementReminderWriter extends AbstractItemWriter {

    @EJB
    private ReminderService reminders;
    @Inject
    @BatchProperty(name = "delayDays")
    private String delayDays;
    @Inject
    @BatchProperty(name = "maxReminders")
    private String maxReminders;

    @Override
    public void writeItems(List<Object> items) {
        for (Object id : items) {
            reminders.remindOrClose((Long) id, Duration.ofDays(Long.parseLong(delayDays)),
                    Integer.parseInt(maxReminders));
        }
    }
}
