package fr.asp.segur.batch.clients;

import fr.asp.segur.application.referential.ReferentialRows;
import fr.asp.segur.batch.support.MalformedLineException;
import fr.asp.segur.batch.support.ProgressReporter;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;

/**
 * Reads a FINESS or RPPS file (property {@code referential}) as mapped rows, in constant memory; an
 * unusable line becomes a {@link MalformedLineException} with its line number and French reason.
 * <p>
 * Reading and mapping run ahead on a thread of the server's {@code ManagedThreadFactory}, at most
 * {@link #AHEAD} items ahead, so that they overlap with the writer's COPY and upsert (two cores instead of
 * one); items are still handed out in file order.
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
    private static final int BATCH = 500;
    static final int AHEAD = 20_000;
    private static final List<Ahead> END = List.of();

    @Inject
    @BatchProperty
    private String referential;
    @Inject
    @BatchProperty
    private String source;
    @Inject
    private ProgressReporter progress;
    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    private ManagedThreadFactory threads;

    private ReferentialRows rows;
    private final BlockingQueue<List<Ahead>> ahead = new ArrayBlockingQueue<>(AHEAD / BATCH);
    private Thread parser;
    private volatile boolean closing;
    private Iterator<Ahead> current;
    private boolean ended;
    private long settled;
    private long consumed;
    private boolean lastReadSkipped;

    /** An item read ahead, with the units of the file consumed once it is handed out; or a fatal error. */
    private record Ahead(ReferentialRows.Item item, long consumed, RuntimeException error) {
    }

    @Override
    public void open(Serializable checkpoint) throws IOException {
        ClientReferential which = ClientReferential.named(referential);
        rows = which.open(source);
        if (rows == null) {
            LOG.info(() -> "No " + which + " file given and no sample data: nothing to import");
            ended = true;
            return;
        }
        if (checkpoint != null) {
            settled = (Long) checkpoint;
            rows.skip(settled);
            LOG.info(() -> which + " import resumes after " + settled + " units of the file");
        }
        consumed = settled;
        parser = threads.newThread(this::readAhead);
        parser.start();
    }

    private void readAhead() {
        try {
            List<Ahead> batch = new ArrayList<>(BATCH);
            ReferentialRows.Item item;
            while (!closing && (item = rows.next()) != null) {
                batch.add(new Ahead(item, rows.consumed(), null));
                if (batch.size() == BATCH) {
                    ahead.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            batch.add(new Ahead(null, rows.consumed(), null));
            ahead.put(batch);
            ahead.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // e.g. a JSON syntax error: the file cannot be read further; the step fails on it
            try {
                ahead.put(List.of(new Ahead(null, consumed, e instanceof RuntimeException r ? r
                        : new IllegalStateException(e.getMessage(), e))));
                ahead.put(END);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Object readItem() throws Exception {
        if (ended) {
            return null;
        }
        while (current == null || !current.hasNext()) {
            List<Ahead> next = ahead.take();
            if (next == END) {
                ended = true;
                return null;
            }
            current = next.iterator();
        }
        Ahead next = current.next();
        if (next.error != null) {
            throw new IllegalStateException("Fichier " + ClientReferential.named(referential) + " illisible après "
                    + consumed + " unités : " + next.error.getMessage(), next.error);
        }
        consumed = next.consumed;
        ReferentialRows.Item item = next.item;
        lastReadSkipped = item != null && !item.isValid();
        if (lastReadSkipped) {
            throw new MalformedLineException(item.line(), item.reason(), item.content());
        }
        if (item == null) {
            ended = true;
            return null;
        }
        return item.row();
    }

    @Override
    public Serializable checkpointInfo() {
        if (rows == null) {
            return settled;
        }
        if (!lastReadSkipped) {
            settled = consumed;
        }
        long size = rows.size();
        progress.report(rows.bytesRead(), size < 0 ? 0 : size);
        return settled;
    }

    @Override
    public void close() throws IOException {
        closing = true;
        if (parser != null) {
            parser.interrupt();
            try {
                parser.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rows != null) {
            rows.close();
        }
    }
}
