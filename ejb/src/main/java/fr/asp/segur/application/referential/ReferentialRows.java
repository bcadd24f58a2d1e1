package fr.asp.segur.application.referential;

import java.io.IOException;
import java.util.List;

/**
 * A client referential file (FINESS, RPPS) read as mapped rows of a {@link ReferentialTable}, one
 * {@link Item} at a time, in constant memory whatever the file's size. The position is counted in
 * <em>units</em> of the file (a line of a text file, an object of the FINESS JSON feed): {@link #consumed()}
 * is the number of units up to the end of the last item returned, which a restarted job passes over
 * with {@link #skip(long)}.
 */
public interface ReferentialRows extends AutoCloseable {

    /** The next item, or null at the end of the file. */
    Item next() throws IOException;

    /** Units of the file up to the end of the last item returned (lines or objects filtered on the way included). */
    long consumed();

    /** Passes over the first {@code units} units (read, not mapped) of a freshly opened file. */
    void skip(long units) throws IOException;

    /** Bytes read so far from the file itself, for the progress bar. */
    long bytesRead();

    /** The file's size in bytes, or -1 when its source did not say. */
    long size();

    @Override
    void close() throws IOException;

    /**
     * A mapped row, or an unusable line with its French reason and (possibly shortened) content; {@code line}
     * is the line number in the file (header or first line = 1) where the item starts.
     */
    record Item(long line, String[] row, String reason, String content) {
        public static Item valid(long line, String[] row) {
            return new Item(line, row, null, null);
        }

        public static Item invalid(long line, String reason, String content) {
            return new Item(line, null, reason, content);
        }

        public boolean isValid() {
            return row != null;
        }
    }

    /** A {@link ReferentialTable} described by its columns, the boolean and timestamp ones named. */
    record Table(String table, String key, List<String> columns, List<String> booleans, List<String> timestamps)
            implements ReferentialTable {
        @Override
        public boolean isTimestamp(int column) {
            return timestamps.contains(columns.get(column));
        }

        @Override
        public boolean isBoolean(int column) {
            return booleans.contains(columns.get(column));
        }
    }
}
