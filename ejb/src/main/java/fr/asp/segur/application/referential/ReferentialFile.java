package fr.asp.segur.application.referential;

import fr.asp.segur.application.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * A referential file (ANS list, ECB list) read record by record, with each record's line number in
 * the file (the header is line 1) and the bytes read so far out of the file's size, for the import
 * jobs' skip reports and progress bar. The encoding comes from the byte order mark: UTF-8 and UTF-16
 * (the ECB's download) with a BOM, UTF-8 without one.
 */
public final class ReferentialFile implements AutoCloseable {

    /** One record and the number of the line it starts on. */
    public record Line(long number, CSVRecord record) {
        /** The line as read, its fields joined again (for the skip report). */
        public String content(char delimiter) {
            return String.join(String.valueOf(delimiter), record.values());
        }
    }

    private final BoundedInputStream counter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final long size;
    private long read;

    private ReferentialFile(URL url, CSVFormat format) throws IOException {
        URLConnection connection = url.openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(120_000);
        long length = connection.getContentLengthLong();
        counter = BoundedInputStream.builder().setInputStream(connection.getInputStream()).get();
        BOMInputStream unmarked = BOMInputStream.builder().setInputStream(counter)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
        String bom = unmarked.getBOMCharsetName();
        Charset charset = bom == null ? StandardCharsets.UTF_8 : Charset.forName(bom);
        Reader reader = new InputStreamReader(unmarked, charset);
        parser = format.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
        records = parser.iterator();
        size = length;
    }

    /**
     * Opens the file at {@code location} (a path or a URL); when blank, the one named by the system
     * property; when that is unset too, the sample file shipped in the persistence module.
     */
    public static ReferentialFile open(String location, String systemProperty, String sampleResource,
                                       CSVFormat format) {
        try {
            return new ReferentialFile(locate(location, systemProperty, sampleResource), format);
        } catch (IOException e) {
            throw new UncheckedIOException("Referential file " + describe(location, systemProperty, sampleResource)
                    + " cannot be read", e);
        }
    }

    static URL locate(String location, String systemProperty, String sampleResource) throws MalformedURLException {
        String chosen = location == null || location.isBlank() ? Settings.optional(systemProperty).orElse(null) : location;
        if (chosen == null || chosen.isBlank()) {
            URL sample = ReferentialFile.class.getClassLoader().getResource(sampleResource);
            if (sample == null) {
                throw new IllegalStateException("Missing sample referential " + sampleResource);
            }
            return sample;
        }
        String trimmed = chosen.trim();
        return trimmed.matches("(?i)(https?|file|ftp):.*") ? URI.create(trimmed).toURL() : Path.of(trimmed).toUri().toURL();
    }

    private static String describe(String location, String systemProperty, String sampleResource) {
        return location != null && !location.isBlank() ? location
                : Settings.string(systemProperty, "sample " + sampleResource);
    }

    /** The next record, or null at the end of the file. */
    public Line next() {
        long number = parser.getCurrentLineNumber() + 1;
        try {
            CSVRecord record = records.next();
            read++;
            return new Line(number, record);
        } catch (NoSuchElementException end) {
            return null;
        }
    }

    /** Passes over the first {@code count} records (those a previous execution already committed). */
    public void skip(long count) {
        while (read < count && next() != null) {
            // passed over
        }
    }

    /** Records read so far (the checkpoint). */
    public long recordsRead() {
        return read;
    }

    /** Bytes read so far from the file. */
    public long bytesRead() {
        return counter.getCount();
    }

    /** The file's size in bytes, or -1 when its source does not say. */
    public long size() {
        return size;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
