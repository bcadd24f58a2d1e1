package fr.asp.segur.application.faq;

import java.io.Serializable;
import java.util.List;

/** A rubrique of the FAQ as a page shows it: its anchor, title, state and questions in order. */
public final class FaqEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String slug;
    private final String title;
    private final boolean published;
    private final List<Item> questions;

    public FaqEntry(long id, String slug, String title, boolean published, List<Item> questions) {
        this.id = id;
        this.slug = slug;
        this.title = title;
        this.published = published;
        this.questions = List.copyOf(questions);
    }

    public long getId() { return id; }
    public String getSlug() { return slug; }
    public String getTitle() { return title; }
    public boolean isPublished() { return published; }
    public List<Item> getQuestions() { return questions; }

    /** A question and its answer. */
    public static final class Item implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final String question;
        private final String answer;
        private final boolean published;

        public Item(long id, String question, String answer, boolean published) {
            this.id = id;
            this.question = question;
            this.answer = answer;
            this.published = published;
        }

        public long getId() { return id; }
        public String getQuestion() { return question; }
        public String getAnswer() { return answer; }
        public boolean isPublished() { return published; }
        /** The answer's paragraphs: one per line of the stored text. */
        public List<String> getParagraphs() {
            return answer.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }
}
