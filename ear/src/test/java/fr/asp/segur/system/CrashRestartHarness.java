package fr.asp.segur.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Proves that a batch job killed with SIGKILL in the middle of its work, then restarted from its last
 * checkpoint after the server comes back, leaves exactly the tables an uninterrupted run leaves.
 * Reusable for any job of the batch module: give it the job, its parameters, the tables it fills
 * (each with its key, for the checksum) and a query saying how much has been committed so far.
 * <ol>
 * <li>its own database (the test database's name + "_crash") and its own {@link PrivateServer};</li>
 * <li>the scenario's set-up statements (e.g. rows the file no longer lists), an uninterrupted run, then
 * the checksum of each table ({@code md5} of every row in key order, leaving out the columns that only
 * say when a run happened or which sequence value it drew) and the result of each check query;</li>
 * <li>the tables emptied, the set-up statements again, the same job started again, SIGKILL as soon as the progress query says work
 * was committed, the server started again, the execution restarted through WildFly's management
 * operation {@code restart-job} (JBeret sees that no job of the new server runs it, marks it FAILED and
 * restarts it from its last checkpoint);</li>
 * <li>the checksums compared.</li>
 * </ol>
 * The restart can also go through the portal's "Traitements" screen ({@link Restart#ADMIN_SCREEN}).
 * Several scenarios can share one server and database ({@link #run(List)}), one after the other.
 */
final class CrashRestartHarness {

    static final String SUBSYSTEM = "/deployment=segur.ear/subdeployment=segur-batch.jar/subsystem=batch-jberet";

    /**
     * @param tables        table name -> its key columns (the checksum's order)
     * @param progressQuery one number: how much work is committed (e.g. rows in the target table)
     * @param killAt        the kill comes as soon as the progress query reaches this number
     * @param setUp         statements run before each of the two runs (after the tables are emptied)
     * @param volatileColumns columns left out of the checksums: their values depend on when the run
     *                      happened (updated_at) or on the sequence values it drew (id)
     * @param checks        queries (one value each) run after each run, compared like the checksums
     * @param restart       how the killed execution is restarted once the server is back
     */
    record Scenario(String jobName, Map<String, String> parameters, Map<String, String> tables, String progressQuery,
                    long killAt, List<String> setUp, List<String> volatileColumns, List<String> checks,
                    Restart restart) {

        Scenario(String jobName, Map<String, String> parameters, Map<String, String> tables, String progressQuery,
                 long killAt) {
            this(jobName, parameters, tables, progressQuery, killAt, List.of(), List.of(), List.of(),
                    Restart.MANAGEMENT_OPERATION);
        }
    }

    /** Who restarts the killed execution. */
    enum Restart {
        /** WildFly's management operation {@code restart-job}, through jboss-cli. */
        MANAGEMENT_OPERATION,
        /**
         * An administrator logged in through the portal's form who presses "Relancer" on the
         * "Traitements" screen: the portal's own path (BatchJobs.restart, JobLauncher), which must
         * see the execution left STARTED by the dead server as an orphan it can restart.
         */
        ADMIN_SCREEN
    }

    /** What happened: checksums of both runs, the progress at the kill, and the rows read after the restart. */
    record Outcome(Map<String, String> uninterrupted, Map<String, String> crashedAndRestarted, long committedAtKill,
                   long readBeforeKill, long readAfterRestart, String restartedStatus) {
    }

    private final String dbUrl;
    private final int portOffset;

    CrashRestartHarness() {
        String testDb = System.getProperty("test.db.url");
        this.dbUrl = testDb + "_crash";
        this.portOffset = Integer.getInteger("test.crash.port.offset",
                Integer.getInteger("test.port.offset", 0) + 50);
    }

    Outcome run(Scenario scenario) throws Exception {
        return run(List.of(scenario)).get(0);
    }

    /** Runs the scenarios one after the other on the same server and database; their outcomes in order. */
    List<Outcome> run(List<Scenario> scenarios) throws Exception {
        recreateDatabase();
        try (PrivateServer server = new PrivateServer("crash-server", portOffset, dbUrl)) {
            server.start();
            List<Outcome> outcomes = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                outcomes.add(run(server, scenario));
            }
            return outcomes;
        } finally {
            dropDatabase();
        }
    }

    private Outcome run(PrivateServer server, Scenario scenario) throws Exception {
        for (String statement : scenario.setUp()) {
            execute(statement);
        }
        long first = start(server, scenario);
        String status = awaitEnd(first);
        if (!status.equals("COMPLETED")) {
            throw new AssertionError("Uninterrupted run ended " + status);
        }
        Map<String, String> uninterrupted = checksums(scenario);

        // CASCADE: a referential table may be referenced (enrolment_request → ans_solution), even when empty
        execute("TRUNCATE " + String.join(", ", scenario.tables().keySet()) + " CASCADE");
        for (String statement : scenario.setUp()) {
            execute(statement);
        }
        long second = start(server, scenario);
        long committed;
        long deadline = System.currentTimeMillis() + 300_000;
        while ((committed = queryLong(scenario.progressQuery())) < scenario.killAt()) {
            if (System.currentTimeMillis() > deadline || !batchStatus(second).matches("STARTING|STARTED")) {
                throw new AssertionError("Execution " + second + " ended before " + scenario.killAt()
                        + " units of work were committed: give it more work");
            }
            Thread.sleep(20);
        }
        server.kill();
        long readBeforeKill = readCount(second);
        if (!batchStatus(second).equals("STARTED")) {
            throw new AssertionError("The kill did not land mid-run: execution " + second + " is " + batchStatus(second));
        }

        server.start();
        long restarted = scenario.restart() == Restart.ADMIN_SCREEN ? restartFromAdminScreen(second)
                : PrivateServer.longResult(server.cli(SUBSYSTEM + ":restart-job(execution-id=" + second + ")"));
        String restartedStatus = awaitEnd(restarted);
        return new Outcome(uninterrupted, checksums(scenario), committed, readBeforeKill, readCount(restarted),
                restartedStatus);
    }

    /**
     * Logs in as the demo administrator, opens "Traitements", checks that "Relancer" is offered for the
     * killed execution and for nothing else, presses it (a plain form post) and returns the new
     * execution's number from the confirmation message.
     */
    private long restartFromAdminScreen(long killed) throws Exception {
        WebClient web = new WebClient("http://127.0.0.1:" + (8080 + portOffset) + "/" + Deployments.CONTEXT + "/");
        java.net.http.HttpResponse<String> screen = web.loginThrough("admin/traitements.xhtml", People.ADMIN);
        String page = screen.body();
        // PrimeFaces' CSP mode checks, on postback, the nonce its script would send with the form.
        Matcher nonce = Pattern.compile("'nonce-([^']+)'")
                .matcher(screen.headers().firstValue("Content-Security-Policy").orElse(""));
        String nonceParam = nonce.find() ? "&primefaces.nonce=" + encode(nonce.group(1)) : "";
        List<String> buttons = Pattern.compile("id=\"(traitements:jobs:\\d+:executions:\\d+:restart)\"").matcher(page)
                .results().map(m -> m.group(1)).distinct().toList();
        if (buttons.size() != 1) {
            throw new AssertionError("The screen should offer \"Relancer\" for the killed execution " + killed
                    + " only, not " + buttons);
        }
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!viewState.find()) {
            throw new AssertionError("No view state in the Traitements page");
        }
        String button = buttons.get(0);
        String response = web.post("admin/traitements.xhtml", "traitements=traitements&" + encode(button) + "="
                + encode(button) + "&jakarta.faces.ViewState=" + encode(viewState.group(1)) + nonceParam).body();
        Matcher confirmed = Pattern.compile("n\\S{1,8} " + killed + " relanc\\S+ depuis son dernier point de reprise"
                + " : ex\\S+ n\\S{1,8} (\\d+)").matcher(response);
        if (!confirmed.find()) {
            throw new AssertionError("No confirmation of the restart of execution " + killed + " in:\n" + response);
        }
        return Long.parseLong(confirmed.group(1));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long start(PrivateServer server, Scenario scenario) throws Exception {
        String properties = scenario.parameters().entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining(", "));
        return PrivateServer.longResult(server.cli(SUBSYSTEM + ":start-job(job-xml-name=" + scenario.jobName()
                + ", properties={" + properties + "})"));
    }

    /** Waits for the execution's end in JBeret's JDBC repository (the portal's database). */
    private String awaitEnd(long executionId) throws Exception {
        long deadline = System.currentTimeMillis() + 600_000;
        String status;
        do {
            Thread.sleep(250);
            status = batchStatus(executionId);
        } while (status.matches("STARTING|STARTED|STOPPING") && System.currentTimeMillis() < deadline);
        return status;
    }

    private String batchStatus(long executionId) throws SQLException {
        return queryString("select batchstatus from job_execution where jobexecutionid = " + executionId);
    }

    /** Lines read by an execution's steps: JBeret's read and skip counts of its step executions. */
    private long readCount(long executionId) throws SQLException {
        return queryLong("select coalesce(sum(readcount + readskipcount), 0) from step_execution where jobexecutionid = "
                + executionId);
    }

    private Map<String, String> checksums(Scenario scenario) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        String row = scenario.volatileColumns().isEmpty() ? "t::text"
                : "(to_jsonb(t) - array['" + String.join("', '", scenario.volatileColumns()) + "'])::text";
        for (Map.Entry<String, String> table : new java.util.TreeMap<>(scenario.tables()).entrySet()) {
            sums.put(table.getKey(), queryString("select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(" + row
                    + ", '|' order by " + table.getValue() + ")), '-') from " + table.getKey() + " t"));
        }
        for (String check : scenario.checks()) {
            sums.put(check, queryString(check));
        }
        return sums;
    }

    private void recreateDatabase() throws SQLException {
        dropDatabase();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + databaseName());
        }
    }

    private void dropDatabase() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + databaseName() + " WITH (FORCE)");
        }
    }

    private String databaseName() {
        return dbUrl.substring(dbUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(dbUrl.substring(0, dbUrl.lastIndexOf('/') + 1) + "postgres",
                System.getProperty("test.db.user"), System.getProperty("test.db.password"));
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(dbUrl, System.getProperty("test.db.user"), System.getProperty("test.db.password"));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long queryLong(String sql) throws SQLException {
        String v = queryString(sql);
        return v == null ? 0 : Long.parseLong(v);
    }

    private String queryString(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static List<String> lines(Outcome o) {
        return List.of("uninterrupted: " + o.uninterrupted(), "crashed then restarted: " + o.crashedAndRestarted(),
                "committed at kill: " + o.committedAtKill(), "read before kill: " + o.readBeforeKill(),
                "read after restart: " + o.readAfterRestart());
    }
}
