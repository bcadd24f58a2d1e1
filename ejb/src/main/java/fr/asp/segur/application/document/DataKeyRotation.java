package fr.asp.segur.application.document;

import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.crypto.DataCipher;
import fr.asp.segur.domain.crypto.EncryptedDocumentConverter;
import fr.asp.segur.domain.crypto.PersonalData;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * Key rotation for documents at rest: every stored content not sealed with the current data key (sealed with
 * an older key, or stored in clear before encryption came) is opened and sealed again with the current one.
 * Nightly at 4:10, and on demand for administrators after adding a key (see docs/ARCHITECTURE.md). Batches of
 * {@value #BATCH} documents, each in its own transaction, walk the table by id: a crash only loses the batch
 * under way, and a second run skips what is already done.
 */
@Stateless
@PermitAll
public class DataKeyRotation {

    static final int BATCH = 20;
    private static final Logger LOG = Logger.getLogger(DataKeyRotation.class.getName());

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @Resource
    private SessionContext context;

    @Schedule(hour = "4", minute = "10", persistent = false)
    void nightly() {
        int resealed = reencrypt();
        if (resealed > 0) {
            LOG.info("Key rotation: " + resealed + " documents sealed again with the current data key");
        }
    }

    /** Seals again what the current key did not seal; returns how many documents were rewritten. */
    @RolesAllowed(Role.ADMINISTRATEUR_ROLE)
    public int reencryptNow() {
        return reencrypt();
    }

    private int reencrypt() {
        DataKeyRotation self = context.getBusinessObject(DataKeyRotation.class);
        long after = -1;
        int total = 0;
        while (true) {
            long[] progress = self.batch(after);
            if (progress == null) {
                return total;
            }
            after = progress[0];
            total += (int) progress[1];
        }
    }

    /** One batch after the given id: {last id seen, documents rewritten}, or null when none is left. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long[] batch(long afterId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select document_id, content from document_content "
                        + "where document_id > ? order by document_id")
                .setParameter(1, afterId).setMaxResults(BATCH).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        DataCipher cipher = PersonalData.cipher();
        String current = PersonalData.keys().currentId();
        long last = afterId;
        long rewritten = 0;
        for (Object[] row : rows) {
            last = ((Number) row[0]).longValue();
            byte[] stored = (byte[]) row[1];
            if (!current.equals(DataCipher.keyIdOf(stored))) {
                byte[] resealed = cipher.seal(cipher.open(stored, EncryptedDocumentConverter.CONTEXT),
                        EncryptedDocumentConverter.CONTEXT);
                em.createNativeQuery("update document_content set content = ? where document_id = ?")
                        .setParameter(1, resealed).setParameter(2, last).executeUpdate();
                rewritten++;
            }
        }
        return new long[] {last, rewritten};
    }
}
