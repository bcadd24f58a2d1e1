package fr.asp.segur.application.enrolment;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.domain.enrolment.EnrolmentDraft;
import fr.asp.segur.domain.model.EmailAddress;
import fr.asp.segur.domain.model.InvalidValueException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enrolment wizard's drafts (issue 14): created when a wizard opens, saved at each of its round
 * trips, found again by the id in its URL, kept {@code -Dsegur.drafts.retention-days} (30) days when the
 * supplier asks for a link to resume it, emptied on submission, purged by the nightly reminders job.
 */
@Stateless
@PermitAll
public class DraftService {

    static final int DEFAULT_RETENTION_DAYS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private DocumentService documents;
    @EJB
    private EnrolmentService enrolment;
    @EJB
    private MailOutbox outbox;

    /** How long a saved draft is kept: {@code -Dsegur.drafts.retention-days}, 30 by default. */
    public static int retentionDays() {
        return Integer.getInteger("segur.drafts.retention-days", DEFAULT_RETENTION_DAYS);
    }

    /** A new, empty draft for a wizard that opens. */
    public WizardDraft create() {
        EnrolmentDraft draft = new EnrolmentDraft(randomId(), randomId(), toJson(new DraftState()),
                LocalDateTime.now());
        em.persist(draft);
        return view(draft);
    }

    /** The draft behind a wizard URL, unless unknown or past its lifetime. */
    public Optional<WizardDraft> find(String id) {
        return live(id).map(DraftService::view);
    }

    /** Stores the wizard's state at one of its round trips. */
    public void save(String id, DraftState state) {
        EnrolmentDraft draft = require(id);
        draft.update(toJson(state), LocalDateTime.now());
    }

    /**
     * "Enregistrer et reprendre plus tard": stores the state, keeps the draft (and its uploads) for the
     * retention period, and emails the link to resume it; returns until when it is kept. The address is
     * used for this email only, never stored.
     */
    public LocalDateTime saveForLater(String id, DraftState state, String email) {
        EmailAddress address;
        try {
            address = EmailAddress.of("draftEmail", email);
        } catch (InvalidValueException e) {
            throw BusinessRuleException.of(e);
        }
        EnrolmentDraft draft = require(id);
        LocalDateTime now = LocalDateTime.now();
        draft.update(toJson(state), now);
        LocalDateTime until = now.plusDays(retentionDays());
        draft.keepUntil(until);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("link", AccountService.PUBLIC_URL + "/enrolement.xhtml?brouillon=" + id);
        model.put("until", FRENCH_DATE.format(until));
        model.put("days", retentionDays());
        outbox.enqueue(address.value(), "Portail SEGUR Numérique - Reprendre votre demande d'enrôlement",
                "brouillon", model);
        return until;
    }

    /**
     * "Terminer": submits the form with the draft's uploads and marks the draft submitted, in one
     * transaction. The draft's row is locked first, so a second "Terminer" on the same draft (a double
     * click, a second tab on the same URL) waits, then gets the number the first one obtained.
     */
    public String submit(String id, EnrolmentForm form) {
        EnrolmentDraft draft = live(id).orElseThrow(DraftService::gone);
        draft = em.find(EnrolmentDraft.class, draft.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (draft.isSubmitted()) {
            return draft.getRequestNumber();
        }
        String number = enrolment.submit(form, draft.getDocumentToken()).value();
        draft.submitted(number, LocalDateTime.now());
        return number;
    }

    /** "Quitter sans enregistrer": nothing typed or uploaded is kept. */
    public void discard(String id) {
        live(id).ifPresent(draft -> {
            if (!draft.isSubmitted()) {
                documents.discardDraft(draft.getDocumentToken());
            }
            em.remove(draft);
        });
    }

    /** Removes every draft past its lifetime with its uploads; returns how many. */
    public int purgeExpired(LocalDateTime now) {
        List<EnrolmentDraft> expired = em.createQuery("select d from EnrolmentDraft d where"
                        + " (d.savedUntil is not null and d.savedUntil <= :now)"
                        + " or (d.savedUntil is null and d.updatedAt <= :unsavedLimit)", EnrolmentDraft.class)
                .setParameter("now", now)
                .setParameter("unsavedLimit", now.minus(EnrolmentDraft.UNSAVED_LIFETIME))
                .getResultList();
        for (EnrolmentDraft draft : expired) {
            if (!draft.isSubmitted()) {
                documents.discardDraft(draft.getDocumentToken());
            }
            em.remove(draft);
        }
        em.flush();
        return expired.size();
    }

    private Optional<EnrolmentDraft> live(String id) {
        if (id == null || id.length() < 32 || id.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(EnrolmentDraft.class, id))
                .filter(d -> !d.isExpired(LocalDateTime.now()));
    }

    private EnrolmentDraft require(String id) {
        EnrolmentDraft draft = live(id).orElseThrow(DraftService::gone);
        if (draft.isSubmitted()) {
            throw new BusinessRuleException("draft", "Cette demande a déjà été transmise sous le numéro "
                    + draft.getRequestNumber() + " : elle ne peut plus être modifiée.");
        }
        return draft;
    }

    private static BusinessRuleException gone() {
        return new BusinessRuleException("draft", "Ce brouillon de demande n'existe plus : il a été supprimé"
                + " (« Quitter sans enregistrer ») ou sa durée de conservation est dépassée.");
    }

    private static WizardDraft view(EnrolmentDraft draft) {
        DraftState state = draft.isSubmitted() ? new DraftState() : fromJson(draft.getState());
        return new WizardDraft(draft.getId(), draft.getDocumentToken(), state, draft.getSavedUntil(),
                draft.getRequestNumber());
    }

    static String toJson(DraftState state) {
        return Json.JSONB.toJson(state);
    }

    static DraftState fromJson(String json) {
        return Json.JSONB.fromJson(json, DraftState.class);
    }

    /** One JSON-B instance (thread-safe, costly to build), created at first use. */
    private static final class Json {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    private static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
