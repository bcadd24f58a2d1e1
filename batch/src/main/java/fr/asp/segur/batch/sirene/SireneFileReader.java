package fr.asp.segur.batch.sirene;

import fr.asp.segur.application.referential.SireneFormat;
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
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one SIRENE stock or delta file (ZIP as INSEE publishes it, or plain CSV; a path or a URL)
 * line by line and maps each line with {@link SireneFormat}. Its checkpoint is the number of lines
 * handed to the step: a restart re-opens the file and skips them (read and parsed, never written again).
 * An unusable line becomes a {@link MalformedLineException} with its line number (the header is line 1).
 * <p>
 * Inflating and parsing run ahead on a thread of the server's {@code ManagedThreadFactory}, at most
 * {@link #AHEAD} lines ahead, so that they overlap with the writer's work in the database (two cores
 * instead of one). Lines are still handed out in file order by {@link #readItem()}.
 */
@Named
@Dependent
public class SireneFileReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(SireneFileReader.class.getName());
    private static final int BATCH = 500;
    static final int AHEAD = 20_000;
    private static final List<Object> END = List.of();

    @Inject
    @BatchProperty
    private String file;
    /** "establishments" or "legal-units". */
    @Inject
    @BatchProperty
    private String kind;
    @Inject
    private ProgressReporter progress;
    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    private ManagedThreadFactory threads;

    private SireneInput input;
    private final BlockingQueue<List<Object>> ahead = new ArrayBlockingQueue<>(AHEAD / BATCH);
    private Thread parser;
    private volatile boolean closing;
    private Iterator<Object> current;
    private boolean ended;
    private long consumed;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        SireneFormat format = format(kind);
        if (file == null || file.isBlank()) {
            LOG.info(() -> "No " + kind + " file given: step " + kind + " has nothing to read");
            ended = true;
            return;
        }
        input = SireneInput.open(file.trim());
        SireneFormat.Mapper mapper;
        try {
            mapper = format.mapper(input.header());
        } catch (SireneFormat.InvalidLineException e) {
            throw new IllegalArgumentException("Fichier " + file + " : " + e.getMessage(), e);
        }
        Iterator<CSVRecord> records = input.records();
        long skip = checkpoint == null ? 0 : (Long) checkpoint;
        while (consumed < skip && records.hasNext()) {
            records.next();
            consumed++;
        }
        if (skip > 0) {
            LOG.info(() -> "Step " + kind + " resumes " + file + " after " + consumed + " lines");
        }
        parser = threads.newThread(() -> parse(records, mapper));
        parser.start();
    }

    /** The parsing thread: mapped rows, MalformedLineExceptions and a fatal error, in file order. */
    private void parse(Iterator<CSVRecord> records, SireneFormat.Mapper mapper) {
        try {
            List<Object> batch = new ArrayList<>(BATCH);
            while (!closing && records.hasNext()) {
                CSVRecord record = records.next();
                try {
                    batch.add(mapper.row(record));
                } catch (SireneFormat.InvalidLineException e) {
                    batch.add(new MalformedLineException(input.lineNumber(), e.getMessage(), raw(record)));
                }
                if (batch.size() == BATCH) {
                    ahead.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                ahead.put(batch);
            }
            ahead.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // e.g. an unterminated quote: the file cannot be read further; the step fails on it
            try {
                ahead.put(List.of(new Fatal(e)));
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
            List<Object> next = ahead.take();
            if (next == END) {
                ended = true;
                return null;
            }
            current = next.iterator();
        }
        Object item = current.next();
        consumed++;
        if (item instanceof MalformedLineException malformed) {
            throw malformed;
        }
        if (item instanceof Fatal fatal) {
            throw new IllegalStateException("Fichier " + file + " illisible après la ligne " + consumed + " : "
                    + fatal.error.getMessage(), fatal.error);
        }
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        if (input != null) {
            progress.report(input.bytesRead(), input.size());
        }
        return consumed;
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
        if (input != null) {
            input.close();
        }
    }

    static SireneFormat format(String kind) {
        return switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
            case "establishments" -> SireneFormat.ESTABLISHMENTS;
            case "legal-units" -> SireneFormat.LEGAL_UNITS;
            default -> throw new IllegalArgumentException("Unknown SIRENE file kind " + kind);
        };
    }

    private static String raw(CSVRecord record) {
        return String.join(",", record.values());
    }

    private record Fatal(RuntimeException error) {
    }
}
