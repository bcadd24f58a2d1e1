package fr.asp.segur.domain.faq;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A question of the FAQ and its answer (plain text; a line break starts a new paragraph). */
@Entity
@Table(name = "faq_question")
public class FaqQuestion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "rubrique_id")
    private FaqRubrique rubrique;
    private String question;
    private String answer;
    @Column(name = "sort_order")
    private int sortOrder;
    private boolean published;
    @Version
    private long version;

    protected FaqQuestion() {
    }

    FaqQuestion(FaqRubrique rubrique, String question, String answer, int sortOrder) {
        this.rubrique = rubrique;
        this.question = question;
        this.answer = answer;
        this.sortOrder = sortOrder;
        this.published = false;
    }

    public void edit(String question, String answer) {
        this.question = question;
        this.answer = answer;
    }

    public void setPublished(boolean published) { this.published = published; }
    public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }

    public Long getId() { return id; }
    public FaqRubrique getRubrique() { return rubrique; }
    public String getQuestion() { return question; }
    public String getAnswer() { return answer; }
    public int getSortOrder() { return sortOrder; }
    public boolean isPublished() { return published; }
}
