package fr.asp.segur.application.referential;

import fr.asp.segur.domain.referential.AnsSolution;
import fr.asp.segur.domain.referential.BankInstitution;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the referential imports (jobs ans-referential-sync and bank-referential-sync): a
 * published item is inserted when new and updated only when it differs; every key met is noted for
 * the job instance ({@code referential_sync_seen}); at the end, what the instance did not meet is
 * withdrawn, never deleted (past requests refer to it). Called by the jobs' writers and final steps,
 * in their transactions; the batch runs with no caller identity, hence {@code @PermitAll} on a
 * local-only bean.
 */
@Stateless
@PermitAll
public class ReferentialSync {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    /** Inserts or updates the published solutions; returns how many rows changed. */
    public int importSolutions(long jobInstanceId, List<AnsSolution> published) {
        Map<String, AnsSolution> byNumber = new LinkedHashMap<>();
        published.forEach(s -> byNumber.put(s.getReferencingNumber(), s)); // the last line wins
        int changed = 0;
        for (AnsSolution solution : byNumber.values()) {
            seen(jobInstanceId, solution.getReferencingNumber());
            AnsSolution known = em.find(AnsSolution.class, solution.getReferencingNumber());
            if (known == null) {
                em.persist(solution);
                changed++;
            } else if (known.updateFrom(solution)) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Marks RETIRE the solutions the instance's file did not list; returns how many.
     *
     * @throws IllegalStateException when the instance met no solution at all: an empty or unreadable
     *                               list must not withdraw the whole referential
     */
    public int withdrawAbsentSolutions(long jobInstanceId) {
        requireSeen(jobInstanceId);
        int withdrawn = em.createNativeQuery("UPDATE ans_solution SET status = 'RETIRE', updated_at = ?1"
                        + " WHERE status <> 'RETIRE' AND NOT EXISTS (SELECT 1 FROM referential_sync_seen s"
                        + " WHERE s.job_instance_id = ?2 AND s.item_key = ans_solution.referencing_number)")
                .setParameter(1, Timestamp.valueOf(LocalDateTime.now())).setParameter(2, jobInstanceId)
                .executeUpdate();
        forget(jobInstanceId);
        em.getEntityManagerFactory().getCache().evict(AnsSolution.class);
        return withdrawn;
    }

    /** Inserts or updates the published French institutions (by bank code); returns how many rows changed. */
    public int importBanks(long jobInstanceId, List<BankInstitution> published) {
        Map<String, BankInstitution> byCode = new LinkedHashMap<>();
        published.forEach(b -> byCode.put(b.getBankCode(), b));
        int changed = 0;
        for (BankInstitution bank : byCode.values()) {
            seen(jobInstanceId, bank.getBankCode());
            List<BankInstitution> known = em.createQuery("select b from BankInstitution b where b.bankCode = :code",
                    BankInstitution.class).setParameter("code", bank.getBankCode()).getResultList();
            if (known.isEmpty()) {
                em.persist(bank);
                changed++;
            } else if (known.get(0).updateFrom(bank)) {
                changed++;
            }
        }
        return changed;
    }

    /** Marks withdrawn the institutions the instance's file did not list; returns how many. */
    public int withdrawAbsentBanks(long jobInstanceId) {
        requireSeen(jobInstanceId);
        int withdrawn = em.createNativeQuery("UPDATE bank_institution SET withdrawn = TRUE"
                        + " WHERE withdrawn = FALSE AND NOT EXISTS (SELECT 1 FROM referential_sync_seen s"
                        + " WHERE s.job_instance_id = ?1 AND s.item_key = bank_institution.bank_code)")
                .setParameter(1, jobInstanceId).executeUpdate();
        forget(jobInstanceId);
        em.getEntityManagerFactory().getCache().evict(BankInstitution.class);
        return withdrawn;
    }

    private void seen(long jobInstanceId, String key) {
        Number already = (Number) em.createNativeQuery("SELECT COUNT(*) FROM referential_sync_seen"
                        + " WHERE job_instance_id = ?1 AND item_key = ?2")
                .setParameter(1, jobInstanceId).setParameter(2, key).getSingleResult();
        if (already.longValue() == 0) {
            em.createNativeQuery("INSERT INTO referential_sync_seen (job_instance_id, item_key) VALUES (?1, ?2)")
                    .setParameter(1, jobInstanceId).setParameter(2, key).executeUpdate();
        }
    }

    private void requireSeen(long jobInstanceId) {
        Number seen = (Number) em.createNativeQuery("SELECT COUNT(*) FROM referential_sync_seen WHERE job_instance_id = ?1")
                .setParameter(1, jobInstanceId).getSingleResult();
        if (seen.longValue() == 0) {
            throw new IllegalStateException("Le fichier ne contient aucune ligne valide : rien n'est retiré.");
        }
    }

    private void forget(long jobInstanceId) {
        em.createNativeQuery("DELETE FROM referential_sync_seen WHERE job_instance_id = ?1")
                .setParameter(1, jobInstanceId).executeUpdate();
    }
}
