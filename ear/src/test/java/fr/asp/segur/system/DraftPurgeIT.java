package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.DraftService;
import fr.asp.segur.application.enrolment.DraftState;
import fr.asp.segur.application.enrolment.EnrolmentForm;
import fr.asp.segur.application.enrolment.WizardDraft;
import fr.asp.segur.batch.reminders.RemindersTimer;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly purge of enrolment drafts (the reminders job's "drafts" step) against PostgreSQL: an unsaved
 * draft goes a day after its last change, a saved one at the end of its retention, each with its uploads;
 * live drafts and their uploads stay, even uploads older than the hourly purge of loose uploads.
 */
@ExtendWith(ArquillianExtension.class)
class DraftPurgeIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(DraftPurgeIT.class, Fixtures.class);
    }

    @EJB
    DraftService drafts;
    @EJB
    DocumentService documents;
    @EJB
    RemindersTimer job;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private WizardDraft draftWithUpload(String email) {
        WizardDraft draft = drafts.create();
        documents.stage(draft.documentToken(), DocumentKind.CERTIFICAT_REFERENCEMENT, "certificat.pdf",
                new ByteArrayInputStream(Fixtures.pdf()));
        EnrolmentForm form = new EnrolmentForm();
        form.setReferencingNumber("0215jug63a");
        form.setIban("FR7613135000800800267924623");
        DraftState state = new DraftState("banque", form, null, null);
        if (email != null) {
            drafts.saveForLater(draft.id(), state, email);
        } else {
            drafts.save(draft.id(), state);
        }
        return draft;
    }

    private long rows(WizardDraft draft) throws Exception {
        return Fixtures.count(ds, "select count(*) from enrolment_draft where id = ?", draft.id());
    }

    private long uploads(WizardDraft draft) throws Exception {
        return Fixtures.count(ds, "select count(*) from document d join document_content c on c.document_id = d.id "
                + "where d.draft_token = ?", draft.documentToken());
    }

    @Test
    void expiredDraftsGoWithTheirUploadsAndLiveOnesStay() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        WizardDraft abandoned = draftWithUpload(null);
        WizardDraft fresh = draftWithUpload(null);
        WizardDraft savedExpired = draftWithUpload("purge-a-" + tag + "@kalinka.fr");
        WizardDraft savedLive = draftWithUpload("purge-b-" + tag + "@kalinka.fr");
        Fixtures.execute(ds, "update enrolment_draft set updated_at = current_timestamp - interval '25 hours' where id = ?",
                abandoned.id());
        Fixtures.execute(ds, "update enrolment_draft set saved_until = current_timestamp - interval '1 minute', "
                + "updated_at = current_timestamp - interval '31 days' where id = ?", savedExpired.id());
        // Saved 29 days ago: its upload is far older than a day, the draft keeps it.
        Fixtures.execute(ds, "update enrolment_draft set updated_at = current_timestamp - interval '29 days' where id = ?",
                savedLive.id());
        Fixtures.execute(ds, "update document set uploaded_at = current_timestamp - interval '29 days' "
                + "where draft_token = ?", savedLive.documentToken());

        assertTrue(drafts.find(abandoned.id()).isEmpty(), "past its lifetime, even before the purge");
        assertEquals("FR7613135000800800267924623", drafts.find(savedLive.id()).orElseThrow().state().getForm().getIban());

        long execution = job.start(new Properties());
        assertTrue(execution > 0);
        assertEquals(BatchStatus.COMPLETED, await(execution));
        StepExecution step = BatchRuntime.getJobOperator().getStepExecutions(execution).stream()
                .filter(s -> s.getStepName().equals("drafts")).findFirst().orElseThrow();
        assertTrue(step.getExitStatus().startsWith("PURGED "), step.getExitStatus());

        assertEquals(0, rows(abandoned));
        assertEquals(0, uploads(abandoned));
        assertEquals(0, rows(savedExpired));
        assertEquals(0, uploads(savedExpired));
        assertEquals(1, rows(fresh));
        assertEquals(1, uploads(fresh));
        assertEquals(1, rows(savedLive));
        assertEquals(1, uploads(savedLive));
        assertEquals(1, Fixtures.count(ds, "select count(*) from mail_message where recipient = ? "
                + "and subject like '%Reprendre%'", "purge-b-" + tag + "@kalinka.fr"));
    }

    private static BatchStatus await(long executionId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        BatchStatus status;
        do {
            Thread.sleep(200);
            status = BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
        } while ((status == BatchStatus.STARTING || status == BatchStatus.STARTED) && System.currentTimeMillis() < deadline);
        return status;
    }
}
