package fr.asp.segur.application.document;

/**
 * A supporting document opened by someone entitled to see it: its bytes, its media type (as judged from
 * its content when it was uploaded) and the file name the supplier gave it.
 */
public final class OpenedDocument {

    private final String fileName;
    private final String mediaType;
    private final byte[] content;

    OpenedDocument(String fileName, String mediaType, byte[] content) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.content = content;
    }

    public String fileName() { return fileName; }
    public String mediaType() { return mediaType; }
    /** The bytes themselves (not a copy): do not change them. */
    public byte[] content() { return content; }
}
