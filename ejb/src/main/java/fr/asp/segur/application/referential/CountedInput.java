package fr.asp.segur.application.referential;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Arrays;

/**
 * A referential file opened as bytes: located like the other referentials (a path or URL, else the system
 * property, else the sample shipped in the persistence module), counting the bytes read for the progress
 * bar, and able to show its first bytes so that the format can be told by content, not by name.
 */
final class CountedInput extends FilterInputStream {

    private volatile long count;
    private final long size;

    private CountedInput(InputStream in, long size) {
        super(in);
        this.size = size;
    }

    /**
     * @return the file, or null when no location is given, the property is unset and sample data is off
     *         ({@code -Dsegur.sample-data=false}: a production server never imports the demo's invented clients)
     */
    static CountedInput open(String location, String systemProperty, String sampleResource) throws IOException {
        boolean named = (location != null && !location.isBlank())
                || (System.getProperty(systemProperty) != null && !System.getProperty(systemProperty).isBlank());
        if (!named && "false".equalsIgnoreCase(System.getProperty("segur.sample-data", "true"))) {
            return null;
        }
        URL url = ReferentialFile.locate(location, systemProperty, sampleResource);
        URLConnection connection = url.openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(120_000);
        long length = connection.getContentLengthLong();
        return new CountedInput(new BufferedInputStream(connection.getInputStream(), 1 << 16), length);
    }

    /** Wraps an open stream (tests, the sample loader). */
    static CountedInput of(InputStream in, long size) {
        return new CountedInput(in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16), size);
    }

    /** The first {@code n} bytes, without consuming them. */
    byte[] peek(int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return Arrays.copyOf(head, head.length);
    }

    long count() {
        return count;
    }

    long size() {
        return size;
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

    @Override
    public boolean markSupported() {
        return false;
    }
}
