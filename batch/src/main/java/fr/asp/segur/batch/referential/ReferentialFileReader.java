package fr.asp.segur.batch.referential;

import fr.asp.segur.application.referential.AnsSolutionFormat;
import fr.asp.segur.application.referential.EcbBankFormat;
import fr.asp.segur.application.referential.ReferentialFile;
import fr.asp.segur.batch.support.ProgressReporter;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Reads a referential file record by record ({@link ReferentialFile.Line}: line number and record).
 * Property {@code format}: {@code ans} (our CSV) or {@code ecb} (the ECB's tab-separated list);
 * {@code source}: a path or URL, else the system property of the format, else the sample file.
 * The checkpoint is the number of records read: a restart reopens the file and passes over them.
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

    private ReferentialFile file;

    @Override
    public void open(Serializable checkpoint) {
        file = "ecb".equals(format)
                ? ReferentialFile.open(source, EcbBankFormat.SOURCE_PROPERTY, EcbBankFormat.SAMPLE, EcbBankFormat.TSV)
                : ReferentialFile.open(source, AnsSolutionFormat.SOURCE_PROPERTY, AnsSolutionFormat.SAMPLE,
                        AnsSolutionFormat.CSV);
        if (checkpoint != null) {
            file.skip((Long) checkpoint);
        }
    }

    @Override
    public Object readItem() {
        return file.next();
    }

    @Override
    public Serializable checkpointInfo() {
        long size = file.size();
        progress.report(file.bytesRead(), size < 0 ? 0 : size);
        return file.recordsRead();
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
