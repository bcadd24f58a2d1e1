package fr.asp.segur.application.mail;

import fr.asp.segur.domain.mail.MailAttachment;
import fr.asp.segur.domain.mail.MailMessage;
import jakarta.activation.DataHandler;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import fr.asp.segur.application.cluster.NodeIdentity;
import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.ops.PortalMetrics;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Locale;
import javax.sql.DataSource;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox, once cluster-wide. Every few seconds each node claims a batch of due messages
 * (a lease: {@code claimed_by}, {@code claimed_until}) in a short transaction of its own, with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} on PostgreSQL so that concurrent nodes take disjoint rows
 * without waiting; then it sends each message it holds and marks it sent, one transaction per message.
 * A failure reschedules the message with a back-off, so an SMTP outage only delays mail. A node that
 * dies holding a lease leaves its messages to the others once the lease expires; one that died after
 * the SMTP server accepted a message but before recording it causes a resend with the same Message-ID
 * (the only duplicate left, which receivers can recognise).
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 50;
    /** How long a claim lasts; a message whose lease ran out before its turn is left for a new claim. */
    static final String LEASE_SECONDS = "segur.outbox.lease-seconds";

    private final AtomicBoolean running = new AtomicBoolean();
    private final String node = NodeIdentity.name();

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    @Resource(lookup = "java:jboss/mail/Segur")
    private Session session;

    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    @EJB
    private OutboxSender self;

    @Inject
    private PortalMetrics metrics;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliverDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            deliverClaimed(self.claimDue(node, BATCH));
        } finally {
            running.set(false);
        }
    }

    /** Sends the messages a claim returned, each in its own transaction. */
    public void deliverClaimed(List<Long> ids) {
        for (Long id : ids) {
            try {
                self.deliver(id, node);
            } catch (OptimisticLockException | jakarta.ejb.EJBException e) {
                LOG.log(Level.FINE, "Message {0} handled elsewhere or failed: {1}", new Object[]{id, e});
            }
        }
    }

    /**
     * Claims up to {@code max} due messages for {@code claimer} and returns their ids: due, not sent, and
     * not under another node's unexpired lease. Committed at once, so the lease holds while sending.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> claimDue(String claimer, int max) {
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime until = now.plusSeconds(Settings.integer(LEASE_SECONDS, 120));
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM mail_message WHERE sent_at IS NULL"
                    + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                    + " ORDER BY next_attempt_at, id FETCH FIRST " + max + " ROWS ONLY " + lockClause(c))) {
                select.setTimestamp(1, Timestamp.valueOf(now));
                select.setTimestamp(2, Timestamp.valueOf(now));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return ids;
            }
            // The version moves too: a copy of the row read before the claim can no longer be written.
            try (PreparedStatement claim = c.prepareStatement("UPDATE mail_message SET claimed_by = ?,"
                    + " claimed_until = ?, version = version + 1 WHERE id = ?")) {
                for (Long id : ids) {
                    claim.setString(1, claimer);
                    claim.setTimestamp(2, Timestamp.valueOf(until));
                    claim.setLong(3, id);
                    claim.addBatch();
                }
                claim.executeBatch();
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox claim failed", e);
        }
    }

    /**
     * PostgreSQL skips the rows another node is claiming; H2 (the single-node demo) has no SKIP LOCKED
     * in every version, so it waits for them instead, which is right for one node.
     */
    private static String lockClause(Connection c) throws SQLException {
        String vendor = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return vendor.contains("postgres") || vendor.contains("oracle") || vendor.contains("mysql")
                ? "FOR UPDATE SKIP LOCKED" : "FOR UPDATE";
    }

    /** Sends one message if {@code claimer} still holds its lease, then records the outcome. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deliver(Long id, String claimer) {
        MailMessage message = em.find(MailMessage.class, id);
        if (message == null || message.isSent() || !message.isClaimedBy(claimer, LocalDateTime.now())) {
            return;
        }
        try {
            Transport.send(toMime(message));
            message.markSent(LocalDateTime.now());
            metrics.outboxSent();
        } catch (MessagingException | RuntimeException e) {
            // The recipient's address is personal data: log the message id only.
            LOG.log(Level.WARNING, "Sending mail {0} failed (attempt {1}): {2}",
                    new Object[]{message.getMessageId(), message.getAttempts() + 1, e.toString()});
            message.markFailed(e.toString(), LocalDateTime.now());
            metrics.outboxFailed();
        }
    }

    private MimeMessage toMime(MailMessage message) throws MessagingException {
        String messageId = message.getMessageId();
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(message.getRecipient()));
        mime.setSubject(message.getSubject(), "UTF-8");
        mime.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.getTextBody(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(message.getHtmlBody(), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (message.getAttachments().isEmpty()) {
            mime.setContent(alternative);
            return mime;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        for (MailAttachment attachment : message.getAttachments()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.getContent(),
                    attachment.getMediaType())));
            part.setFileName(attachment.getFileName()); // RFC 2231-encoded by Jakarta Mail when not ASCII
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        mime.setContent(mixed);
        return mime;
    }
}
