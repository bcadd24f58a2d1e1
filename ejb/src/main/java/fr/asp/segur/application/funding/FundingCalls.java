package fr.asp.segur.application.funding;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.funding.FundingCallDefinition;
import fr.asp.segur.domain.model.InvalidValueException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The referential of funding calls: read by everyone who files or instructs, edited and imported by
 * administrators (closed by the nightly job once their window has ended: {@link FundingNightly}).
 */
@Stateless
@PermitAll
public class FundingCalls {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private PortalClock clock;

    /** What an import did: calls created and updated, lines refused (then nothing is stored). */
    public record ImportReport(int created, int updated, List<FundingCallFormat.LineError> errors) {
    }

    public List<FundingCallView> all() {
        LocalDateTime now = clock.now();
        return em.createQuery("select c from FundingCall c order by c.code", FundingCall.class).getResultList()
                .stream().map(c -> FundingCallView.of(c, now)).toList();
    }

    public Optional<FundingCallView> byCode(String code) {
        return entity(code).map(c -> FundingCallView.of(c, clock.now()));
    }

    /** The calls open for avances now that fund software referenced against {@code dsrLabel}. */
    public List<FundingCallView> openFor(String dsrLabel) {
        LocalDateTime now = clock.now();
        return em.createQuery("select c from FundingCall c order by c.code", FundingCall.class).getResultList()
                .stream().filter(c -> c.funds(dsrLabel) && c.openForAvances(now))
                .map(c -> FundingCallView.of(c, now)).toList();
    }

    /** For the funding services of this module: the entity itself. */
    public Optional<FundingCall> entity(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return em.createQuery("select c from FundingCall c where c.code = :code", FundingCall.class)
                .setParameter("code", code.strip()).getResultStream().findFirst();
    }

    /** Creates a call, or redefines the call of that code. */
    @RolesAllowed(Role.ADMINISTRATEUR_ROLE)
    public FundingCallView save(FundingCallDefinition definition) {
        LocalDateTime now = clock.now();
        FundingCall call = entity(definition.code()).orElse(null);
        if (call == null) {
            call = new FundingCall(definition, now);
            em.persist(call);
        } else {
            call.redefine(definition, now);
        }
        em.flush();
        return FundingCallView.of(call, now);
    }

    /**
     * Imports a call file ({@link FundingCallFormat}): all or nothing — a file with one unreadable
     * line stores none of its calls, and the report names each bad line.
     */
    @RolesAllowed(Role.ADMINISTRATEUR_ROLE)
    public ImportReport importFile(Reader file) {
        FundingCallFormat.Parsed parsed;
        try {
            parsed = FundingCallFormat.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new BusinessRuleException("fichier", "Le fichier des appels à financement est illisible.");
        }
        if (!parsed.errors().isEmpty()) {
            return new ImportReport(0, 0, parsed.errors());
        }
        if (parsed.calls().isEmpty()) {
            throw new BusinessRuleException("fichier", "Le fichier ne contient aucun appel à financement.");
        }
        int created = 0;
        int updated = 0;
        for (FundingCallDefinition d : parsed.calls()) {
            if (entity(d.code()).isPresent()) {
                updated++;
            } else {
                created++;
            }
            save(d);
        }
        return new ImportReport(created, updated, List.of());
    }

    /** The French message of a definition that does not hold, as a field error list. */
    public static List<FieldError> errorsOf(InvalidValueException e) {
        return List.of(new FieldError(e.field(), e.getMessage()));
    }
}
