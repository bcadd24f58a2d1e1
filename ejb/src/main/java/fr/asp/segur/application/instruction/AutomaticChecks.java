package fr.asp.segur.application.instruction;

import fr.asp.segur.application.instruction.RequestDetail.Check;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.SiretVerification;
import fr.asp.segur.domain.model.Bic;
import fr.asp.segur.domain.model.Iban;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.model.Siret;
import fr.asp.segur.domain.referential.AnsSolution;
import fr.asp.segur.domain.referential.SireneEstablishment;
import jakarta.persistence.EntityManager;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The checks shown beside a request's data, computed each time an agent reads it: the referentials are read
 * again (a solution may have been withdrawn, an establishment closed since the submission) and the bank
 * details are checked again with their value objects. They inform the agent; they decide nothing.
 */
final class AutomaticChecks {

    static final String SOFTWARE = "N° de référencement ANS";
    static final String SIRET = "SIRET actif (SIRENE)";
    private static final DateTimeFormatter CHECKED_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy à HH:mm");
    static final String BANK = "Cohérence IBAN / BIC";
    static final String EDITOR = "Éditeur / distributeur";

    private final EntityManager em;

    AutomaticChecks(EntityManager em) {
        this.em = em;
    }

    List<Check> of(EnrolmentRequest request) {
        AnsSolution solution = em.find(AnsSolution.class, request.software().referencingNumber());
        return List.of(software(solution), siret(request), bank(request.bankAccount()),
                editor(request, solution));
    }

    private static Check software(AnsSolution solution) {
        if (solution == null) {
            return Check.warning(SOFTWARE, "Ce numéro est inconnu du référentiel ANS.");
        }
        if (solution.isWithdrawn()) {
            return Check.warning(SOFTWARE, "Le référencement de ce logiciel a été retiré par l'ANS.");
        }
        return Check.ok(SOFTWARE, "Logiciel référencé par l'ANS : " + solution.getSoftwareName() + ", version "
                + solution.getSoftwareVersion() + ".");
    }

    private Check siret(EnrolmentRequest request) {
        String siret = request.company().siret();
        SireneEstablishment establishment = siret == null ? null : em.find(SireneEstablishment.class, siret);
        String since = request.getSiretCheckedAt() == null ? "" : " (dernière vérification le "
                + CHECKED_AT.format(request.getSiretCheckedAt()) + ")";
        if (establishment == null) {
            if (request.getSiretVerification() == SiretVerification.NON_VERIFIE) {
                return Check.warning(SIRET, "SIRET non vérifié : absent du répertoire SIRENE lors du dépôt et depuis"
                        + since + ". La dénomination et l'adresse ont été saisies par le demandeur : contrôlez-les"
                        + " avec l'extrait Kbis joint.");
            }
            return Check.warning(SIRET, "Aucun établissement ne correspond à ce SIRET dans le répertoire SIRENE.");
        }
        if (establishment.isClosed()) {
            return Check.warning(SIRET, "Cet établissement est fermé d'après le répertoire SIRENE.");
        }
        if (request.getSiretVerification() == SiretVerification.CONFIRME) {
            return Check.ok(SIRET, "Établissement actif d'après le répertoire SIRENE, absent lors du dépôt et vérifié"
                    + " depuis" + since + ". Dénomination SIRENE : " + request.company().referentialDenomination() + ".");
        }
        return Check.ok(SIRET, "Établissement actif d'après le répertoire SIRENE.");
    }

    private static Check bank(EnrolmentRequest.BankAccount account) {
        try {
            Iban iban = Iban.of(account.iban());
            Bic bic = Bic.of(account.bic());
            bic.checkConsistentWith(iban);
            String keys = "FR".equals(iban.countryCode()) ? "clé de contrôle et clé RIB" : "clé de contrôle";
            return Check.ok(BANK, "IBAN valide (" + keys + ") et BIC du même pays (" + iban.countryCode() + ").");
        } catch (InvalidValueException e) {
            return Check.warning(BANK, e.getMessage());
        }
    }

    private static Check editor(EnrolmentRequest request, AnsSolution solution) {
        if (solution == null) {
            return Check.warning(EDITOR, "Logiciel inconnu du référentiel ANS : son éditeur ne peut pas être comparé "
                    + "au fournisseur.");
        }
        String siren = siren(request.company().siret());
        String editor = solution.getEditorName() + " (SIREN " + solution.getEditorSiren() + ")";
        boolean isEditor = solution.getEditorSiren().equals(siren);
        boolean declaredDistributor = request.isDistributor();
        if (isEditor && !declaredDistributor) {
            return Check.ok(EDITOR, "Le fournisseur (SIREN " + siren + ") est l'éditeur du logiciel.");
        }
        if (isEditor) {
            return Check.warning(EDITOR, "Demande déposée comme distributeur alors que le fournisseur (SIREN " + siren
                    + ") est l'éditeur du logiciel.");
        }
        if (!declaredDistributor) {
            return Check.warning(EDITOR, "Le fournisseur (SIREN " + siren + ") n'est pas l'éditeur du logiciel, "
                    + editor + " : la demande aurait dû être déposée comme distributeur.");
        }
        boolean mandate = request.getDocuments().stream().anyMatch(d -> d.getKind() == DocumentKind.MANDAT_EDITEUR);
        if (!mandate) {
            return Check.warning(EDITOR, "Distributeur du logiciel de " + editor
                    + " : le mandat de l'éditeur est absent.");
        }
        return Check.ok(EDITOR, "Distributeur du logiciel de " + editor + " : mandat de l'éditeur joint.");
    }

    private static String siren(String siret) {
        try {
            return Siret.of(siret).siren().value();
        } catch (InvalidValueException e) {
            return siret == null || siret.length() < 9 ? siret : siret.substring(0, 9);
        }
    }
}
