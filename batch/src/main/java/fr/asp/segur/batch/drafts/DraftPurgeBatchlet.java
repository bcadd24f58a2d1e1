package fr.asp.segur.batch.drafts;

import fr.asp.segur.application.enrolment.DraftService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.util.logging.Logger;

/**
 * The reminders job's last step: enrolment drafts past their lifetime are removed with their uploads.
 * One transaction; a restart simply purges again what is still expired.
 */
@Named
@Dependent
public class DraftPurgeBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(DraftPurgeBatchlet.class.getName());

    @EJB
    private DraftService drafts;

    @Override
    public String process() {
        int purged = drafts.purgeExpired(LocalDateTime.now());
        LOG.info(() -> purged + " expired enrolment draft(s) purged");
        // The step's exit status, shown on the Traitements screen.
        return "PURGED " + purged;
    }
}
