package fr.asp.segur.application.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A payment batch as the supervisor sees it: for an open batch, {@code count} and {@code total} are
 * what it holds now (shown before export); for an exported one, what its file carries.
 */
public record BatchView(long id, LocalDate date, String status, String statusLabel, String messageId, int count,
                        BigDecimal total, int avances, int soldes, LocalDateTime exportedAt, String exportedBy) {

    public boolean exported() {
        return "EXPORTE".equals(status);
    }
}
