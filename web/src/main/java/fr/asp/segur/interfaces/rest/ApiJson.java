package fr.asp.segur.interfaces.rest;

import fr.asp.segur.application.deposit.DepositError;
import fr.asp.segur.application.deposit.DepositOutcome;
import fr.asp.segur.application.deposit.DepositReport;
import java.util.List;

/** The API's JSON answers, named in French like the deposit format. */
final class ApiJson {

    private ApiJson() {
    }

    /** One error, in the simulator's format. */
    public record Erreur(String chemin, int ligne, int colonne, String regle, String message) {
        static Erreur of(DepositError e) {
            return new Erreur(e.path(), e.line(), e.column(), e.rule(), e.message());
        }
    }

    /** The simulator's report; also the body of a refused deposit (400, 422). */
    public record Rapport(boolean accepte, String appel, int lignes, int nombreErreurs, List<Erreur> erreurs) {
        static Rapport of(DepositReport r) {
            return new Rapport(r.accepted(), r.callCode(), r.lineCount(), r.errors().size(),
                    r.errors().stream().map(Erreur::of).toList());
        }
    }

    /** A deposit stored (201), or the same file already deposited (200, {@code cree} false). */
    public record Depot(long depot, boolean cree, String appel, int nombreDemandes, List<String> demandes) {
        static Depot of(DepositOutcome o) {
            return new Depot(o.depositId(), o.created(), o.callCode(), o.requestNumbers().size(), o.requestNumbers());
        }
    }

    /** A refusal that is not about the file: 401, 403, 404, 413, 500. */
    public record Refus(int statut, String message) {
    }
}
