package fr.asp.segur.application.instruction;

import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** What agents read about requests. Only the ASP's roles may call it, whatever page calls it. */
@Stateless
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE, Role.ADMINISTRATEUR_ROLE})
public class RequestQueries {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    public List<RequestSummary> latest(int max) {
        return em.createQuery("select r from EnrolmentRequest r order by r.submittedAt desc, r.id desc",
                        EnrolmentRequest.class)
                .setMaxResults(max).getResultList().stream()
                .map(r -> new RequestSummary(r.getRequestNumber(), r.getSubmittedAt(), r.company().siret(),
                        r.company().denomination(), r.software().name(), r.getStatus().label()))
                .toList();
    }
}
