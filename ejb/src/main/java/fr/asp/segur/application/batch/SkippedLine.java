package fr.asp.segur.application.batch;

import java.io.Serializable;

/** A line an import skipped: its number in the file, why, and its content. */
public class SkippedLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String stepName;
    private final Long lineNumber;
    private final String reason;
    private final String content;

    public SkippedLine(String stepName, Long lineNumber, String reason, String content) {
        this.stepName = stepName;
        this.lineNumber = lineNumber;
        this.reason = reason;
        this.content = content;
    }

    public String getStepName() { return stepName; }
    public Long getLineNumber() { return lineNumber; }
    public String getReason() { return reason; }
    public String getContent() { return content; }
}
