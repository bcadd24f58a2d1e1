package fr.asp.segur.batch.referential;

import fr.asp.segur.application.referential.AnsSolutionFormat;
import fr.asp.segur.application.referential.EcbBankFormat;
import fr.asp.segur.application.referential.ReferentialFile;
import fr.asp.segur.batch.support.ProgressReporter;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Reads a referential file record by record ({@link ReferentialFile.Line}: line number and record).
 * Property {@code format}: {@code ans} (our CSV) or {@code ecb} (the ECB's tab-separated list);
 * {@code source}: a path or URL, else the system property of the format, else the sample file.
 * The checkpoint is the number of records read whose fate is settled (written, filtered or skipped):
 * a restart reopens the file and passes over them.
 *
 * <p>Why "settled" rather than "read": JBeret also asks for the checkpoint when it skips an item in the
 * middle of a chunk, and keeps that value; if the chunk then fails (skip limit exceeded), the step is
 * saved with it, and a restart would pass over the chunk's good lines that were rolled back, which the
 * final step would then withdraw. Counting only settled records (the step's metrics: every read record
 * written, filtered or skipped) keeps the checkpoint at the last write.
 */
@Named
@Dependent
public class ReferentialFileReader extends AbstractItemReader {

    @Inject
    @BatchProperty(name = "format")
    private String format;
    @Inject
    @BatchProperty(name = "source")
    private String source;
    @Inject
    private ProgressReporter progress;
    @Inject
    private StepContext step;

    private ReferentialFile file;
    private long settled;

    @Override
    public void open(Serializable checkpoint) {
        file = "ecb".equals(format)
                ? ReferentialFile.open(source, EcbBankFormat.SOURCE_PROPERTY, EcbBankFormat.SAMPLE, EcbBankFormat.TSV)
                : ReferentialFile.open(source, AnsSolutionFormat.SOURCE_PROPERTY, AnsSolutionFormat.SAMPLE,
                        AnsSolutionFormat.CSV);
        if (checkpoint != null) {
            settled = (Long) checkpoint;
            file.skip(settled);
        }
    }

    @Override
    public Object readItem() {
        return file.next();
    }

    @Override
    public Serializable checkpointInfo() {
        if (noRecordAwaitsWriting()) {
            settled = file.recordsRead();
        }
        long size = file.size();
        progress.report(file.bytesRead(), size < 0 ? 0 : size);
        return settled;
    }

    /** In this execution, every record read was written, filtered or skipped. */
    private boolean noRecordAwaitsWriting() {
        long read = 0;
        long settledItems = 0;
        for (Metric metric : step.getMetrics()) {
            switch (metric.getType()) {
                case READ_COUNT -> read += metric.getValue();
                case WRITE_COUNT, FILTER_COUNT, PROCESS_SKIP_COUNT -> settledItems += metric.getValue();
                default -> { }
            }
        }
        return read == settledItems;
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
