package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.instruction.InstructionService;
import fr.asp.segur.batch.reminders.RemindersTimer;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly reminders job against PostgreSQL: reminders after the delay, classement sans suite
 * after the last one, and a run that fails in the middle then restarts without sending twice.
 */
@ExtendWith(ArquillianExtension.class)
class RemindersJobIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(RemindersJobIT.class, Fixtures.class, People.class);
    }

    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @EJB
    InstructionService instruction;
    @EJB
    RemindersTimer job;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    /** A request awaiting complements asked {@code daysAgo} days ago, for a recipient of its own. */
    private String awaitingComplements(String email, int daysAgo) throws Exception {
        String number = Fixtures.submit(enrolment, documents, captcha, Fixtures.representativeForm(email),
                Fixtures.REPRESENTATIVE_DOCUMENTS);
        People.as(People.AGENT, () -> instruction.take(number, version(number)));
        People.as(People.AGENT, () -> instruction.askForComplements(number, version(number), "Merci de fournir un RIB lisible.",
                Set.of(DocumentKind.RIB)));
        age(number, daysAgo);
        return number;
    }

    private void age(String number, int daysAgo) throws Exception {
        Fixtures.execute(ds, "update complement_request set asked_at = current_timestamp - make_interval(days => ?), "
                + "last_reminder_at = case when last_reminder_at is null then null "
                + "else current_timestamp - make_interval(days => ?) end "
                + "where request_id = (select id from enrolment_request where request_number = ?)", daysAgo, daysAgo, number);
    }

    private long version(String number) throws Exception {
        return Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number);
    }

    private long reminders(String email) throws Exception {
        return Fixtures.count(ds, "select count(*) from mail_message where recipient = ? and subject like '%Rappel%'", email);
    }

    private BatchStatus run(long executionId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        BatchStatus status;
        do {
            Thread.sleep(200);
            status = BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
        } while ((status == BatchStatus.STARTING || status == BatchStatus.STARTED) && System.currentTimeMillis() < deadline);
        return status;
    }

    private static Properties parameters() {
        Properties p = new Properties();
        p.setProperty("delayDays", "7");
        p.setProperty("maxReminders", "2");
        return p;
    }

    @Test
    void remindersFollowTheDelayThenTheRequestIsClassedSansSuite() throws Exception {
        String email = "relance-" + System.nanoTime() + "@kalinka.fr";
        String number = awaitingComplements(email, 8);

        assertEquals(BatchStatus.COMPLETED, run(job.start(parameters())));
        assertEquals(1, reminders(email));
        assertEquals(BatchStatus.COMPLETED, run(job.start(parameters())));
        assertEquals(1, reminders(email), "no second reminder before the delay");

        age(number, 8);
        assertEquals(BatchStatus.COMPLETED, run(job.start(parameters())));
        assertEquals(2, reminders(email));
        age(number, 8);
        assertEquals(BatchStatus.COMPLETED, run(job.start(parameters())));
        assertEquals(2, reminders(email));
        assertEquals(1, Fixtures.count(ds, "select count(*) from enrolment_request where request_number = ? "
                + "and status = 'CLASSEE_SANS_SUITE'", number));
        assertEquals(1, Fixtures.count(ds, "select count(*) from mail_message where recipient = ? "
                + "and subject like '%classée sans suite%'", email));
    }

    @Test
    void aJobThatFailsMidwayIsRestartedWithoutSendingTwice() throws Exception {
        String first = "panne-a-" + System.nanoTime() + "@kalinka.fr";
        String broken = "panne-b-" + System.nanoTime() + "@kalinka.fr";
        String third = "panne-c-" + System.nanoTime() + "@kalinka.fr";
        awaitingComplements(first, 8);
        awaitingComplements(broken, 8);
        awaitingComplements(third, 8);

        // The database refuses the second supplier's reminder: the job fails in the middle.
        Fixtures.execute(ds, "create or replace function refuse_reminder() returns trigger language plpgsql as $$ "
                + "begin if new.recipient = '" + broken + "' and new.subject like '%Rappel%' then "
                + "raise exception 'disk full'; end if; return new; end $$");
        Fixtures.execute(ds, "create trigger refuse_reminder before insert on mail_message for each row "
                + "execute function refuse_reminder()");
        long failed;
        try {
            failed = job.start(parameters());
            assertEquals(BatchStatus.FAILED, run(failed));
        } finally {
            Fixtures.execute(ds, "drop trigger refuse_reminder on mail_message");
        }
        assertEquals(1, reminders(first), "committed before the failure");
        assertEquals(0, reminders(broken));

        assertEquals(BatchStatus.COMPLETED, run(job.restart(failed, parameters())));

        assertEquals(1, reminders(first), "not sent again by the restart");
        assertEquals(1, reminders(broken));
        assertEquals(1, reminders(third));
    }
}
