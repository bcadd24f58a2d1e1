package fr.asp.segur.interfaces.health;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/** Leaves out, at deployment, the readiness checks of optional parts that are switched off. */
public class OptionalChecks implements Extension {

    void antivirus(@Observes ProcessAnnotatedType<AntivirusCheck> type) {
        if (!Setting.bool(AntivirusCheck.ENABLED, false)) {
            type.veto();
        }
    }
}
