/*
 * Portail SEGUR Numérique - SIRET lookup latency on a loaded SIRENE referential.
 *
 *   java -cp postgresql.jar bench/sirene/LookupBench.java jdbc:postgresql://127.0.0.1:5432/DB [lookups] [warmup]
 *
 * Times, for random SIRETs of the table (plus 10 % unknown ones), exactly the two statements
 * ReferentialService.activeCompany makes EclipseLink run: the establishment by its key, then its legal
 * unit by its key. Each lookup is timed from the statement's execution to the last row read, on the
 * server's machine over loopback JDBC (so the figure includes the driver and the socket, not a browser).
 * Prints p50, p95, p99 and max in milliseconds.
 */

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

public class LookupBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            long rows;
            List<String> sirets = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select count(*) from sirene_establishment")) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                // Sampled pages spread over the whole table; then shuffled.
                double percent = Math.min(100.0, 300.0 * (lookups + warmup) / Math.max(1, rows));
                try (ResultSet rs = s.executeQuery("select siret from sirene_establishment tablesample system ("
                        + percent + ") repeatable (42) limit " + (lookups + warmup))) {
                    while (rs.next()) {
                        sirets.add(rs.getString(1));
                    }
                }
            }
            Random random = new Random(42);
            Collections.shuffle(sirets, random);
            for (int i = 0; i < sirets.size(); i += 10) {
                sirets.set(i, String.format("%014d", Math.abs(random.nextLong()) % 100_000_000_000_000L));
            }
            try (PreparedStatement establishment = c.prepareStatement("SELECT siret, address_complement, city,"
                    + " head_office, last_processed_at, postal_code, repetition_index, sign_name, siren, state,"
                    + " street_name, street_number, street_type, usual_name FROM sirene_establishment WHERE (siret = ?)");
                 PreparedStatement unit = c.prepareStatement("SELECT siren, denomination, last_processed_at, state"
                    + " FROM sirene_legal_unit WHERE (siren = ?)")) {
                warmup = Math.min(warmup, sirets.size() / 5);
                double[] millis = new double[Math.min(lookups, sirets.size() - warmup)];
                for (int i = 0; i < warmup + millis.length; i++) {
                    long t0 = System.nanoTime();
                    establishment.setString(1, sirets.get(i));
                    String siren = null;
                    try (ResultSet rs = establishment.executeQuery()) {
                        if (rs.next()) {
                            siren = rs.getString("siren");
                        }
                    }
                    if (siren != null) {
                        unit.setString(1, siren);
                        try (ResultSet rs = unit.executeQuery()) {
                            rs.next();
                        }
                    }
                    long t1 = System.nanoTime();
                    if (i >= warmup) {
                        millis[i - warmup] = (t1 - t0) / 1e6;
                    }
                }
                Arrays.sort(millis);
                System.out.printf("establishments=%d lookups=%d p50=%.3f ms p95=%.3f ms p99=%.3f ms max=%.3f ms%n",
                        rows, millis.length, pct(millis, 50), pct(millis, 95), pct(millis, 99), millis[millis.length - 1]);
            }
        }
    }

    static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
