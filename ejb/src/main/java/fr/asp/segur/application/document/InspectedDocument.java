package fr.asp.segur.application.document;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file that passed {@link DocumentInspector}: its sanitised name, the media type found
 * in its content, the bytes and their SHA-256 fingerprint.
 *
 * <p>The content array is shared, not copied: documents weigh up to 4 Mo and the
 * inspector hands over an array it keeps no reference to, so a defensive copy on each
 * access would only cost memory. Callers must not modify it.
 *
 * @param fileName  sanitised file name, safe to store and display, with its extension
 * @param mediaType {@code application/pdf}, {@code image/png} or {@code image/jpeg}
 * @param content   the file's bytes
 * @param sha256Hex lower-case hexadecimal SHA-256 of {@code content}, kept so that the
 *                  stored file can later be proven unchanged
 */
public record InspectedDocument(String fileName, String mediaType, byte[] content, String sha256Hex) {

    public InspectedDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sha256Hex, "sha256Hex");
    }

    /** Size in bytes. */
    public int size() {
        return content.length;
    }

    // The generated record methods would compare arrays by identity and print them as
    // "[B@1f…": two inspections of the same file must be equal, and logs must not carry
    // the bytes.
    @Override
    public boolean equals(Object other) {
        return other instanceof InspectedDocument that
                && fileName.equals(that.fileName)
                && mediaType.equals(that.mediaType)
                && sha256Hex.equals(that.sha256Hex)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, sha256Hex);
    }

    @Override
    public String toString() {
        return "InspectedDocument[fileName=" + fileName + ", mediaType=" + mediaType
                + ", size=" + content.length + ", sha256=" + sha256Hex + "]";
    }
}
