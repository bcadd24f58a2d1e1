package fr.asp.segur.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the portal's PostgreSQL test database (the test.db.* properties) to check what a journey stored. */
final class Database {

    private Database() {
    }

    static Map<String, Object> request(String requestNumber) {
        List<Map<String, Object>> rows = rows("select id, status, siret, filer_is_representative, tiers_quality, "
                + "distributor, denomination, referential_denomination, editor_name, referencing_number, iban, bic, "
                + "bank_domiciliation, siret_verification, street_number, street_type, street_name, postal_code, city "
                + "from enrolment_request where request_number = ?", requestNumber);
        if (rows.size() != 1) {
            throw new AssertionError("Expected one enrolment_request " + requestNumber + ", found " + rows.size());
        }
        return rows.get(0);
    }

    static List<String> documentKinds(long requestId) {
        return rows("select kind from document where request_id = ? order by kind", requestId).stream()
                .map(r -> (String) r.get("kind")).toList();
    }

    /** role -> the person's columns, for the people named in a request. */
    static Map<String, Map<String, Object>> people(long requestId) {
        Map<String, Map<String, Object>> byRole = new LinkedHashMap<>();
        for (Map<String, Object> row : rows("select role, last_name, first_name, email, phone from request_person "
                + "where request_id = ? order by role", requestId)) {
            byRole.put((String) row.get("role"), row);
        }
        return byRole;
    }

    static long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    /** Runs an insert or update (test set-up only). */
    static void update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(System.getProperty("test.db.url"),
                System.getProperty("test.db.user"), System.getProperty("test.db.password"));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * A supplier account (role fournisseur) for one company, with the demo accounts' password (its hash copied
     * from the demo agent's).
     */
    static void supplierAccount(String login, String siret) {
        update("insert into app_account (login, email, display_name, password_hash, enabled, failed_logins, "
                + "created_at, version) select ?, ?, 'Fournisseur de test', password_hash, true, 0, current_timestamp, 0 "
                + "from app_account where login = 'agent@asp-public.fr'", login, login);
        update("insert into account_role (account_id, role) select id, 'fournisseur' from app_account where login = ?",
                login);
        update("insert into account_company (account_id, siret) select id, ? from app_account where login = ?",
                siret, login);
    }

    static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(System.getProperty("test.db.url"),
                System.getProperty("test.db.user"), System.getProperty("test.db.password"));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
