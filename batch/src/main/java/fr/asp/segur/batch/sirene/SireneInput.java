package fr.asp.segur.batch.sirene;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A SIRENE file opened as a stream of CSV records: a local path or a URL, a ZIP holding the CSV (the
 * first {@code .csv} entry, read straight from the archive, never unpacked to disk) or a plain CSV
 * (recognised by its first bytes, not its name). Counts the bytes read from the file itself, compressed
 * or not, for the progress bar. Memory stays constant whatever the size.
 */
final class SireneInput implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final CountingInputStream counted;
    private final long size;
    private final CSVParser parser;

    private SireneInput(CountingInputStream counted, long size, CSVParser parser) {
        this.counted = counted;
        this.size = size;
        this.parser = parser;
    }

    static SireneInput open(String location) throws IOException {
        InputStream raw;
        long size;
        if (location.matches("(?i)(https?|file):.*")) {
            URLConnection connection = URI.create(location).toURL().openConnection();
            raw = connection.getInputStream();
            size = connection.getContentLengthLong();
        } else {
            Path path = Path.of(location);
            raw = Files.newInputStream(path);
            size = Files.size(path);
        }
        CountingInputStream counted = new CountingInputStream(raw);
        try {
            BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
            buffered.mark(4);
            byte[] magic = buffered.readNBytes(4);
            buffered.reset();
            InputStream csv = buffered;
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                ZipInputStream zip = new ZipInputStream(buffered, StandardCharsets.UTF_8);
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null && !entry.getName().toLowerCase().endsWith(".csv")) {
                    // INSEE's archives hold one CSV; anything else is passed over
                }
                if (entry == null) {
                    throw new IOException("No CSV entry in the archive " + location);
                }
                csv = new BufferedInputStream(zip, 1 << 16);
            }
            Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
            return new SireneInput(counted, size, FORMAT.parse(reader));
        } catch (IOException | RuntimeException e) {
            counted.close();
            throw e;
        }
    }

    List<String> header() {
        return parser.getHeaderNames();
    }

    Iterator<CSVRecord> records() {
        return parser.iterator();
    }

    /** The line number of the record last read, the header being line 1. */
    long lineNumber() {
        return parser.getCurrentLineNumber();
    }

    long bytesRead() {
        return counted.count;
    }

    /** The file's size in bytes, or -1 when the server did not say. */
    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            counted.close();
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
