package fr.asp.segur.application.deposit;

import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.funding.FundingDeposit;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Bulk deposits from the supplier's space ("Simulateur de dépôt", "Déposer", the download of their
 * requests): the caller is the logged-in supplier, from the server's security context.
 */
@Stateless
@RolesAllowed(Role.FOURNISSEUR_ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SupplierDeposits {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private Deposits deposits;
    @EJB
    private FundingExport export;
    @Resource
    private SessionContext context;

    public DepositReport simulate(byte[] content) {
        return deposits.simulate(me(), content);
    }

    public DepositOutcome deposit(byte[] content) {
        return deposits.deposit(me(), content, FundingDeposit.Channel.ESPACE);
    }

    /** The caller's funding requests, "json" or "csv". */
    public byte[] myRequests(String format) {
        return export.export(me().getCompanies(), format);
    }

    private Account me() {
        return em.createQuery("select a from Account a where a.login = :l", Account.class)
                .setParameter("l", context.getCallerPrincipal().getName()).getSingleResult();
    }
}
