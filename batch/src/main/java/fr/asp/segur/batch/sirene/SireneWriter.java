package fr.asp.segur.batch.sirene;

import fr.asp.segur.application.referential.SireneFormat;
import fr.asp.segur.batch.support.StagedUpsert;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes a chunk of mapped SIRENE rows into the referential table as one upsert that changes a row
 * only when the file says something new ({@link StagedUpsert}): re-running a chunk after a crash, or
 * the whole file, changes nothing. On PostgreSQL the chunk goes through COPY into a temporary table
 * first (straight into the table for the initial load of an empty one); elsewhere (H2, the embedded
 * demo) through a JDBC batch of MERGE statements.
 * <p>
 * Its checkpoint is the number of rows inserted or updated so far, shown as the step's exit status
 * ("lignes modifiées : N"), so that a second run of the same file visibly changes 0 rows.
 */
@Named
@Dependent
public class SireneWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    private String kind;
    @Inject
    private StepContext step;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    private StagedUpsert upsert;
    private long changed;
    private boolean direct;

    /**
     * A fresh step (no checkpoint) into an empty table on PostgreSQL is an initial load: it COPYs straight
     * into the table. A restart never does: a chunk committed just before a crash may be read again.
     */
    @Override
    public void open(Serializable checkpoint) throws Exception {
        upsert = new StagedUpsert(SireneFileReader.format(kind));
        changed = checkpoint == null ? 0 : (Long) checkpoint;
        if (checkpoint == null) {
            try (Connection c = dataSource.getConnection()) {
                direct = upsert.canLoadDirectly(c);
            }
        }
        step.setExitStatus(exitStatus(changed));
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<String[]> rows = (List) items;
        try (Connection c = dataSource.getConnection()) {
            changed += direct ? upsert.writeDirectly(c, rows) : upsert.write(c, rows);
        }
        step.setExitStatus(exitStatus(changed));
    }

    @Override
    public Serializable checkpointInfo() {
        return changed;
    }

    static String exitStatus(long changed) {
        return "lignes modifiées : " + changed;
    }
}
