package fr.asp.segur.batch.clients;

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
 * Writes a chunk of FINESS or RPPS rows through {@link StagedUpsert}, in the chunk's transaction: on
 * PostgreSQL COPY into a staging table then one upsert (COPY straight into the table for the first load of
 * an empty one), elsewhere (H2, the demo) a batch of MERGE. A row changes only when the file says something
 * new, so a replayed chunk or a second run of the same file changes nothing.
 * <p>
 * Its checkpoint is the number of rows inserted or updated so far, shown as the step's exit status
 * ("lignes modifiées : N").
 */
@Named
@Dependent
public class ClientReferentialWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    private String referential;
    @Inject
    private StepContext step;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    private StagedUpsert upsert;
    private long changed;
    private boolean direct;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        upsert = new StagedUpsert(ClientReferential.named(referential).table);
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
