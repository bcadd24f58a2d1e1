package fr.asp.segur.application.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import fr.asp.segur.domain.mail.MailMessage;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;

/**
 * Queues emails in the outbox table, inside the caller's transaction: the email exists if and only
 * if the business change that causes it was committed. {@link OutboxSender} delivers them.
 * Bodies come from Mustache templates in mail/ (an .html and a .txt of the same name).
 */
@Stateless
@PermitAll
public class MailOutbox {

    static final String DOMAIN = "segurnum.asp-public.fr";
    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("mail");

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public MailMessage enqueue(String recipient, String subject, String template, Object model) {
        return enqueue(recipient, subject, template, model, List.of());
    }

    /** The same, with files attached: they are stored with the message, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public MailMessage enqueue(String recipient, String subject, String template, Object model,
                               List<Attachment> attachments) {
        MailMessage message = new MailMessage(recipient, subject, render(template + ".txt", model),
                render(template + ".html", model), DOMAIN);
        for (Attachment a : attachments) {
            message.attach(a.fileName(), a.mediaType(), a.content());
        }
        em.persist(message);
        return message;
    }

    /** A file to attach to an email. */
    public record Attachment(String fileName, String mediaType, byte[] content) {
    }

    static String render(String name, Object model) {
        Mustache mustache = TEMPLATES.compile(name + ".mustache");
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, model).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
