package fr.asp.segur.application.referential;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.domain.model.Finess;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.model.Rpps;
import fr.asp.segur.domain.referential.FinessEstablishment;
import fr.asp.segur.domain.referential.RppsProfessional;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Look-ups of a funding request's client in the FINESS and RPPS referentials (issue 10).
 * <p>
 * An empty answer means the local copy does not know the number (created since the last nightly import,
 * or mistyped): the caller accepts the client and flags it for agents, as enrolment does for an
 * unverified SIRET. A closed establishment is returned with {@code closed = true}: whether that refuses
 * the request is the funding rules' decision, not the referential's.
 */
@Stateless
@PermitAll
public class ClientReferentials {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    /**
     * @param finess a FINESS number, site (ET) or legal entity (EJ); spaces and the case of Corsica's
     *               letter are ignored ("75 000 001 0")
     * @throws BusinessRuleException with the French message of {@link Finess} when the format is wrong
     */
    public Optional<FinessEstablishmentView> finess(String finess) {
        return finess(parse(() -> Finess.of(finess)));
    }

    public Optional<FinessEstablishmentView> finess(Finess finess) {
        FinessEstablishment row = em.find(FinessEstablishment.class, finess.value());
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new FinessEstablishmentView(row.getFiness(),
                row.isLegalEntity() ? row.getFiness() : row.getFinessEj(), row.getSiret(), row.getName(),
                row.getCategory(), row.getPostalCode(), row.getCity(), row.isClosed()));
    }

    /**
     * @param rpps an RPPS number, 11 digits (spaces ignored; an IdNat_PS "8" + RPPS is read as its RPPS)
     * @throws BusinessRuleException with the French message of {@link Rpps} when the format is wrong
     */
    public Optional<RppsProfessionalView> rpps(String rpps) {
        return rpps(parse(() -> Rpps.of(rpps)));
    }

    public Optional<RppsProfessionalView> rpps(Rpps rpps) {
        RppsProfessional row = em.find(RppsProfessional.class, rpps.value());
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new RppsProfessionalView(row.getRpps(), row.getLastName(), row.getFirstName(),
                row.getProfession(), row.getPostalCode(), row.getCity()));
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValueException e) {
            throw BusinessRuleException.of(e);
        }
    }
}
