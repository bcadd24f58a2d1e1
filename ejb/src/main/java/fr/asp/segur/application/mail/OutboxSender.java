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
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox. Every few seconds it takes the due messages and sends each in a transaction
 * of its own; a failure reschedules the message with a back-off, so an SMTP outage only delays mail.
 * The optimistic version on each row means two nodes can never both record the same message as sent.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 50;

    private final AtomicBoolean running = new AtomicBoolean();

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    @Resource(lookup = "java:jboss/mail/Segur")
    private Session session;

    @EJB
    private OutboxSender self;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliverDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Long id : self.dueIds()) {
                try {
                    self.deliver(id);
                } catch (OptimisticLockException | jakarta.ejb.EJBException e) {
                    LOG.log(Level.FINE, "Message {0} handled elsewhere or failed: {1}", new Object[]{id, e});
                }
            }
        } finally {
            running.set(false);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueIds() {
        return em.createQuery("select m.id from MailMessage m where m.sentAt is null and m.nextAttemptAt <= :now "
                        + "order by m.nextAttemptAt", Long.class)
                .setParameter("now", LocalDateTime.now()).setMaxResults(BATCH).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deliver(Long id) {
        MailMessage message = em.find(MailMessage.class, id);
        if (message == null || message.isSent()) {
            return;
        }
        try {
            Transport.send(toMime(message));
            message.markSent(LocalDateTime.now());
        } catch (MessagingException | RuntimeException e) {
            // The recipient's address is personal data: log the message id only.
            LOG.log(Level.WARNING, "Sending mail {0} failed (attempt {1}): {2}",
                    new Object[]{message.getMessageId(), message.getAttempts() + 1, e.toString()});
            message.markFailed(e.toString(), LocalDateTime.now());
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
