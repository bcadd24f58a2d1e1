package fr.asp.segur.application.faq;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.faq.FaqQuestion;
import fr.asp.segur.domain.faq.FaqRubrique;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The FAQ ("Questions fréquentes"): anyone reads what is published; administrators create, edit, reorder,
 * publish and unpublish rubriques and questions. Every change is checked here and written to the audit trail.
 */
@Stateless
@RolesAllowed(Role.ADMINISTRATEUR_ROLE)
public class FaqService {

    static final int MAX_TITLE = 255;
    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 4000;
    static final String RUBRIQUE_NOT_FOUND = "Cette rubrique est introuvable.";
    static final String QUESTION_NOT_FOUND = "Cette question est introuvable.";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @Resource
    private SessionContext context;
    @EJB
    private AuditTrail audit;

    // ---- public ------------------------------------------------------------------------------------

    /** The published rubriques, in order, each with its published questions in order. */
    @PermitAll
    public List<FaqEntry> published() {
        return em.createQuery("select r from FaqRubrique r where r.published = true order by r.sortOrder, r.id",
                        FaqRubrique.class).getResultList().stream()
                .map(r -> entry(r, true)).toList();
    }

    // ---- administration ----------------------------------------------------------------------------

    /** Every rubrique and question, published or not, as the administrators' page lists them. */
    public List<FaqEntry> all() {
        return rubriques().stream().map(r -> entry(r, false)).toList();
    }

    public long createRubrique(String rawTitle) {
        String title = required(rawTitle, "title", "Le titre de la rubrique", MAX_TITLE);
        int next = rubriques().stream().mapToInt(FaqRubrique::getSortOrder).max().orElse(0) + 1;
        FaqRubrique rubrique = new FaqRubrique(uniqueSlug(title), title, next);
        em.persist(rubrique);
        em.flush();
        record("FAQ_RUBRIQUE_CREEE", "Rubrique « " + title + " »");
        return rubrique.getId();
    }

    public void renameRubrique(long id, String rawTitle) {
        FaqRubrique rubrique = rubrique(id);
        String title = required(rawTitle, "title", "Le titre de la rubrique", MAX_TITLE);
        rubrique.rename(title);
        record("FAQ_RUBRIQUE_MODIFIEE", "Rubrique « " + title + " »");
    }

    public void publishRubrique(long id, boolean published) {
        FaqRubrique rubrique = rubrique(id);
        rubrique.setPublished(published);
        record(published ? "FAQ_RUBRIQUE_PUBLIEE" : "FAQ_RUBRIQUE_DEPUBLIEE", "Rubrique « " + rubrique.getTitle() + " »");
    }

