package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.domain.mail.MailMessage;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox against a real SMTP server (GreenMail, started inside the server for this test on the
 * port the mail session targets): an outage delays an email, never loses it, and it is sent once.
 */
@ExtendWith(ArquillianExtension.class)
class MailOutboxIT {

    @Deployment
    static EnterpriseArchive deployment() throws URISyntaxException {
        EnterpriseArchive ear = Deployments.earWithTests(MailOutboxIT.class, Fixtures.class);
        File greenmail = new File(GreenMail.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ear.getAsType(WebArchive.class, "test.war").addAsLibraries(greenmail);
        return ear;
    }

    @EJB
    MailOutbox outbox;
    @Resource
    UserTransaction tx;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    @Test
    void anSmtpOutageDelaysAnEmailWhichIsThenDeliveredExactlyOnce() throws Exception {
        int port = Integer.getInteger("segur.smtp.port", 3025);
        String recipient = "outbox-" + System.nanoTime() + "@kalinka.fr";
        tx.begin();
        MailMessage queued = outbox.enqueue(recipient, "Test de l'outbox", "accuse-reception", Map.of());
        tx.commit();

        // Nothing listens: the sender fails, records the error and reschedules.
        long deadline = System.currentTimeMillis() + 30_000;
        while (attempts(recipient) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertTrue(attempts(recipient) >= 1, "the sender tried");
        assertEquals(0, Fixtures.count(ds, "select count(*) from mail_message where recipient = ? and sent_at is not null", recipient));
        assertNotNull(lastError(recipient));

        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            // Skip the back-off rather than wait for it.
            Fixtures.execute(ds, "update mail_message set next_attempt_at = current_timestamp where recipient = ?", recipient);
            assertTrue(smtp.waitForIncomingEmail(30_000, 1), "delivered once SMTP is back");
            Thread.sleep(11_000); // two more sender rounds: nothing is sent again
            MimeMessage[] received = smtp.getReceivedMessagesForDomain(recipient);
            assertEquals(1, received.length);
            assertEquals(queued.getMessageId(), received[0].getMessageID());
            assertEquals(1, Fixtures.count(ds, "select count(*) from mail_message where recipient = ? and sent_at is not null", recipient));
        } finally {
            smtp.stop();
        }
    }

    private int attempts(String recipient) throws Exception {
        return (int) Fixtures.count(ds, "select coalesce(max(attempts), 0) from mail_message where recipient = ?", recipient);
    }

    private String lastError(String recipient) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select last_error from mail_message where recipient = ?")) {
            ps.setString(1, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
