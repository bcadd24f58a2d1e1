package fr.asp.segur.application.supplier;

import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/**
 * What a supplier may read: only the requests of the companies granted to their own account. The
 * account is the caller's, from the server's security context: nothing a page sends can widen it.
 */
@Stateless
@RolesAllowed(Role.FOURNISSEUR_ROLE)
public class SupplierQueries {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @Resource
    private SessionContext context;

    public Set<String> myCompanies() {
        return me().getCompanies();
    }

    public List<SupplierRequest> myRequests() {
        Set<String> sirets = myCompanies();
        if (sirets.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from EnrolmentRequest r where r.siret in :sirets order by r.submittedAt desc",
                        EnrolmentRequest.class)
                .setParameter("sirets", sirets).getResultList().stream()
                .map(r -> new SupplierRequest(r.getRequestNumber(), r.getSubmittedAt(), r.company().siret(),
                        r.company().denomination(), r.software().name(), r.getStatus().label(),
                        r.getHistory().stream().map(h -> new SupplierRequest.Step(h.getOccurredAt(),
                                h.getToStatus().label(), h.getMotivation())).toList()))
                .toList();
    }

    private Account me() {
        String login = context.getCallerPrincipal().getName();
        return em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", Account.normalise(login)).getSingleResult();
    }
}
