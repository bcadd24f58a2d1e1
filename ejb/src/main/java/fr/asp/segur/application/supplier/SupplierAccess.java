package fr.asp.segur.application.supplier;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.PersonRole;
import fr.asp.segur.domain.enrolment.RequestShare;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The supplier space's access rule, in one place (issue 11, least privilege): an account sees an enrolment
 * request when it is named in it — as the dépositaire who filed it, or as the company's legal representative —
 * or when that legal representative shared the request with it and has not revoked the share. Holding the
 * company's SIRET is not enough: a tiers déclarant who once filed for a company does not read what the legal
 * representative filed later, identity documents and RIB included.
 *
 * <p>Every page, servlet and service that serves a supplier something of a request asks {@link #canSee};
 * the funding requests will too.
 */
@Stateless
@PermitAll
public class SupplierAccess {

    static final String NOT_FOUND = "Cette demande est introuvable.";
    static final String ONLY_REPRESENTATIVE =
            "Seul le représentant légal nommé dans la demande peut la partager ou retirer un partage.";
    static final String NO_SUCH_ACCOUNT = "Aucun compte fournisseur de cette société ne correspond à cette adresse "
            + "électronique : la personne doit d'abord disposer d'un compte sur le portail pour cette société.";
    static final String ALREADY_SEES = "Cette personne voit déjà cette demande.";
    static final String NO_SHARE = "Cette demande n'est pas partagée avec cette adresse électronique.";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @Resource
    private SessionContext context;
    @EJB
    private AuditTrail audit;

    /** Whether the account with this login may see the request with this id (and everything in it). */
    public boolean canSee(String login, long enrolmentRequestId) {
        if (login == null) {
            return false;
        }
        String normalised = Account.normalise(login);
        return isNamedIn(normalised, enrolmentRequestId) || em.createQuery("select count(s) from RequestShare s "
                        + "where s.request.id = :id and s.account.login = :login and s.revokedAt is null", Long.class)
                .setParameter("id", enrolmentRequestId).setParameter("login", normalised).getSingleResult() > 0;
    }

    /** {@link #canSee} for the caller. */
    @RolesAllowed(Role.FOURNISSEUR_ROLE)
    public boolean callerCanSee(long enrolmentRequestId) {
        return canSee(caller(), enrolmentRequestId);
    }

    /** The ids of every request the account may see, newest first. */
    public List<Long> visibleRequestIds(String login) {
        return em.createQuery("select r.id from EnrolmentRequest r where r.id in "
                        + "(select p.request.id from RequestPerson p where lower(p.email) = :login) or r.id in "
                        + "(select s.request.id from RequestShare s where s.account.login = :login "
                        + "and s.revokedAt is null) order by r.submittedAt desc", Long.class)
                .setParameter("login", Account.normalise(login)).getResultList();
    }

    /** Whether the account is the legal representative named in the request, who alone may share it. */
    public boolean isRepresentative(String login, long enrolmentRequestId) {
        return em.createQuery("select count(p) from RequestPerson p where p.request.id = :id and p.role = :role "
                        + "and lower(p.email) = :login", Long.class)
                .setParameter("id", enrolmentRequestId).setParameter("role", PersonRole.REPRESENTANT)
                .setParameter("login", Account.normalise(login)).getSingleResult() > 0;
    }

    /** The logins a request is shared with now, for its representative's space. */
    public List<String> sharedWith(long enrolmentRequestId) {
        return em.createQuery("select s.account.login from RequestShare s where s.request.id = :id "
                        + "and s.revokedAt is null order by s.sharedAt", String.class)
                .setParameter("id", enrolmentRequestId).getResultList();
    }

    /**
     * The caller, legal representative named in the request, lets another supplier account of the same
     * company see it. Sharing twice changes nothing.
     */
    @RolesAllowed(Role.FOURNISSEUR_ROLE)
    public void share(String requestNumber, String email) {
        EnrolmentRequest request = representedByCaller(requestNumber);
        String login = Account.normalise(email);
        Account target = login == null || login.isEmpty() ? null : em.createQuery(
                        "select a from Account a where a.login = :login", Account.class)
                .setParameter("login", login).getResultList().stream().findFirst().orElse(null);
        if (target == null || !target.isEnabled() || !target.hasRole(Role.FOURNISSEUR)
                || !target.getCompanies().contains(request.company().siret())) {
            throw new BusinessRuleException("partage", NO_SUCH_ACCOUNT);
        }
        if (isNamedIn(login, request.getId())) {
            throw new BusinessRuleException("partage", ALREADY_SEES);
        }
        if (canSee(login, request.getId())) {
            return;
        }
        em.persist(new RequestShare(request, target, caller(), LocalDateTime.now()));
        audit.record(caller(), "PARTAGE_DEMANDE", request.getRequestNumber(), "avec " + target.getLogin());
    }

    /** The representative withdraws a share: the other account stops seeing the request at once. */
    @RolesAllowed(Role.FOURNISSEUR_ROLE)
    public void revoke(String requestNumber, String email) {
        EnrolmentRequest request = representedByCaller(requestNumber);
        List<RequestShare> shares = em.createQuery("select s from RequestShare s where s.request = :request "
                        + "and s.account.login = :login and s.revokedAt is null", RequestShare.class)
                .setParameter("request", request).setParameter("login", Account.normalise(email)).getResultList();
        if (shares.isEmpty()) {
            throw new BusinessRuleException("partage", NO_SHARE);
        }
        LocalDateTime now = LocalDateTime.now();
        shares.forEach(s -> s.revoke(now));
        audit.record(caller(), "RETRAIT_PARTAGE_DEMANDE", request.getRequestNumber(), "avec " + Account.normalise(email));
    }

    private EnrolmentRequest representedByCaller(String requestNumber) {
        EnrolmentRequest request = requestNumber == null ? null : em.createQuery(
                        "select r from EnrolmentRequest r where r.requestNumber = :n", EnrolmentRequest.class)
                .setParameter("n", requestNumber.strip()).getResultList().stream().findFirst().orElse(null);
        if (request == null || !canSee(caller(), request.getId())) {
            throw new BusinessRuleException("partage", NOT_FOUND);
        }
        if (!isRepresentative(caller(), request.getId())) {
            throw new BusinessRuleException("partage", ONLY_REPRESENTATIVE);
        }
        return request;
    }

    private boolean isNamedIn(String normalisedLogin, long enrolmentRequestId) {
        return em.createQuery("select count(p) from RequestPerson p where p.request.id = :id "
                        + "and lower(p.email) = :login", Long.class)
                .setParameter("id", enrolmentRequestId).setParameter("login", normalisedLogin)
                .getSingleResult() > 0;
    }

    private String caller() {
        return Account.normalise(context.getCallerPrincipal().getName());
    }
}
