package fr.asp.segur.application.supplier;

import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentContent;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.RequestStatus;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a supplier may read: only the requests {@link SupplierAccess} lets their own account see (those it is
 * named in, or that the legal representative shared with it). The account is the caller's, from the server's
 * security context: nothing a page sends can widen it.
 */
@Stateless
@RolesAllowed(Role.FOURNISSEUR_ROLE)
public class SupplierQueries {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @Resource
    private SessionContext context;
    @EJB
    private SupplierAccess access;

    public Set<String> myCompanies() {
        return me().getCompanies();
    }

    public List<SupplierRequest> myRequests() {
        String login = me().getLogin();
        List<Long> ids = access.visibleRequestIds(login);
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<String> awaiting = new HashSet<>(em.createQuery("select c.request.requestNumber from ComplementRequest c "
                        + "where c.request.id in :ids and c.request.status = :status and c.answeredAt is null "
                        + "and c.expiresAt > :now", String.class)
                .setParameter("ids", ids).setParameter("status", RequestStatus.COMPLEMENTS_DEMANDES)
                .setParameter("now", LocalDateTime.now()).getResultList());
        return em.createQuery("select r from EnrolmentRequest r where r.id in :ids order by r.submittedAt desc",
                        EnrolmentRequest.class)
                .setParameter("ids", ids).getResultList().stream()
                .map(r -> {
                    boolean representative = access.isRepresentative(login, r.getId());
                    return new SupplierRequest(r.getRequestNumber(), r.getSubmittedAt(), r.company().siret(),
                        r.company().denomination(), r.software().name(), r.getStatus().label(),
                        awaiting.contains(r.getRequestNumber()),
                        r.getHistory().stream().map(h -> new SupplierRequest.Step(h.getOccurredAt(),
                                h.getToStatus().label(), h.getMotivation())).toList(),
                        r.getDocuments().stream().map(d -> new SupplierRequest.File(d.getId(), d.getKind().label(),
                                d.getFileName())).toList(),
                        representative, representative ? access.sharedWith(r.getId()) : List.of());
                })
                .toList();
    }

    /**
     * One of the caller's documents, if it belongs to a request {@link SupplierAccess} lets them see; any
     * other id, existing or not, gives nothing.
     */
    public Optional<SupplierDocument> myDocument(long documentId) {
        Document document = em.find(Document.class, documentId);
        if (document == null || document.getRequest() == null
                || !access.canSee(me().getLogin(), document.getRequest().getId())) {
            return Optional.empty();
        }
        DocumentContent content = em.find(DocumentContent.class, documentId);
        if (content == null) {
            // Purged at the end of its retention period (DocumentRetention).
            return Optional.empty();
        }
        return Optional.of(new SupplierDocument(document.getFileName(), document.getMediaType(), content.getContent()));
    }

    /** A document's bytes as its owner downloads them. */
    public record SupplierDocument(String fileName, String mediaType, byte[] content) {
    }

    private Account me() {
        String login = context.getCallerPrincipal().getName();
        return em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", Account.normalise(login)).getSingleResult();
    }
}
