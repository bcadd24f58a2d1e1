package fr.asp.segur.application.referential;

import java.util.List;

/**
 * A referential table fed by rows of text (one value per column, {@code null} for empty), as a file
 * mapping produces them: what the batch jobs' staged upsert needs to know to COPY, compare and merge
 * them. The row's {@code last_processed_at} column, when it has one, is the source's own date of the
 * row (never the clock): an older row never replaces a newer one.
 */
public interface ReferentialTable {

    /** The table's name. */
    String table();

    /** The table's key column. */
    String key();

    /** The table's columns, in the order of a mapped row. */
    List<String> columns();

    /** Whether the row's value at this index is a timestamp (ISO text), for typed JDBC binding. */
    boolean isTimestamp(int column);

    /** Whether the row's value at this index is a boolean ("true"/"false"). */
    boolean isBoolean(int column);
}
