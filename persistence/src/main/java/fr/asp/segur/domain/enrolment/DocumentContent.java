package fr.asp.segur.domain.enrolment;

import fr.asp.segur.domain.crypto.EncryptedDocumentConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bytes of a document, in a table of their own so that lists of documents never load them; sealed with
 * AES-GCM at rest (identity documents and RIBs are personal data).
 */
@Entity
@Table(name = "document_content")
public class DocumentContent {

    @Id
    @Column(name = "document_id")
    private Long documentId;
    @Convert(converter = EncryptedDocumentConverter.class)
    private byte[] content;

    protected DocumentContent() {
    }

    public DocumentContent(Long documentId, byte[] content) {
        this.documentId = documentId;
        this.content = content;
    }

    public Long getDocumentId() { return documentId; }
    public byte[] getContent() { return content; }
}