    /** Moves a rubrique one place up ({@code -1}) or down ({@code +1}); at either end, nothing changes. */
    public void moveRubrique(long id, int direction) {
        FaqRubrique rubrique = rubrique(id);
        List<FaqRubrique> siblings = new ArrayList<>(rubriques());
        int from = siblings.indexOf(rubrique);
        int to = from + Integer.signum(direction);
        if (to < 0 || to >= siblings.size() || direction == 0) {
            return;
        }
        siblings.add(to, siblings.remove(from));
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).setSortOrder(i + 1);
        }
        record("FAQ_RUBRIQUE_DEPLACEE", "Rubrique « " + rubrique.getTitle() + " » en position " + (to + 1));
    }

    public long createQuestion(long rubriqueId, String rawQuestion, String rawAnswer) {
        FaqRubrique rubrique = rubrique(rubriqueId);
        String[] qa = questionAndAnswer(rawQuestion, rawAnswer);
        FaqQuestion question = rubrique.addQuestion(qa[0], qa[1]);
        em.persist(question);
        em.flush();
        record("FAQ_QUESTION_CREEE", "« " + qa[0] + " » dans « " + rubrique.getTitle() + " »");
        return question.getId();
    }

    public void editQuestion(long id, String rawQuestion, String rawAnswer) {
        FaqQuestion question = question(id);
        String[] qa = questionAndAnswer(rawQuestion, rawAnswer);
        question.edit(qa[0], qa[1]);
        record("FAQ_QUESTION_MODIFIEE", "« " + qa[0] + " »");
    }

    public void publishQuestion(long id, boolean published) {
        FaqQuestion question = question(id);
        question.setPublished(published);
        record(published ? "FAQ_QUESTION_PUBLIEE" : "FAQ_QUESTION_DEPUBLIEE", "« " + question.getQuestion() + " »");
    }

    /** Moves a question one place up ({@code -1}) or down ({@code +1}) within its rubrique. */
    public void moveQuestion(long id, int direction) {
        FaqQuestion question = question(id);
        List<FaqQuestion> siblings = new ArrayList<>(question.getRubrique().getQuestions());
        siblings.sort(java.util.Comparator.comparingInt(FaqQuestion::getSortOrder)
                .thenComparing(FaqQuestion::getId));
        int from = siblings.indexOf(question);
        int to = from + Integer.signum(direction);
        if (to < 0 || to >= siblings.size() || direction == 0) {
            return;
        }
        siblings.add(to, siblings.remove(from));
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).setSortOrder(i + 1);
        }
        record("FAQ_QUESTION_DEPLACEE", "« " + question.getQuestion() + " » en position " + (to + 1));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private List<FaqRubrique> rubriques() {
        return em.createQuery("select r from FaqRubrique r order by r.sortOrder, r.id", FaqRubrique.class)
                .getResultList();
    }

    private static FaqEntry entry(FaqRubrique r, boolean publishedOnly) {
        List<FaqEntry.Item> items = r.getQuestions().stream()
                .sorted(java.util.Comparator.comparingInt(FaqQuestion::getSortOrder).thenComparing(FaqQuestion::getId))
                .filter(q -> !publishedOnly || q.isPublished())
                .map(q -> new FaqEntry.Item(q.getId(), q.getQuestion(), q.getAnswer(), q.isPublished()))
                .toList();
        return new FaqEntry(r.getId(), r.getSlug(), r.getTitle(), r.isPublished(), items);
    }

    private FaqRubrique rubrique(long id) {
        FaqRubrique rubrique = em.find(FaqRubrique.class, id);
        if (rubrique == null) {
            throw new BusinessRuleException("rubrique", RUBRIQUE_NOT_FOUND);
        }
        return rubrique;
    }

    private FaqQuestion question(long id) {
        FaqQuestion question = em.find(FaqQuestion.class, id);
        if (question == null) {
            throw new BusinessRuleException("question", QUESTION_NOT_FOUND);
        }
        return question;
    }

    private static String[] questionAndAnswer(String rawQuestion, String rawAnswer) {
        List<FieldError> errors = new ArrayList<>();
        String question = check(rawQuestion, "question", "La question", MAX_QUESTION, true, errors);
        String answer = check(rawAnswer, "answer", "La réponse", MAX_ANSWER, false, errors);
        if (!errors.isEmpty()) {
            throw new BusinessRuleException(errors);
        }
        return new String[] {question, answer};
    }

    private static String required(String raw, String field, String label, int max) {
        List<FieldError> errors = new ArrayList<>();
        String value = check(raw, field, label, max, true, errors);
        if (!errors.isEmpty()) {
            throw new BusinessRuleException(errors);
        }
        return value;
    }

    /** Mandatory text; one line folds its whitespace, a multi-line text keeps its line breaks. */
    private static String check(String raw, String field, String label, int max, boolean oneLine,
                                List<FieldError> errors) {
        String value = raw == null ? "" : raw.strip();
        value = oneLine ? value.replaceAll("\\s+", " ")
                : value.replace("\r\n", "\n").replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll("\\n{3,}", "\n\n");
        if (value.isEmpty()) {
            errors.add(new FieldError(field, label + " est obligatoire."));
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, label + " ne doit pas dépasser " + max + " caractères."));
            return null;
        }
        return value;
    }

    private String uniqueSlug(String title) {
        String base = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "rubrique";
        }
        base = base.length() > 70 ? base.substring(0, 70) : base;
        String slug = base;
        for (int i = 2; em.createQuery("select count(r) from FaqRubrique r where r.slug = :s", Long.class)
                .setParameter("s", slug).getSingleResult() > 0; i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private void record(String action, String detail) {
        audit.record(context.getCallerPrincipal().getName(), action, null, detail);
    }
}
