package fr.asp.segur.batch.sirene;

import fr.asp.segur.application.referential.SireneFormat;
import fr.asp.segur.batch.support.MalformedLineException;
import fr.asp.segur.batch.support.ProgressReporter;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Locale;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one SIRENE stock or delta file (ZIP as INSEE publishes it, or plain CSV; a path or a URL)
 * line by line and maps each line with {@link SireneFormat}. Its checkpoint is the number of lines
 * consumed: a restart re-opens the file and skips them (read and parsed, never written again).
 * An unusable line becomes a {@link MalformedLineException} with its line number (the header is line 1).
 */
@Named
@Dependent
public class SireneFileReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(SireneFileReader.class.getName());

    @Inject
    @BatchProperty
    private String file;
    /** "establishments" or "legal-units". */
    @Inject
    @BatchProperty
    private String kind;
    @Inject
    private ProgressReporter progress;

    private SireneInput input;
    private Iterator<CSVRecord> records;
    private SireneFormat.Mapper mapper;
    private long consumed;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        SireneFormat format = format(kind);
        if (file == null || file.isBlank()) {
            LOG.info(() -> "No " + kind + " file given: step " + kind + " has nothing to read");
            return;
        }
        input = SireneInput.open(file.trim());
        try {
            mapper = format.mapper(input.header());
        } catch (SireneFormat.InvalidLineException e) {
            throw new IllegalArgumentException("Fichier " + file + " : " + e.getMessage(), e);
        }
        records = input.records();
        long skip = checkpoint == null ? 0 : (Long) checkpoint;
        while (consumed < skip && records.hasNext()) {
            records.next();
            consumed++;
        }
        if (skip > 0) {
            LOG.info(() -> "Step " + kind + " resumes " + file + " after line " + (consumed + 1));
        }
    }

    @Override
    public Object readItem() throws Exception {
        if (records == null || !records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        consumed++;
        try {
            return mapper.row(record);
        } catch (SireneFormat.InvalidLineException e) {
            throw new MalformedLineException(input.lineNumber(), e.getMessage(), raw(record));
        }
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
}
