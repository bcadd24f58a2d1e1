package fr.asp.segur.batch.sirene;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;

/** Refuses an unknown mode before anything is read. */
@Named
@Dependent
public class SireneSyncListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    private String mode;

    @Override
    public void beforeJob() {
        String m = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
        if (!m.equals("full") && !m.equals("delta")) {
            throw new IllegalArgumentException("Mode « " + mode + " » inconnu : full (stock mensuel) ou delta attendu.");
        }
    }
}
