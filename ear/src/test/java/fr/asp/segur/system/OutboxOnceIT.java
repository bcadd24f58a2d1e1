package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.application.mail.OutboxSender;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox sends each email once cluster-wide: two claimers standing for two nodes race the server's
 * own sender over 100 emails on PostgreSQL, against a real SMTP server (GreenMail in the server), and
 * a dead node's lease is taken over once it expires.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxOnceIT {

    @Deployment
    static EnterpriseArchive deployment() throws URISyntaxException {
        EnterpriseArchive ear = Deployments.earWithTests(OutboxOnceIT.class, Fixtures.class);
        File greenmail = new File(GreenMail.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // AssertJ too: these tests run inside the server
        File assertj = new File(org.assertj.core.api.Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ear.getAsType(WebArchive.class, "test.war").addAsLibraries(greenmail, assertj);
        return ear;
    }

    @EJB
    MailOutbox outbox;
    @EJB
    OutboxSender sender;
    @Resource
    UserTransaction tx;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    @Test
    void hundredEmailsRacedByTwoNodesLeaveOnceEach() throws Exception {
        String domain = "once" + System.nanoTime() + ".fr";
        GreenMail smtp = new GreenMail(new ServerSetup(Integer.getInteger("segur.smtp.port", 3025), "127.0.0.1", "smtp"));
        smtp.start();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            tx.begin();
            for (int i = 0; i < 100; i++) {
                outbox.enqueue("destinataire" + i + "@" + domain, "Test " + i, "accuse-reception", Map.of());
            }
            tx.commit();

            Map<String, AtomicInteger> sentBy = new ConcurrentHashMap<>();
            List<Future<?>> racers = new ArrayList<>();
            for (String node : List.of("noeud-a", "noeud-b")) {
                racers.add(nodes.submit(() -> {
                    long deadline = System.currentTimeMillis() + 60_000;
                    while (System.currentTimeMillis() < deadline && pending(domain) > 0) {
                        // small claims so that the two nodes and the server's timer interleave
                        for (Long id : sender.claimDue(node, 5)) {
                            sender.deliver(id, node);
                            sentBy.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> racer : racers) {
                racer.get();
            }
            assertThat(pending(domain)).isZero();
            Thread.sleep(6_000); // one more round of the server's own sender: nothing leaves again

            MimeMessage[] received = smtp.getReceivedMessages();
            Map<String, Integer> perMessageId = new HashMap<>();
            int ours = 0;
            for (MimeMessage m : received) {
                if (m.getAllRecipients()[0].toString().endsWith("@" + domain)) {
                    ours++;
                    perMessageId.merge(m.getMessageID(), 1, Integer::sum);
                }
            }
            assertThat(ours).isEqualTo(100);
            assertThat(perMessageId).hasSize(100).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(Fixtures.count(ds, "select count(*) from mail_message where recipient like ? and attempts = 1"
                    + " and claimed_by is null", "%@" + domain)).isEqualTo(100);
            assertThat(Fixtures.count(ds, "select count(distinct message_id) from mail_message where recipient like ?",
                    "%@" + domain)).isEqualTo(100);
            System.out.println("Outbox race: sent by the test's claimers " + sentBy + ", the rest by the server's timer");
        } finally {
            nodes.shutdownNow();
            smtp.stop();
        }
    }

    @Test
    void aDeadNodesLeaseIsTakenOverOnceItExpires() throws Exception {
        String recipient = "bail-" + System.nanoTime() + "@kalinka.fr";
        GreenMail smtp = new GreenMail(new ServerSetup(Integer.getInteger("segur.smtp.port", 3025), "127.0.0.1", "smtp"));
        smtp.start();
        try {
            tx.begin();
            outbox.enqueue(recipient, "Bail", "accuse-reception", Map.of());
            tx.commit();
            // A node claims it and dies before sending.
            long id = Fixtures.count(ds, "select id from mail_message where recipient = ?", recipient);
            Fixtures.execute(ds, "update mail_message set claimed_by = 'noeud-mort',"
                    + " claimed_until = current_timestamp + interval '1 hour' where id = ?", id);
            assertThat(sender.claimDue("noeud-vivant", 500)).doesNotContain(id);
            Thread.sleep(6_000);
            assertThat(smtp.getReceivedMessagesForDomain(recipient)).isEmpty();

            Fixtures.execute(ds, "update mail_message set claimed_until = current_timestamp - interval '1 second'"
                    + " where id = ?", id);
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
            assertThat(smtp.getReceivedMessagesForDomain(recipient)).hasSize(1);
            // the relay has it; the sender's transaction commits just after
            String sent = "select count(*) from mail_message where id = ? and sent_at is not null and claimed_by is null";
            for (int i = 0; i < 50 && Fixtures.count(ds, sent, id) == 0; i++) {
                Thread.sleep(200);
            }
            assertThat(Fixtures.count(ds, sent, id)).isEqualTo(1);
        } finally {
            smtp.stop();
        }
    }

    private long pending(String domain) throws Exception {
        return Fixtures.count(ds, "select count(*) from mail_message where recipient like ? and sent_at is null",
                "%@" + domain);
    }
}
