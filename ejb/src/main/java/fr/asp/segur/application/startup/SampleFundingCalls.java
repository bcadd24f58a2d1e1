package fr.asp.segur.application.startup;

import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.funding.FundingCallFormat;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.funding.FundingCallDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Loads the sample funding calls (persistence jar, {@code sample/funding_calls.csv}) into an empty
 * referential, like {@link SampleReferentials}: so that a newcomer can file a funding request in the
 * demo at once. Turned off with {@code -Dsegur.sample-data=false}.
 */
@Singleton
@Startup
@PermitAll
@DependsOn("DatabaseMigration")
public class SampleFundingCalls {

    private static final Logger LOG = Logger.getLogger(SampleFundingCalls.class.getName());

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private PortalClock clock;

    @PostConstruct
    void install() {
        if (!Settings.bool("segur.sample-data", true)) {
            return;
        }
        long existing = em.createQuery("select count(c) from FundingCall c", Long.class).getSingleResult();
        if (existing > 0) {
            return;
        }
        try (InputStream in = SampleFundingCalls.class.getResourceAsStream("/sample/funding_calls.csv")) {
            FundingCallFormat.Parsed parsed = FundingCallFormat.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!parsed.errors().isEmpty()) {
                throw new IllegalStateException("Sample funding calls unreadable: " + parsed.errors());
            }
            for (FundingCallDefinition d : parsed.calls()) {
                em.persist(new FundingCall(d, clock.now()));
            }
            LOG.info(() -> "Sample funding calls: " + parsed.calls().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
