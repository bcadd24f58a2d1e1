package fr.asp.segur.system;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * The tests' SMTP server: WildFly's mail session sends to 127.0.0.1:${test.smtp.port}, and the portal's
 * outbox sender runs every 5 s, so an acknowledgement arrives some seconds after « Terminer ».
 */
final class Mailbox {

    static final Duration MAIL_TIMEOUT = Duration.ofSeconds(40);

    private Mailbox() {
    }

    /** A GreenMail SMTP server for a test class (register it as a static field: one server per class). */
    static GreenMailExtension greenMail() {
        int port = Integer.getInteger("test.smtp.port", 3025);
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }

    /** Waits for the email to {@code recipient} whose subject names {@code requestNumber}. */
    static MimeMessage awaitMail(GreenMailExtension greenMail, String recipient, String requestNumber)
            throws MessagingException {
        long deadline = System.nanoTime() + MAIL_TIMEOUT.toNanos();
        while (true) {
            MimeMessage[] received = greenMail.getReceivedMessages();
            for (MimeMessage message : received) {
                if (isTo(message, recipient) && message.getSubject() != null
                        && message.getSubject().contains(requestNumber)) {
                    return message;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No email to " + recipient + " about " + requestNumber + " within "
                        + MAIL_TIMEOUT.toSeconds() + " s; received: " + Arrays.stream(received).map(Mailbox::describe).toList());
            }
            greenMail.waitForIncomingEmail(Math.min(2000, Math.max(1, left / 1_000_000)), received.length + 1);
        }
    }

    /** The text/plain part of the message, decoded (looked for inside multipart/mixed too, beside attachments). */
    static String text(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        String text = text((Multipart) content);
        if (text == null) {
            throw new AssertionError("No text/plain part in " + message.getSubject());
        }
        return text;
    }

    private static String text(Multipart multipart) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                String text = text(nested);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The attachments of the message: file name → bytes. */
    static java.util.Map<String, byte[]> attachments(MimeMessage message) throws MessagingException, IOException {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    try (java.io.InputStream in = part.getInputStream()) {
                        files.put(part.getFileName(), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    private static boolean isTo(MimeMessage message, String recipient) throws MessagingException {
        return message.getRecipients(Message.RecipientType.TO) != null
                && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .anyMatch(a -> a instanceof InternetAddress ia && ia.getAddress().equalsIgnoreCase(recipient));
    }

    private static String describe(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients()) + " " + message.getSubject();
        } catch (MessagingException e) {
            return e.toString();
        }
    }
}
