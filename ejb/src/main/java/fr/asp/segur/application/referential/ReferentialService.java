package fr.asp.segur.application.referential;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.domain.model.Bic;
import fr.asp.segur.domain.model.Iban;
import fr.asp.segur.domain.model.Siret;
import fr.asp.segur.domain.referential.AnsSolution;
import fr.asp.segur.domain.referential.BankInstitution;
import fr.asp.segur.domain.referential.SireneEstablishment;
import fr.asp.segur.domain.referential.SireneLegalUnit;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Look-ups in the ANS, SIRENE and bank referentials, with the rules that decide whether a value is usable. */
@Stateless
@PermitAll
public class ReferentialService {

    static final String UNKNOWN_SOLUTION =
            "Ce numéro de référencement ANS est inconnu. Vérifiez le numéro figurant sur votre certificat de référencement.";
    static final String WITHDRAWN_SOLUTION =
            "Ce logiciel n'est plus référencé par l'ANS (référencement retiré) : il ne peut pas faire l'objet d'une demande d'enrôlement.";
    static final String UNKNOWN_SIRET =
            "Aucun établissement ne correspond à ce numéro de SIRET dans le répertoire SIRENE.";
    static final String CLOSED_SIRET =
            "Cet établissement est fermé d'après le répertoire SIRENE : seul un établissement actif peut demander l'enrôlement.";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    /** The referenced solution for "N° unique de référencement (ANS)"; unknown or withdrawn numbers are refused. */
    public AnsSolution referencedSolution(String rawNumber) {
        String number = rawNumber == null ? "" : rawNumber.trim().toLowerCase(Locale.ROOT);
        if (number.isEmpty()) {
            throw new BusinessRuleException("referencingNumber", "Le N° unique de référencement (ANS) est obligatoire.");
        }
        AnsSolution solution = em.find(AnsSolution.class, number);
        if (solution == null) {
            throw new BusinessRuleException("referencingNumber", UNKNOWN_SOLUTION);
        }
        if (solution.isWithdrawn()) {
            throw new BusinessRuleException("referencingNumber", WITHDRAWN_SOLUTION);
        }
        return solution;
    }

    /** The active establishment for a SIRET, with its legal unit's name; unknown and closed ones are refused. */
    public Company activeCompany(Siret siret) {
        return knownCompany(siret).orElseThrow(() -> new BusinessRuleException("siret", UNKNOWN_SIRET));
    }

    /**
     * The active establishment for a SIRET, or nothing when the local referential does not know it (a
     * company created since the last SIRENE sync: the supplier then types its name and address and the
     * request is flagged "SIRET non vérifié"). A closed establishment is refused.
     */
    public Optional<Company> knownCompany(Siret siret) {
        Optional<Company> company = establishment(siret.value());
        if (company.isPresent() && company.get().establishment().isClosed()) {
            throw new BusinessRuleException("siret", CLOSED_SIRET);
        }
        return company;
    }

    /** The establishment for a SIRET, closed or not, with its legal unit's name; nothing when unknown. */
    public Optional<Company> establishment(String siret) {
        SireneEstablishment establishment = em.find(SireneEstablishment.class, siret);
        if (establishment == null) {
            return Optional.empty();
        }
        SireneLegalUnit unit = em.find(SireneLegalUnit.class, establishment.getSiren());
        String legalName = unit != null && unit.getDenomination() != null && !unit.getDenomination().isBlank()
                ? unit.getDenomination()
                : establishment.commercialName();
        return Optional.of(new Company(establishment, legalName));
    }

    /**
     * The "Domiciliation": the institution registered under the BIC (exact, then its 8-character head office),
     * else under the IBAN's bank code; institutions withdrawn from the ECB list are ignored.
     */
    public Optional<BankInstitution> bank(Bic bic, Iban iban) {
        if (bic != null) {
            String code = bic.value();
            Optional<BankInstitution> byBic = first(em.createQuery(
                    "select b from BankInstitution b where b.bic = :bic and b.withdrawn = false order by b.id", BankInstitution.class)
                    .setParameter("bic", code).setMaxResults(1).getResultList());
            if (byBic.isEmpty() && code.length() == 11) {
                byBic = first(em.createQuery("select b from BankInstitution b where b.bic in (:a, :b) and b.withdrawn = false order by b.id",
                                BankInstitution.class)
                        .setParameter("a", code.substring(0, 8)).setParameter("b", code.substring(0, 8) + "XXX")
                        .setMaxResults(1).getResultList());
            }
            if (byBic.isPresent()) {
                return byBic;
            }
        }
        if (iban != null && "FR".equals(iban.countryCode())) {
            return first(em.createQuery("select b from BankInstitution b where b.bankCode = :code and b.withdrawn = false order by b.id",
                            BankInstitution.class)
                    .setParameter("code", iban.bankCode()).setMaxResults(1).getResultList());
        }
        return Optional.empty();
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** An establishment and the legal name of its company ("Dénomination sociale"). */
    public record Company(SireneEstablishment establishment, String legalName) {
        public String siren() {
            return establishment.getSiren();
        }
    }
}
