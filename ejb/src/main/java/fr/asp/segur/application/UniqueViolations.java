package fr.asp.segur.application;

import java.sql.SQLException;

/**
 * Whether a failure is the database refusing a duplicate key (SQLState 23505, PostgreSQL and H2): how a
 * rule enforced by a unique constraint (one claim per client and call, one deposit per file) tells a lost
 * race from any other error.
 */
public final class UniqueViolations {

    static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
