package fr.asp.segur.application.document;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.ratelimit.RateLimit;
import fr.asp.segur.application.ratelimit.RateLimiter;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentContent;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.application.ops.PortalMetrics;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * Supporting documents. An upload is judged by its content and scanned by the antivirus, then stored in the database under the
 * wizard's draft token: the HTTP session holds only the token, never the bytes. Submitting the
 * request attaches the drafts to it; abandoned drafts are purged after a day.
 */
@Stateless
@PermitAll
public class DocumentService {

    static final Duration DRAFT_LIFETIME = Duration.ofHours(24);

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private RateLimiter rateLimiter;

    @Inject
    private PortalMetrics metrics;

    /** A short code per refusal, the label of the operators' metric {@code segur_uploads_refused_total}. */
    static String refusalReason(String message) {
        if (message == null) {
            return "autre";
        }
        if (message.equals(DocumentInspector.MSG_TOO_LARGE)) {
            return "trop-volumineux";
        } else if (message.equals(DocumentInspector.MSG_EMPTY)) {
            return "vide";
        } else if (message.equals(DocumentInspector.MSG_TYPE_NOT_ACCEPTED)) {
            return "type-refuse";
        } else if (message.equals(DocumentInspector.MSG_EXTENSION_NOT_ACCEPTED)) {
            return "extension-refusee";
        } else if (message.startsWith("Le contenu du fichier (")) {
            return "contenu-different-extension";
        } else if (message.equals(DocumentInspector.MSG_PDF_PROTECTED)) {
            return "pdf-protege";
        } else if (message.equals(DocumentInspector.MSG_PDF_UNREADABLE) || message.equals(DocumentInspector.MSG_PDF_NO_PAGE)) {
            return "pdf-illisible";
        } else if (message.equals(DocumentInspector.MSG_IMAGE_UNREADABLE)
                || message.startsWith("L'image est trop grande")) {
            return "image-refusee";
        }
        return "autre";
    }

    /** Stores an upload for a draft, replacing the previous file of the same kind; refusals change nothing. */
    public Document stage(String draftToken, DocumentKind kind, String fileName, InputStream content) {
        requireToken(draftToken);
        rateLimiter.hit(RateLimit.UPLOAD, draftToken, kind == null ? null : kind.name());
        InspectedDocument inspected;
        try {
            // Built at each upload: the antivirus settings are system properties an operator may change.
            inspected = new DocumentInspector(Antivirus.fromSystemProperties()).inspect(fileName, content);
        } catch (DocumentRejectedException e) {
            metrics.uploadRefused(refusalReason(e.getMessage()));
            throw new BusinessRuleException(kind.name(), e.getMessage());
        }
        discard(draftToken, kind);
        Document document = new Document(draftToken, kind, inspected.fileName(), inspected.mediaType(),
                inspected.content().length, inspected.sha256Hex());
        em.persist(document);
        em.flush();
        em.persist(new DocumentContent(document.getId(), inspected.content()));
        return document;
    }

    /** The same for a page: the stored file's name (pages get no entity). */
    public String stageFile(String draftToken, DocumentKind kind, String fileName, InputStream content) {
        return stage(draftToken, kind, fileName, content).getFileName();
    }

    /** The names of the files uploaded so far for a draft, by kind. */
    public Map<DocumentKind, String> stagedFileNames(String draftToken) {
        Map<DocumentKind, String> names = new EnumMap<>(DocumentKind.class);
        drafts(draftToken).forEach((kind, document) -> names.put(kind, document.getFileName()));
        return names;
    }

    public void discard(String draftToken, DocumentKind kind) {
        requireToken(draftToken);
        for (Document old : em.createQuery(
                        "select d from Document d where d.draftToken = :token and d.kind = :kind", Document.class)
                .setParameter("token", draftToken).setParameter("kind", kind).getResultList()) {
            remove(old);
        }
    }

    /** "Quitter sans enregistrer": forget every file of the draft. */
    public void discardDraft(String draftToken) {
        requireToken(draftToken);
        for (Document old : em.createQuery("select d from Document d where d.draftToken = :token", Document.class)
                .setParameter("token", draftToken).getResultList()) {
            remove(old);
        }
    }

    /** The files uploaded so far for a draft, by kind. */
    public Map<DocumentKind, Document> drafts(String draftToken) {
        Map<DocumentKind, Document> byKind = new EnumMap<>(DocumentKind.class);
        if (draftToken == null) {
            return byKind;
        }
        for (Document d : em.createQuery("select d from Document d where d.draftToken = :token order by d.id",
                Document.class).setParameter("token", draftToken).getResultList()) {
            byKind.put(d.getKind(), d);
        }
        return byKind;
    }

    @Schedule(hour = "*", minute = "41", persistent = false)
    void purgeAbandonedDrafts() {
        for (Document old : em.createQuery(
                        "select d from Document d where d.draftToken is not null and d.uploadedAt < :limit"
                        // a wizard's draft keeps its uploads as long as it lives (DraftService purges both)
                        + " and not exists (select e from EnrolmentDraft e where e.documentToken = d.draftToken)",
                        Document.class)
                .setParameter("limit", LocalDateTime.now().minus(DRAFT_LIFETIME)).getResultList()) {
            remove(old);
        }
    }

    private void remove(Document document) {
        DocumentContent content = em.find(DocumentContent.class, document.getId());
        if (content != null) {
            em.remove(content);
        }
        em.remove(document);
        em.flush();
    }

    private static void requireToken(String draftToken) {
        if (draftToken == null || draftToken.length() < 32) {
            throw new IllegalArgumentException("A draft token is required");
        }
    }
}
