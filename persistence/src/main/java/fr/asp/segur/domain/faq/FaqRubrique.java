package fr.asp.segur.domain.faq;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** A rubrique of the FAQ ("Enrôlement", "Paiement du solde"…): a titled, ordered group of questions. */
@Entity
@Table(name = "faq_rubrique")
public class FaqRubrique {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** The anchor of the rubrique on the public page, e.g. "paiement-solde"; never changes. */
    private String slug;
    private String title;
    @Column(name = "sort_order")
    private int sortOrder;
    private boolean published;
    @Version
    private long version;
    @OneToMany(mappedBy = "rubrique", cascade = CascadeType.PERSIST)
    @OrderBy("sortOrder")
    private List<FaqQuestion> questions = new ArrayList<>();

    protected FaqRubrique() {
    }

    public FaqRubrique(String slug, String title, int sortOrder) {
        this.slug = slug;
        this.title = title;
        this.sortOrder = sortOrder;
        this.published = false;
    }

    public FaqQuestion addQuestion(String question, String answer) {
        int next = questions.stream().mapToInt(FaqQuestion::getSortOrder).max().orElse(0) + 1;
        FaqQuestion q = new FaqQuestion(this, question, answer, next);
        questions.add(q);
        return q;
    }

    public void rename(String title) { this.title = title; }
    public void setPublished(boolean published) { this.published = published; }
    public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getTitle() { return title; }
    public int getSortOrder() { return sortOrder; }
    public boolean isPublished() { return published; }
    public List<FaqQuestion> getQuestions() { return questions; }
}
