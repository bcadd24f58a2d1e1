package fr.asp.segur.application.support;

import java.io.Serializable;
import java.time.LocalDateTime;

/** A line of the back office's ticket list. */
public final class TicketSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String number;
    private final LocalDateTime createdAt;
    private final String status;
    private final boolean open;
    private final String couloir;
    private final String phase;
    private final String author;
    private final int answers;

    public TicketSummary(String number, LocalDateTime createdAt, String status, boolean open, String couloir,
                         String phase, String author, int answers) {
        this.number = number;
        this.createdAt = createdAt;
        this.status = status;
        this.open = open;
        this.couloir = couloir;
        this.phase = phase;
        this.author = author;
        this.answers = answers;
    }

    public String getNumber() { return number; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getStatus() { return status; }
    public boolean isOpen() { return open; }
    public String getCouloir() { return couloir; }
    public String getPhase() { return phase; }
    public String getAuthor() { return author; }
    public int getAnswers() { return answers; }
}
