package fr.asp.segur.domain.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A supporting document's bytes (identity document, RIB, Kbis…) sealed with AES-GCM in document_content. */
@Converter
public class EncryptedDocumentConverter implements AttributeConverter<byte[], byte[]> {

    public static final String CONTEXT = "document_content.content";

    @Override
    public byte[] convertToDatabaseColumn(byte[] plain) {
        return plain == null ? null : PersonalData.cipher().seal(plain, CONTEXT);
    }

    @Override
    public byte[] convertToEntityAttribute(byte[] stored) {
        return stored == null ? null : PersonalData.cipher().open(stored, CONTEXT);
    }
}
