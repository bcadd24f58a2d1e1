package fr.asp.segur.batch.clients;

import fr.asp.segur.application.referential.FinessFormat;
import fr.asp.segur.application.referential.ReferentialRows;
import fr.asp.segur.application.referential.RppsFormat;
import java.io.IOException;
import java.util.Locale;

/** The two client referentials the jobs import, by the name their JSL gives ({@code finess}, {@code rpps}). */
enum ClientReferential {
    FINESS(FinessFormat.TABLE) {
        @Override
        ReferentialRows open(String source) throws IOException {
            return FinessFormat.open(source);
        }
    },
    RPPS(RppsFormat.TABLE) {
        @Override
        ReferentialRows open(String source) throws IOException {
            return RppsFormat.open(source);
        }
    };

    final ReferentialRows.Table table;

    ClientReferential(ReferentialRows.Table table) {
        this.table = table;
    }

    /** The file at {@code source}, else the system property's, else the sample; null when none applies. */
    abstract ReferentialRows open(String source) throws IOException;

    static ClientReferential named(String name) {
        return valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
    }
}
