package fr.asp.segur.application.time;

import fr.asp.segur.application.config.Settings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The portal's time for rules that depend on it (funding windows exact to the minute): the local
 * time in Europe/Paris, as the funding calls publish their dates. Tests move it with
 * {@link #shiftTo}, which only a server started with {@code -Dsegur.clock.adjustable=true} allows
 * (the system tests' servers); production always reads the real clock.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PortalClock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private volatile Clock clock = Clock.system(PARIS);

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** Makes {@link #now} answer {@code paris} from now on, time still running (tests only). */
    public void shiftTo(LocalDateTime paris) {
        requireAdjustable();
        Duration offset = Duration.between(LocalDateTime.now(Clock.system(PARIS)), paris);
        clock = Clock.offset(Clock.system(PARIS), offset);
    }

    /**
     * Makes {@link #now} answer {@code paris}, time stopped (tests only): a rule about one minute is then
     * checked at that minute however slow the machine running the test.
     */
    public void freezeAt(LocalDateTime paris) {
        requireAdjustable();
        clock = Clock.fixed(paris.atZone(PARIS).toInstant(), PARIS);
    }

    /** Back to the real time (tests only). */
    public void reset() {
        requireAdjustable();
        clock = Clock.system(PARIS);
    }

    private static void requireAdjustable() {
        if (!Settings.bool("segur.clock.adjustable", false)) {
            throw new IllegalStateException("The portal's clock can only be moved on a test server");
        }
    }
}
