package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.faq.FaqEntry;
import fr.asp.segur.application.faq.FaqService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The administrators' FAQ editing (admin/faq.xhtml): every decision is FaqService's. */
@Named
@ViewScoped
public class FaqAdmin implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "faqAdmin";

    @EJB
    private FaqService faq;

    private List<FaqEntry> rubriques;
    private Long editedRubrique;
    private String rubriqueTitle;
    private Long editedQuestion;
    private Long questionRubrique;
    private String question;
    private String answer;

    public List<FaqEntry> getRubriques() {
        if (rubriques == null) {
            rubriques = faq.all();
        }
        return rubriques;
    }

    // ---- rubriques -------------------------------------------------------------------------------------

    public void saveRubrique() {
        try {
            if (editedRubrique == null) {
                faq.createRubrique(rubriqueTitle);
                FormMessages.info("La rubrique « " + rubriqueTitle.strip() + " » a été créée (non publiée).");
            } else {
                faq.renameRubrique(editedRubrique, rubriqueTitle);
                FormMessages.info("La rubrique a été renommée.");
            }
            cancelRubrique();
        } catch (BusinessRuleException e) {
            FormMessages.show(FORM, e, Map.of("title", "rubriqueTitle"));
        }
        rubriques = null;
    }

    public void renameRubrique(FaqEntry rubrique) {
        editedRubrique = rubrique.getId();
        rubriqueTitle = rubrique.getTitle();
    }

    public void cancelRubrique() {
        editedRubrique = null;
        rubriqueTitle = null;
    }

    public void publishRubrique(long id, boolean published) {
        act(() -> faq.publishRubrique(id, published));
    }

    public void moveRubrique(long id, int direction) {
        act(() -> faq.moveRubrique(id, direction));
    }

    // ---- questions -------------------------------------------------------------------------------------

    public void saveQuestion() {
        try {
            if (editedQuestion == null) {
                if (questionRubrique == null) {
                    throw new BusinessRuleException("questionRubrique", "Choisissez la rubrique de la question.");
                }
                faq.createQuestion(questionRubrique, question, answer);
                FormMessages.info("La question a été ajoutée (non publiée).");
            } else {
                faq.editQuestion(editedQuestion, question, answer);
                FormMessages.info("La question a été modifiée.");
            }
            cancelQuestion();
        } catch (BusinessRuleException e) {
            FormMessages.show(FORM, e, Map.of("rubrique", "questionRubrique"));
        }
        rubriques = null;
    }

    public void editQuestion(FaqEntry.Item item) {
        editedQuestion = item.getId();
        question = item.getQuestion();
        answer = item.getAnswer();
    }

    public void cancelQuestion() {
        editedQuestion = null;
        question = null;
        answer = null;
    }

    public void publishQuestion(long id, boolean published) {
        act(() -> faq.publishQuestion(id, published));
    }

    public void moveQuestion(long id, int direction) {
        act(() -> faq.moveQuestion(id, direction));
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (BusinessRuleException e) {
            FormMessages.show(FORM, e, Map.of());
        }
        rubriques = null;
    }

    public boolean isEditingRubrique() { return editedRubrique != null; }
    public boolean isEditingQuestion() { return editedQuestion != null; }
    public String getRubriqueTitle() { return rubriqueTitle; }
    public void setRubriqueTitle(String rubriqueTitle) { this.rubriqueTitle = rubriqueTitle; }
    public Long getQuestionRubrique() { return questionRubrique; }
    public void setQuestionRubrique(Long questionRubrique) { this.questionRubrique = questionRubrique; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
}
