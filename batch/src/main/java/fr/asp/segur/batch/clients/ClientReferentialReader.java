package fr.asp.segur.batch.clients;

import fr.asp.segur.application.referential.ReferentialRows;
import fr.asp.segur.batch.support.MalformedLineException;
import fr.asp.segur.batch.support.ProgressReporter;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.logging.Logger;

/**
 * Reads a FINESS or RPPS file (property {@code referential}) as mapped rows, in constant memory; an
 * unusable line becomes a {@link MalformedLineException} with its line number and French reason.
 * <p>
 * The checkpoint is the number of units of the file (lines, or objects of the FINESS JSON feed) settled
 * by the last committed chunk: a restart reopens the file and passes over them. Not "read so far": JBeret
 * also asks for the checkpoint when it skips a line in the middle of a chunk and keeps that value if the
 * chunk then fails (see ARCHITECTURE, "Referential jobs"), which would pass over the chunk's rolled-back
 * rows on restart. A checkpoint asked right after a skipped line therefore repeats the previous one; a
 * chunk always ends on a line read normally (or the end of the file), whose checkpoint is the true one.
 */
@Named
@Dependent
public class ClientReferentialReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(ClientReferentialReader.class.getName());

    @Inject
    @BatchProperty
    private String referential;
    @Inject
    @BatchProperty
    private String source;
    @Inject
    private ProgressReporter progress;

    private ReferentialRows rows;
    private long settled;
    private boolean lastReadSkipped;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        ClientReferential which = ClientReferential.named(referential);
        rows = which.open(source);
        if (rows == null) {
            LOG.info(() -> "No " + which + " file given and no sample data: nothing to import");
            return;
        }
        if (checkpoint != null) {
            settled = (Long) checkpoint;
            rows.skip(settled);
            LOG.info(() -> which + " import resumes after " + settled + " units of the file");
        }
    }

    @Override
    public Object readItem() throws Exception {
        if (rows == null) {
            return null;
        }
        ReferentialRows.Item item = rows.next();
        lastReadSkipped = item != null && !item.isValid();
        if (lastReadSkipped) {
            throw new MalformedLineException(item.line(), item.reason(), item.content());
        }
        return item == null ? null : item.row();
    }

    @Override
    public Serializable checkpointInfo() {
        if (rows == null) {
            return settled;
        }
        if (!lastReadSkipped) {
            settled = rows.consumed();
        }
        long size = rows.size();
        progress.report(rows.bytesRead(), size < 0 ? 0 : size);
        return settled;
    }

    @Override
    public void close() throws IOException {
        if (rows != null) {
            rows.close();
        }
    }
}
