package fr.asp.segur.batch.support;

/**
 * A line of an imported file that cannot be used: thrown by a reader or a processor, counted by
 * JBeret as a skip (the job's {@code skippable-exception-classes} name this class) and recorded with
 * its line number and reason by {@link SkippedLineRecorder}. Beyond the step's skip limit the job fails.
 */
public class MalformedLineException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CONTENT = 1000;

    private final long lineNumber;
    private final String reason;
    private final String content;

    /**
     * @param lineNumber the line's number in the file, the header being line 1
     * @param reason     why it is refused, in French, as the administrators read it
     * @param content    the raw line (may be null), cut to 1,000 characters
     */
    public MalformedLineException(long lineNumber, String reason, String content) {
        super("Ligne " + lineNumber + " : " + reason);
        this.lineNumber = lineNumber;
        this.reason = reason;
        this.content = content == null || content.length() <= MAX_CONTENT ? content : content.substring(0, MAX_CONTENT);
    }

    public long lineNumber() {
        return lineNumber;
    }

    public String reason() {
        return reason;
    }

    public String content() {
        return content;
    }
}
