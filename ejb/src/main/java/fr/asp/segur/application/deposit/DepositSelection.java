package fr.asp.segur.application.deposit;

import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.funding.FundingStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For agents, "valider les demandes d'un dépôt": the requests of one deposit that still await an
 * agent, each with the version the agent sees, in the shape the agents' bulk validation takes
 * ({@code FundingInstruction.validateAll(Map<number, version>)}, engineer G's, on branch fundagent).
 * Validation itself is not here: it stays G's one rule (moveTo, history, audit, claims).
 */
@Stateless
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE})
public class DepositSelection {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    /** Request number → version, in the file's order, for the deposit's requests an agent may decide. */
    public Map<String, Long> awaitingAgent(long depositId) {
        List<FundingStatus> awaiting = java.util.Arrays.stream(FundingStatus.values())
                .filter(FundingStatus::awaitsAgent).toList();
        Map<String, Long> selection = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("select r.requestNumber, r.version from FundingRequest r "
                        + "where r.depositId = :d and r.status in :s order by r.id", Object[].class)
                .setParameter("d", depositId).setParameter("s", awaiting).getResultList()) {
            selection.put((String) row[0], (Long) row[1]);
        }
        return selection;
    }
}
