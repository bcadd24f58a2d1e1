/*
 * Benchmark of the back office's list of requests (backoffice/index.xhtml) and CSV export
 * (backoffice/export.csv; export.xlsx with --export-format xlsx), for docs/PERFORMANCE.md,
 * "Back office with 1 million requests".
 *
 * Single file, Java 17, JDK only. From the repository root:
 *
 *   java bench/backoffice/BackOfficeBench.java --base http://127.0.0.1:8380/segurnum \
 *       --access-log /tmp/bo-wildfly/standalone/log/bo-access.log --server-pid $WPID --out /tmp/bo-run.md
 *
 * It logs in as an agent like a browser (GET a protected page, POST j_security_check with
 * j_username/j_password, cookies kept), then plays, one request at a time (a single agent, no
 * concurrency), each operation --warmup times unrecorded and --iterations times recorded:
 *
 *   list               GET backoffice/index.xhtml: a new view, first page sorted by date (count + page)
 *   filter: ...        the "Rechercher" button: PrimeFaces ajax POST, source=requests:search,
 *                      execute=requests, render=requests, the whole form serialized with the criteria
 *   sort: ...          a click on a column header: ajax POST source=requests:table, requests:table_sorting,
 *                      _sortKey=<the column's client id>, _sortDir=1 / -1 (alternating, as repeated clicks)
 *   page N             the paginator: ajax POST requests:table_pagination, _first=(N-1)*25, _rows=25
 *   export             GET backoffice/export.csv (all rows, or the criteria of --export-filter), body read
 *                      as a stream and counted; with --server-pid the server's heap is sampled during it
 *                      (jstat -gc PID 500)
 *
 * The form's field names, the ViewState and the column ids are read from the rendered page (nothing is
 * hard-coded but the ids of the page's own components: requests:search, requests:table, requests:...).
 * Each response is checked: HTTP 200, no <error> in the partial response, the pager's "N demande(s)"
 * present; the number of matching requests is reported.
 *
 * Server-side latency: every request carries a harmless query parameter bench=<op>-<i>; with
 * --access-log FILE (Undertow's access log of the server under test, whose pattern ends with the
 * response time %D in ms after the status and bytes: "%h %t \"%r\" %s %b %D ...") the driver reads the
 * server's own time of each request back from the log and reports its percentiles beside the client's.
 *
 * Options:
 *   --base URL             the portal (loopback addresses only), e.g. http://127.0.0.1:8380/segurnum
 *   --user / --password    default agent@asp-public.fr / Segur-Demo-2026! (the demo agent)
 *   --iterations N         recorded requests per operation (default 30)
 *   --warmup N             unrecorded requests per operation first (default 5)
 *   --max-seconds S        an operation stops after S seconds even if N is not reached (default 120)
 *   --ops LIST             comma-separated operation keys (default: all but export); keys below
 *   --export               also run the export(s) (--export-runs times each, default 3)
 *   --export-filter Q      query string of a second, filtered export, e.g. "du=2026-01-01&au=2026-02-24"
 *   --export-only          run only the export(s)
 *   --export-runs N        runs of each export (default 3)
 *   --export-max S         an export not finished after S seconds is cut off (default 900)
 *   --export-format F      csv (default) or xlsx (backoffice/export.xlsx; rows are then not counted)
 *   --server-pid PID       the WildFly java process: its CPU time per request (from /proc, Linux) and jstat
 *                          during the export
 *   --access-log FILE      Undertow access log of the server under test (server-side times)
 *   --timeout S            per-request timeout (default 120; for the export, the time to the first byte)
 *   --out FILE             also write the Markdown report to FILE
 *   --verbose              print each request's time
 *   --dump DIR             write the last response of each operation to DIR/<op>.html (to check the page)
 *
 * Operation keys: list, status, siret, company, company-one, company-none, couloir, dates, agent, number, combined,
 *   sort-denomination, sort-siret, sort-number, sort-status, sort-agent, sort-date-asc, page-2, page-2000,
 *   page-middle, page-last.
 */

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BackOfficeBench {

    static final String FORM = "requests";
    static final String TABLE = "requests:table";
    static final String SEARCH = "requests:search";
    static final int ROWS = 25;

    // ---------------------------------------------------------------- options

    String base;
    String user = "agent@asp-public.fr";
    String password = "Segur-Demo-2026!";
    int iterations = 30;
    int warmup = 5;
    int maxSeconds = 120;
    int timeoutS = 120;
    List<String> ops = new ArrayList<>(List.of("list", "status", "siret", "company", "company-one", "company-none", "couloir",
            "dates", "agent", "number", "combined", "sort-denomination", "sort-siret", "sort-number", "sort-status",
            "sort-agent", "sort-date-asc", "page-2", "page-2000", "page-middle", "page-last"));
    boolean export;
    boolean exportOnly;
    int exportRuns = 3;
    int exportMaxS = 900;
    String exportFormat = "csv";
    String exportFilter;
    long serverPid;
    Path accessLog;
    Path out;
    Path dump;
    boolean verbose;

    final CookieManager cookies = new CookieManager();
    HttpClient http;
    final StringBuilder report = new StringBuilder();
    final Map<String, Op> results = new LinkedHashMap<>();
    final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    /** One operation's samples: client times, and the tags to find the server's times. */
    static final class Op {
        final String key;
        final String label;
        final List<Double> client = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        final List<Double> server = new ArrayList<>();
        long matching = -1;
        int errors;
        double serverCpuMs = -1;
        String load;
        String firstError;

        Op(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    public static void main(String[] args) throws Exception {
        BackOfficeBench bench = new BackOfficeBench();
        bench.parse(args);
        bench.run();
    }

    void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--base" -> base = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--max-seconds" -> maxSeconds = Integer.parseInt(args[++i]);
                case "--timeout" -> timeoutS = Integer.parseInt(args[++i]);
                case "--ops" -> ops = new ArrayList<>(Arrays.asList(args[++i].split(",")));
                case "--export" -> export = true;
                case "--export-only" -> { export = true; exportOnly = true; }
                case "--export-runs" -> exportRuns = Integer.parseInt(args[++i]);
                case "--export-filter" -> exportFilter = args[++i];
                case "--export-max" -> exportMaxS = Integer.parseInt(args[++i]);
                case "--export-format" -> exportFormat = args[++i];
                case "--server-pid" -> serverPid = Long.parseLong(args[++i]);
                case "--access-log" -> accessLog = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--verbose" -> verbose = true;
                case "--dump" -> dump = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + a + " (see the header of this file)");
            }
        }
        if (base == null) {
            throw new IllegalArgumentException("--base is required, e.g. --base http://127.0.0.1:8380/segurnum");
        }
        String host = URI.create(base).getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("this benchmark only targets loopback addresses, not " + host);
        }
        base = base.endsWith("/") ? base : base + "/";
        if (iterations < 1 || iterations > 10_000 || warmup < 0 || warmup > 1_000 || maxSeconds < 1) {
            throw new IllegalArgumentException("bounds: 1 <= --iterations <= 10000, 0 <= --warmup <= 1000, --max-seconds >= 1");
        }
    }

    // ---------------------------------------------------------------- run

    void run() throws Exception {
        http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        line("# Back office benchmark, " + Instant.now());
        line("");
        line("base " + base + ", user " + user + ", " + iterations + " recorded requests per operation after "
                + warmup + " unrecorded, one request at a time, run id " + runId);
        login();
        if (!exportOnly) {
            for (String key : ops) {
                runOperation(key.strip());
            }
            readServerTimes();
            printTable();
        }
        if (export) {
            exports();
        }
        if (out != null) {
            Files.writeString(out, report.toString());
        }
    }

    void login() throws Exception {
        get("backoffice/index.xhtml", null);
        String form = "j_username=" + enc(user) + "&j_password=" + enc(password);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(), timeoutS);
        if (r.statusCode() != 200 || !r.body().contains("id=\"" + FORM + "\"")) {
            throw new IllegalStateException("login failed: HTTP " + r.statusCode() + " at " + r.uri()
                    + " (no list of requests in the page)");
        }
        line("logged in as " + user);
    }

    void runOperation(String key) throws Exception {
        Map<String, String> criteria = new LinkedHashMap<>();
        String label;
        String kind = "filter";
        String sortColumn = null;
        int page = 0;
        switch (key) {
            case "list" -> { kind = "list"; label = "list: GET index.xhtml (page 1, by date)"; }
            case "status" -> { criteria.put("statut_input", "EN_INSTRUCTION"); label = "filter: état = En instruction"; }
            case "siret" -> { criteria.put("siret", "479928822"); label = "filter: SIRET starts with 479928822 (a SIREN)"; }
            case "company" -> { criteria.put("societe", "sante"); label = "filter: société contains \"sante\""; }
            case "company-one" -> { criteria.put("societe", "kalinka"); label = "filter: société contains \"kalinka\" (one company)"; }
            case "company-none" -> { criteria.put("societe", "zzzz"); label = "filter: société contains \"zzzz\" (no match)"; }
            case "couloir" -> { criteria.put("couloir_input", "Radiologie"); label = "filter: couloir = Radiologie"; }
            case "dates" -> { criteria.put("du_input", "01/03/2026"); criteria.put("au_input", "31/03/2026"); label = "filter: déposée du 01/03/2026 au 31/03/2026"; }
            case "agent" -> { criteria.put("agent", "agent@asp-public.fr"); label = "filter: agent = agent@asp-public.fr"; }
            case "number" -> { criteria.put("numero", "ENR0Y"); label = "filter: n° starts with ENR0Y"; }
            case "combined" -> {
                criteria.put("statut_input", "EN_INSTRUCTION");
                criteria.put("couloir_input", "Hôpital");
                criteria.put("du_input", "01/06/2026");
                criteria.put("au_input", "30/11/2026");
                label = "filter: en instruction + Hôpital + 6 months";
            }
            case "sort-denomination" -> { kind = "sort"; sortColumn = "Dénomination sociale"; label = "sort: Dénomination sociale"; }
            case "sort-siret" -> { kind = "sort"; sortColumn = "SIRET"; label = "sort: SIRET"; }
            case "sort-number" -> { kind = "sort"; sortColumn = "N° de demande"; label = "sort: N° de demande"; }
            case "sort-status" -> { kind = "sort"; sortColumn = "État"; label = "sort: État"; }
            case "sort-agent" -> { kind = "sort"; sortColumn = "Agent"; label = "sort: Agent"; }
            case "sort-date-asc" -> { kind = "sort"; sortColumn = "Déposée le"; label = "sort: Déposée le"; }
            case "page-2" -> { kind = "page"; page = 2; label = "page 2"; }
            case "page-2000" -> { kind = "page"; page = 2000; label = "page 2000 (rows 49,976-50,000)"; }
            case "page-last" -> { kind = "page"; page = -1; label = "last page"; }
            case "page-middle" -> { kind = "page"; page = -2; label = "middle page (total / 2)"; }
            default -> throw new IllegalArgumentException("unknown operation " + key);
        }
        Op op = new Op(key, label);
        results.put(key, op);
        System.err.println("... " + label);

        // A view of its own for each operation, as an agent who opens the page and then acts on it.
        View view = kind.equals("list") ? null : openView(op);
        if (!kind.equals("list") && view == null) {
            return;
        }
        if (page == -1) {
            page = (int) Math.max(1, (view.total + ROWS - 1) / ROWS);
        } else if (page == -2) {
            // The deepest page for an offset once the second half is read from the end.
            page = (int) Math.max(1, (view.total / 2 + ROWS - 1) / ROWS);
        }
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        long cpuStart = -1;
        for (int i = -warmup; i < iterations && System.nanoTime() < deadline; i++) {
            if (i == 0) {
                cpuStart = cpuTicks(serverPid);
                op.load = loadAverage();
            }
            String tag = key + "-" + runId + "-" + (i < 0 ? "w" + (-i) : Integer.toString(i));
            long start = System.nanoTime();
            String body = "";
            int status = -1;
            try {
                switch (kind) {
                    case "list" -> {
                        HttpResponse<String> r = get("backoffice/index.xhtml", tag);
                        status = r.statusCode();
                        body = r.body();
                    }
                    case "filter" -> {
                        Map<String, String> fields = new LinkedHashMap<>(view.fields);
                        criteria.forEach((name, value) -> fields.put(FORM + ":" + name, value));
                        HttpResponse<String> r = ajax(view, SEARCH, FORM, FORM, fields, Map.of(SEARCH, SEARCH), tag);
                        status = r.statusCode();
                        body = r.body();
                    }
                    case "sort" -> {
                        String column = view.columns.get(sortColumn);
                        if (column == null) {
                            throw new IllegalStateException("no sortable column \"" + sortColumn + "\" in the page: " + view.columns.keySet());
                        }
                        Map<String, String> extra = new LinkedHashMap<>();
                        extra.put(TABLE + "_sorting", "true");
                        extra.put(TABLE + "_skipChildren", "true");
                        extra.put(TABLE + "_encodeFeature", "true");
                        extra.put(TABLE + "_sortKey", column);
                        extra.put(TABLE + "_sortDir", (i & 1) == 0 ? "1" : "-1");
                        HttpResponse<String> r = ajax(view, TABLE, TABLE, TABLE, view.fields, extra, tag);
                        status = r.statusCode();
                        body = r.body();
                    }
                    default -> {
                        Map<String, String> extra = new LinkedHashMap<>();
                        extra.put(TABLE + "_pagination", "true");
                        extra.put(TABLE + "_first", Integer.toString((page - 1) * ROWS));
                        extra.put(TABLE + "_rows", Integer.toString(ROWS));
                        extra.put(TABLE + "_skipChildren", "true");
                        extra.put(TABLE + "_encodeFeature", "true");
                        HttpResponse<String> r = ajax(view, TABLE, TABLE, TABLE, view.fields, extra, tag);
                        status = r.statusCode();
                        body = r.body();
                    }
                }
            } catch (IOException e) {
                body = "I/O error: " + e;
            }
            double ms = (System.nanoTime() - start) / 1e6;
            String error = status < 0 ? body : check(kind, status, body);
            if (view != null) {
                view.updateViewState(body);
            }
            if (kind.equals("filter") || kind.equals("list")) {
                long total = totalOf(body);
                if (total >= 0) {
                    op.matching = total;
                }
            } else if (op.matching < 0) {
                op.matching = view.total;
            }
            if (verbose) {
                System.err.printf(Locale.ROOT, "  %s %.1f ms%s%n", tag, ms, error == null ? "" : " ERROR " + error);
            }
            if (dump != null && i == iterations - 1) {
                Files.createDirectories(dump);
                Files.writeString(dump.resolve(key + ".html"), body);
            }
            if (i < 0) {
                continue;
            }
            if (error != null) {
                op.errors++;
                if (op.firstError == null) {
                    op.firstError = error;
                }
                continue;
            }
            op.client.add(ms);
            op.tags.add(tag);
        }
        long cpuEnd = cpuTicks(serverPid);
        if (cpuStart >= 0 && cpuEnd >= 0 && !op.client.isEmpty()) {
            op.serverCpuMs = (cpuEnd - cpuStart) * 10.0 / (op.client.size() + op.errors); // USER_HZ = 100
        }
    }

    /** utime + stime of a process in clock ticks (Linux /proc), or -1. */
    static long cpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The list page, GET, with its form as the browser holds it. */
    View openView(Op op) throws Exception {
        HttpResponse<String> r = get("backoffice/index.xhtml", null);
        if (r.statusCode() != 200 || !r.body().contains("id=\"" + FORM + "\"")) {
            op.errors++;
            op.firstError = "GET index.xhtml: HTTP " + r.statusCode() + " and no form " + FORM;
            return null;
        }
        return View.of(r.body());
    }

    static String check(String kind, int status, String body) {
        if (status != 200) {
            return "HTTP " + status;
        }
        if (kind.equals("list")) {
            return body.contains("demande(s)") ? null : "no pager report in the page";
        }
        if (!body.startsWith("<?xml") || !body.contains("<partial-response")) {
            return "not a partial response: " + abbreviate(body);
        }
        if (body.contains("<error>") || body.contains("<redirect")) {
            return "error in partial response: " + abbreviate(body);
        }
        if (kind.equals("filter") && !body.contains("demande(s)")) {
            return "no pager report in the response";
        }
        if (!body.contains("<tr") && !body.contains("Aucune demande")) {
            return "no rows in the response";
        }
        return null;
    }

    static long totalOf(String body) {
        Matcher m = Pattern.compile("(\\d+) demande\\(s\\)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    // ---------------------------------------------------------------- the page's form

    /** What a browser holds of the page: the form's successful controls, the ViewState, the sortable columns. */
    static final class View {
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, String> columns = new LinkedHashMap<>();
        String viewState;
        long total;

        static View of(String html) {
            View v = new View();
            int start = html.indexOf("<form id=\"" + FORM + "\"");
            int end = html.indexOf("</form>", start);
            if (start < 0 || end < 0) {
                throw new IllegalStateException("no form " + FORM + " in the page");
            }
            String form = html.substring(start, end);
            Matcher input = Pattern.compile("<input\\b[^>]*>").matcher(form);
            while (input.find()) {
                String tag = input.group();
                String name = attr(tag, "name");
                String type = attr(tag, "type");
                if (name == null || "submit".equals(type) || "button".equals(type) || "file".equals(type)) {
                    continue;
                }
                if (("checkbox".equals(type) || "radio".equals(type)) && !tag.contains("checked")) {
                    continue;
                }
                String value = attr(tag, "value");
                v.fields.put(name, value == null ? "" : unescape(value));
            }
            Matcher select = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL).matcher(form);
            while (select.find()) {
                String name = attr("<select " + select.group(1) + ">", "name");
                if (name == null) {
                    continue;
                }
                Matcher option = Pattern.compile("<option\\b([^>]*)>").matcher(select.group(2));
                String chosen = null;
                String first = null;
                while (option.find()) {
                    String value = attr("<option " + option.group(1) + ">", "value");
                    if (first == null) {
                        first = value;
                    }
                    if (option.group(1).contains("selected")) {
                        chosen = value;
                    }
                }
                // A name that appears twice (the two rows-per-page drop-downs) is sent once per control by
                // the browser; a map keeps one, which the server reads the same way.
                v.fields.put(name, unescape(chosen != null ? chosen : first == null ? "" : first));
            }
            v.viewState = v.fields.get("jakarta.faces.ViewState");
            if (v.viewState == null) {
                throw new IllegalStateException("no jakarta.faces.ViewState in the form");
            }
            Matcher th = Pattern.compile("<th id=\"([^\"]+)\"[^>]*ui-sortable-column[^>]*aria-label=\"([^\"]*)\"").matcher(form);
            while (th.find()) {
                v.columns.put(unescape(th.group(2)), th.group(1));
            }
            v.total = Math.max(0, totalOf(form));
            return v;
        }

        void updateViewState(String partial) {
            Matcher m = Pattern.compile("<update id=\"[^\"]*jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[(.*?)]]></update>")
                    .matcher(partial);
            if (m.find()) {
                viewState = m.group(1);
                fields.put("jakarta.faces.ViewState", viewState);
            }
        }
    }

    static String attr(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    // ---------------------------------------------------------------- HTTP

    HttpResponse<String> get(String path, String tag) throws Exception {
        String uri = base + path + (tag == null ? "" : (path.contains("?") ? "&" : "?") + "bench=" + tag);
        return send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString(), timeoutS);
    }

    /**
     * A PrimeFaces ajax request as PrimeFaces.ajax.Request.send builds it for a form without enctype
     * multipart: the partial-request parameters, the source's own parameters, then the whole form
     * serialized (partialSubmit is off), ViewState included; header Faces-Request: partial/ajax.
     */
    HttpResponse<String> ajax(View view, String source, String execute, String render, Map<String, String> fields,
                              Map<String, String> extra, String tag) throws Exception {
        StringBuilder body = new StringBuilder();
        append(body, "jakarta.faces.partial.ajax", "true");
        append(body, "jakarta.faces.source", source);
        append(body, "jakarta.faces.partial.execute", execute);
        append(body, "jakarta.faces.partial.render", render);
        extra.forEach((k, v) -> append(body, k, v));
        fields.forEach((k, v) -> {
            if (!k.equals("jakarta.faces.ViewState")) {
                append(body, k, v);
            }
        });
        append(body, "jakarta.faces.ViewState", view.viewState);
        return send(HttpRequest.newBuilder(URI.create(base + "backoffice/index.xhtml?bench=" + tag))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString(),
                timeoutS);
    }

    /**
     * Sends and waits at most timeout seconds (for the response headers, or the whole body with ofString).
     * Not HttpRequest.timeout(): on JDK 17 its timer was seen closing a pooled connection under a later
     * exchange ("HTTP/1.1 header parser received no bytes ... connection closed locally").
     */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, int timeout) throws IOException {
        var future = http.sendAsync(request, handler);
        try {
            return future.get(timeout, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("no response in " + timeout + " s: " + request.uri());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static void append(StringBuilder body, String name, String value) {
        if (body.length() > 0) {
            body.append('&');
        }
        body.append(enc(name)).append('=').append(enc(value));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- server-side times

    /** Undertow's access log: "... \"GET /segurnum/...?bench=TAG HTTP/1.1\" 200 1234 56 ..." -> 56 ms. */
    void readServerTimes() throws Exception {
        if (accessLog == null) {
            return;
        }
        Thread.sleep(2000); // the access log is written by a background task
        Map<String, Double> byTag = serverTimes();
        for (Op op : results.values()) {
            for (String tag : op.tags) {
                Double ms = byTag.get(tag);
                if (ms != null) {
                    op.server.add(ms);
                }
            }
        }
    }

    Map<String, Double> serverTimes() throws IOException {
        Map<String, Double> byTag = new HashMap<>();
        if (accessLog == null || !Files.exists(accessLog)) {
            return byTag;
        }
        Pattern p = Pattern.compile("[?&]bench=([^ &\"]+)[^\"]*\" (\\d{3}) (\\S+) (\\d+)");
        try (var lines = Files.lines(accessLog, StandardCharsets.ISO_8859_1)) {
            lines.filter(l -> l.contains("bench=")).forEach(l -> {
                Matcher m = p.matcher(l);
                if (m.find()) {
                    byTag.put(m.group(1), Double.parseDouble(m.group(4)));
                }
            });
        }
        return byTag;
    }

    // ---------------------------------------------------------------- export

    void exports() throws Exception {
        line("");
        line("## " + exportFormat.toUpperCase(Locale.ROOT) + " export");
        line("");
        line("| Export | Run | Rows | Bytes | First byte s | Total s | Server s | Rows/s | MB/s | Heap used min / median / max MB | Old gen max MB | Young GCs | Full GCs |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
        List<String> queries = new ArrayList<>();
        queries.add("");
        if (exportFilter != null && !exportFilter.isBlank()) {
            queries.add(exportFilter);
        }
        for (int run = 1; run <= exportRuns; run++) {
            for (String q : queries) {
                exportOnce(q, run);
            }
        }
    }

    void exportOnce(String query, int run) throws Exception {
        String tag = "export-" + exportFormat + "-" + runId + "-" + (query.isEmpty() ? "all" : "filtered") + "-" + run;
        String path = "backoffice/export." + exportFormat + (query.isEmpty() ? "" : "?" + query);
        System.err.println("... export " + (query.isEmpty() ? "(all rows)" : query) + ", run " + run);
        HeapSampler heap = serverPid > 0 ? HeapSampler.start(serverPid) : null;
        Thread.sleep(heap == null ? 0 : 1500); // a few samples before the export starts
        long start = System.nanoTime();
        long firstByte = -1;
        long bytes = 0;
        long lines = 0;
        String uri = base + path + (path.contains("?") ? "&" : "?") + "bench=" + tag;
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream(), timeoutS);
        // Bounded: the body is closed (and the read fails) if the export is not over in --export-max seconds.
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(exportMaxS * 1000L);
                r.body().close();
            } catch (InterruptedException | IOException e) {
                // finished in time
            }
        }, "export-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (InputStream in = r.body()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (firstByte < 0) {
                    firstByte = System.nanoTime();
                }
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        long end = System.nanoTime();
        watchdog.interrupt();
        Thread.sleep(heap == null ? 0 : 1500);
        HeapSampler.Summary h = heap == null ? null : heap.stop();
        double total = (end - start) / 1e9;
        boolean csv = exportFormat.equals("csv");
        long rows = Math.max(0, lines - 1);
        Thread.sleep(accessLog == null ? 0 : 2000);
        Double server = serverTimes().get(tag);
        if (r.statusCode() != 200) {
            line("| " + (query.isEmpty() ? "all" : query) + " | " + run + " | HTTP " + r.statusCode() + " | | | | | | | | | | |");
            return;
        }
        line(String.format(Locale.ROOT, "| %s | %d | %s | %,d | %.2f | %.1f | %s | %s | %.1f | %s | %s | %s | %s |",
                query.isEmpty() ? "all requests" : query, run, csv ? String.format(Locale.ROOT, "%,d", rows) : "n/a",
                bytes, (firstByte - start) / 1e9, total,
                server == null ? "n/a" : String.format(Locale.ROOT, "%.1f", server / 1000),
                csv ? String.format(Locale.ROOT, "%,.0f", rows / total) : "n/a",
                bytes / total / 1e6,
                h == null ? "n/a" : String.format(Locale.ROOT, "%.0f / %.0f / %.0f", h.minMb, h.medianMb, h.maxMb),
                h == null ? "n/a" : String.format(Locale.ROOT, "%.0f", h.oldMaxMb),
                h == null ? "n/a" : Long.toString(h.youngGcs), h == null ? "n/a" : Long.toString(h.fullGcs)));
        if (h != null) {
            System.err.println("    heap samples (MB used, every 0.5 s): " + h.trace);
        }
    }

    /** jstat -gc PID 500 in the background: used heap = S0U + S1U + EU + OU. */
    static final class HeapSampler {
        final Process process;
        final List<double[]> samples = new ArrayList<>(); // used MB, old MB, YGC, FGC
        final AtomicBoolean stopped = new AtomicBoolean();
        final Thread reader;

        record Summary(double minMb, double medianMb, double maxMb, double oldMaxMb, long youngGcs, long fullGcs,
                       String trace) {
        }

        HeapSampler(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "jstat-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static HeapSampler start(long pid) throws IOException {
            return new HeapSampler(new ProcessBuilder("jstat", "-gc", Long.toString(pid), "500")
                    .redirectErrorStream(true).start());
        }

        void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String header = in.readLine();
                if (header == null) {
                    return;
                }
                List<String> names = Arrays.asList(header.trim().split("\\s+"));
                String l;
                while ((l = in.readLine()) != null && !stopped.get()) {
                    String[] v = l.trim().split("\\s+");
                    if (v.length != names.size() || v[0].equals(names.get(0))) {
                        continue;
                    }
                    double used = (num(v, names, "S0U") + num(v, names, "S1U") + num(v, names, "EU")
                            + num(v, names, "OU")) / 1024;
                    synchronized (samples) {
                        samples.add(new double[] {used, num(v, names, "OU") / 1024, num(v, names, "YGC"),
                                num(v, names, "FGC")});
                    }
                }
            } catch (IOException e) {
                // the process was stopped
            }
        }

        static double num(String[] v, List<String> names, String name) {
            int i = names.indexOf(name);
            return i < 0 || v[i].equals("-") ? 0 : Double.parseDouble(v[i]);
        }

        Summary stop() throws InterruptedException {
            stopped.set(true);
            process.destroy();
            reader.join(2000);
            synchronized (samples) {
                if (samples.isEmpty()) {
                    return new Summary(0, 0, 0, 0, 0, 0, "no jstat samples");
                }
                double[] used = samples.stream().mapToDouble(s -> s[0]).sorted().toArray();
                double oldMax = samples.stream().mapToDouble(s -> s[1]).max().orElse(0);
                long ygc = (long) (samples.get(samples.size() - 1)[2] - samples.get(0)[2]);
                long fgc = (long) (samples.get(samples.size() - 1)[3] - samples.get(0)[3]);
                StringBuilder trace = new StringBuilder();
                for (double[] s : samples) {
                    trace.append(Math.round(s[0])).append(' ');
                }
                return new Summary(used[0], used[used.length / 2], used[used.length - 1], oldMax, ygc, fgc,
                        trace.toString().trim());
            }
        }
    }

    // ---------------------------------------------------------------- report

    void printTable() {
        line("");
        line("## List, filters, sorts and pages");
        line("");
        line("Client: measured by the driver on loopback (request sent to response read). Server: Undertow's "
                + "access log %D of the same requests" + (accessLog == null ? " (not read: no --access-log)" : "") + ".");
        line("");
        line("| Operation | Matching | N | Errors | client p50 | client p95 | client p99 | server p50 | server p95 | server p99 | server max | WildFly CPU ms/req | load avg |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Op op : results.values()) {
            line(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |", op.label,
                    op.matching < 0 ? "?" : String.format(Locale.ROOT, "%,d", op.matching), op.client.size(), op.errors,
                    pct(op.client, 50), pct(op.client, 95), pct(op.client, 99),
                    pct(op.server, 50), pct(op.server, 95), pct(op.server, 99), pct(op.server, 100),
                    op.serverCpuMs < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", op.serverCpuMs),
                    op.load == null ? "?" : op.load));
        }
        for (Op op : results.values()) {
            if (op.firstError != null) {
                line("");
                line("- " + op.label + ": first error: " + op.firstError);
            }
        }
    }

    /** Nearest-rank percentile, in ms. */
    static String pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return "n/a";
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return String.format(Locale.ROOT, "%.0f", v[Math.max(0, Math.min(v.length - 1, rank - 1))]);
    }

    void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }
}
