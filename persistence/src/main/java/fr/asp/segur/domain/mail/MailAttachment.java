package fr.asp.segur.domain.mail;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A file attached to an outbox email, stored with it so that a send after a restart still carries it. */
@Entity
@Table(name = "mail_attachment")
public class MailAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "mail_message_id", updatable = false)
    private MailMessage message;
    @Column(name = "sort_order", updatable = false)
    private int sortOrder;
    @Column(name = "file_name", updatable = false)
    private String fileName;
    @Column(name = "media_type", updatable = false)
    private String mediaType;
    @Basic(fetch = FetchType.LAZY)
    @Column(updatable = false)
    private byte[] content;

    protected MailAttachment() {
    }

    MailAttachment(MailMessage message, int sortOrder, String fileName, String mediaType, byte[] content) {
        this.message = message;
        this.sortOrder = sortOrder;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.content = content.clone();
    }

    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public byte[] getContent() { return content.clone(); }
}
