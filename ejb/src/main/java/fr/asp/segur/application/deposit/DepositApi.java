package fr.asp.segur.application.deposit;

import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.funding.FundingDeposit;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The REST API's entry into the application: every call names its bearer secret, checked here (not
 * only by the web layer), acts for that token's account and is audited, refused or not. The work
 * itself is the upload page's: {@link Deposits} and {@link FundingExport}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DepositApi {

    static final String API_SIMULATION = "API_SIMULATION_DEPOT";
    static final String API_DEPOSIT = "API_DEPOT";
    static final String API_EXPORT = "API_EXPORT_DEMANDES";
    static final String API_REFUSED = "API_REFUSEE";
    static final String UNAUTHENTICATED = "Jeton d'accès absent, inconnu ou révoqué.";

    @EJB
    private ApiTokens tokens;
    @EJB
    private Deposits deposits;
    @EJB
    private FundingExport export;
    @EJB
    private AuditTrail audit;

    public DepositReport simulate(String bearer, byte[] body) {
        Account account = authenticate(bearer, API_SIMULATION);
        return audited(account, API_SIMULATION, () -> {
            DepositReport report = deposits.simulate(account, body);
            return new Audited<>(report, report.lineCount() + " lignes, " + report.errors().size() + " erreurs");
        });
    }

    public DepositOutcome deposit(String bearer, byte[] body) {
        Account account = authenticate(bearer, API_DEPOSIT);
        return audited(account, API_DEPOSIT, () -> {
            DepositOutcome outcome = deposits.deposit(account, body, FundingDeposit.Channel.API);
            return new Audited<>(outcome, "dépôt " + outcome.depositId() + (outcome.created() ? " créé" : " déjà reçu")
                    + ", " + outcome.requestNumbers().size() + " demandes");
        });
    }

    public byte[] requests(String bearer, String siret, String format) {
        Account account = authenticate(bearer, API_EXPORT);
        return audited(account, API_EXPORT, () -> {
            byte[] body = export.export(export.scope(account, siret), format);
            return new Audited<>(body, "format " + format + (siret == null ? "" : ", SIRET " + siret));
        });
    }

    private Account authenticate(String bearer, String action) {
        Account account = tokens.authenticate(bearer).orElse(null);
        if (account == null) {
            audit.recordAlone("anonyme", API_REFUSED, null, action + " : jeton refusé");
            throw new ApiAccessException(ApiAccessException.Reason.UNAUTHENTICATED, UNAUTHENTICATED);
        }
        return account;
    }

    private record Audited<T>(T value, String detail) {
    }

    private interface Call<T> {
        Audited<T> run();
    }

    private <T> T audited(Account account, String action, Call<T> call) {
        try {
            Audited<T> done = call.run();
            audit.recordAlone(account.getLogin(), action, null, done.detail());
            return done.value();
        } catch (DepositRefusedException e) {
            audit.recordAlone(account.getLogin(), action, null, "refusé : " + e.report().errors().size() + " erreurs");
            throw e;
        } catch (ApiAccessException e) {
            audit.recordAlone(account.getLogin(), API_REFUSED, null, action + " : " + e.reason());
            throw e;
        }
    }
}
