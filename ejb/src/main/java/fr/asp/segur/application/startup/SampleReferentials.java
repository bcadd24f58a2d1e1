package fr.asp.segur.application.startup;

import fr.asp.segur.application.referential.FinessFormat;
import fr.asp.segur.application.referential.ReferentialRows;
import fr.asp.segur.application.referential.ReferentialTable;
import fr.asp.segur.application.referential.RppsFormat;
import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.referential.SireneFormat;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.logging.Logger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import fr.asp.segur.application.referential.AnsSolutionFormat;
import fr.asp.segur.application.referential.EcbBankFormat;
import fr.asp.segur.domain.referential.AnsSolution;
import fr.asp.segur.domain.referential.BankInstitution;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Installs the sample referentials shipped in the persistence module (sample/: ANS solutions, SIRENE
 * establishments and legal units in INSEE's own format, French banks in the ECB's format, FINESS
 * establishments and RPPS professionals in their directories' formats) into empty
 * referential tables, so that the portal works offline out of the box. Turned off with
 * {@code -Dsegur.sample-data=false}; never touches a referential that already has rows.
 */
@Singleton
@PermitAll
@Startup
@DependsOn("DatabaseMigration")
public class SampleReferentials {

    private static final Logger LOG = Logger.getLogger(SampleReferentials.class.getName());
    private static final int BATCH = 500;

    @Resource(lookup = "java:jboss/datasources/SegurDS")
    private DataSource dataSource;

    @PostConstruct
    void install() {
        if (!Settings.bool("segur.sample-data", true)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (isEmpty(c, "ans_solution")) {
                LOG.info(() -> "Sample ANS solutions: " + ansSolutions(c));
            }
            if (isEmpty(c, "sirene_legal_unit")) {
                LOG.info(() -> "Sample SIRENE legal units: " + legalUnits(c));
            }
            if (isEmpty(c, "sirene_establishment")) {
                LOG.info(() -> "Sample SIRENE establishments: " + establishments(c));
            }
            if (isEmpty(c, "bank_institution")) {
                LOG.info(() -> "Sample banks: " + banks(c));
            }
            if (isEmpty(c, "finess_establishment")) {
                LOG.info(() -> "Sample FINESS establishments: " + clientRows(c, FinessFormat.SAMPLE, FinessFormat.TABLE)
                        + " (extraction), " + clientRows(c, FinessFormat.SAMPLE_JSON, FinessFormat.TABLE) + " (JSON feed)");
            }
            if (isEmpty(c, "rpps_professional")) {
                LOG.info(() -> "Sample RPPS professionals: " + clientRows(c, RppsFormat.SAMPLE, RppsFormat.TABLE));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Installing the sample referentials failed", e);
        }
    }

    private static boolean isEmpty(Connection c, String table) throws SQLException {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    private int ansSolutions(Connection c) {
        return load(c, AnsSolutionFormat.SAMPLE, AnsSolutionFormat.CSV,
                "insert into ans_solution (referencing_number, software_name, software_version, editor_siren, "
                        + "editor_name, couloir, software_type, dsr, wave, referencing_date, status, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (r, ps) -> {
                    AnsSolution s = AnsSolutionFormat.parse(r);
                    ps.setString(1, s.getReferencingNumber());
                    ps.setString(2, s.getSoftwareName());
                    ps.setString(3, s.getSoftwareVersion());
                    ps.setString(4, s.getEditorSiren());
                    ps.setString(5, s.getEditorName());
                    ps.setString(6, s.getCouloir());
                    ps.setString(7, s.getSoftwareType());
                    ps.setString(8, s.getDsr());
                    ps.setInt(9, s.getWave());
                    ps.setDate(10, s.getReferencingDate() == null ? null : Date.valueOf(s.getReferencingDate()));
                    ps.setString(11, s.getStatus().name());
                    ps.setTimestamp(12, Timestamp.valueOf(s.getUpdatedAt()));
                });
    }

    private int legalUnits(Connection c) {
        return loadSirene(c, "sample/StockUniteLegale_utf8.csv", SireneFormat.LEGAL_UNITS);
    }

    private int establishments(Connection c) {
        return loadSirene(c, "sample/StockEtablissement_utf8.csv", SireneFormat.ESTABLISHMENTS);
    }

    /** INSEE's format through the same mapping as the sirene-sync job; the sample has no bad line. */
    private int loadSirene(Connection c, String resource, SireneFormat format) {
        String sql = "insert into " + format.table() + " (" + String.join(", ", format.columns()) + ") values ("
                + String.join(", ", Collections.nCopies(format.columns().size(), "?")) + ")";
        SireneFormat.Mapper[] mapper = new SireneFormat.Mapper[1];
        return load(c, resource, CSVFormat.RFC4180, sql, (r, ps) -> {
            String[] row;
            try {
                if (mapper[0] == null) {
                    mapper[0] = format.mapper(r.getParser().getHeaderNames());
                }
                row = mapper[0].row(r);
            } catch (SireneFormat.InvalidLineException e) {
                throw new IllegalStateException(resource + " line " + r.getRecordNumber() + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < row.length; i++) {
                if (format.isBoolean(i)) {
                    ps.setBoolean(i + 1, Boolean.parseBoolean(row[i]));
                } else if (format.isTimestamp(i)) {
                    setTimestamp(ps, i + 1, row[i]);
                } else {
                    ps.setString(i + 1, row[i]);
                }
            }
        });
    }

    /**
     * A client referential's sample through the same parser as the finess-sync / rpps-sync jobs (the two
     * FINESS samples hold different numbers: plain inserts do); the samples have no bad line.
     */
    private int clientRows(Connection c, String resource, ReferentialTable table) {
        String sql = "insert into " + table.table() + " (" + String.join(", ", table.columns()) + ") values ("
                + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
        int rows = 0;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
             ReferentialRows file = table == RppsFormat.TABLE ? RppsFormat.read(in) : FinessFormat.read(in);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (ReferentialRows.Item item = file.next(); item != null; item = file.next()) {
                if (!item.isValid()) {
                    throw new IllegalStateException(resource + " line " + item.line() + ": " + item.reason());
                }
                String[] row = item.row();
                for (int i = 0; i < row.length; i++) {
                    if (table.isBoolean(i)) {
                        ps.setBoolean(i + 1, Boolean.parseBoolean(row[i]));
                    } else if (table.isTimestamp(i)) {
                        setTimestamp(ps, i + 1, row[i]);
                    } else {
                        ps.setString(i + 1, row[i]);
                    }
                }
                ps.addBatch();
                if (++rows % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Loading " + resource + " failed at row " + rows, e);
        }
        return rows;
    }

    /** French institutions only, as the bank-referential-sync job keeps them (same parser). */
    private int banks(Connection c) {
        return load(c, EcbBankFormat.SAMPLE, EcbBankFormat.TSV, r -> EcbBankFormat.parse(r).isPresent(),
                "insert into bank_institution (bank_code, bic, name, address, postal_code, city) values (?, ?, ?, ?, ?, ?)",
                (r, ps) -> {
                    BankInstitution b = EcbBankFormat.parse(r).orElseThrow();
                    ps.setString(1, b.getBankCode());
                    ps.setString(2, b.getBic());
                    ps.setString(3, b.getName());
                    ps.setString(4, b.getAddress());
                    ps.setString(5, b.getPostalCode());
                    ps.setString(6, b.getCity());
                });
    }

    private interface RowBinder {
        void bind(CSVRecord record, PreparedStatement statement) throws SQLException;
    }

    private int load(Connection c, String resource, CSVFormat format, String sql, RowBinder binder) {
        return load(c, resource, format, record -> true, sql, binder);
    }

    /** Loads the records that {@code keep} accepts. */
    private int load(Connection c, String resource, CSVFormat format, Predicate<CSVRecord> keep, String sql,
                     RowBinder binder) {
        int rows = 0;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing sample referential " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                 CSVParser parser = format.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
                 PreparedStatement ps = c.prepareStatement(sql)) {
                for (CSVRecord record : parser) {
                    if (!keep.test(record)) {
                        continue;
                    }
                    binder.bind(record, ps);
                    ps.addBatch();
                    if (++rows % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Loading " + resource + " failed at row " + rows, e);
        }
        return rows;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void setTimestamp(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null || value.isBlank()) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            String v = value.trim();
            ps.setTimestamp(index, Timestamp.valueOf(v.length() == 10 ? LocalDate.parse(v).atStartOfDay()
                    : LocalDateTime.parse(v)));
        }
    }
}
