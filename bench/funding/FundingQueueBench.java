/*
 * Benchmark of the agents' funding queue (backoffice/financements.xhtml) at 1 million funding requests, for
 * docs/PERFORMANCE.md, "Funding queue with 1 million requests"; the enrolment list (backoffice/index.xhtml)
 * is measured in the same run as the baseline.
 *
 * Single file, Java 17, JDK only. From the repository root:
 *
 *   java bench/funding/FundingQueueBench.java --base http://127.0.0.1:9030/segurnum --iterations 30 --warmup 5
 *
 * It logs in as an agent like a browser (GET a protected page, POST j_security_check, cookies kept), then
 * plays, one request at a time, each operation --warmup times unrecorded and --iterations times recorded:
 *
 *   list           GET backoffice/financements.xhtml: a new view, first page by filing date (count + page)
 *   filter: ...    the "Rechercher" button: PrimeFaces ajax POST, source=queue:search, execute/render=queue,
 *                  the whole form serialized with the criteria
 *   page N         the paginator: ajax POST queue:table_pagination, _first=(N-1)*25, _rows=25
 *   baseline: ...  the same on the enrolment list (form "requests")
 *
 * Form fields and the ViewState are read from the rendered page; each response is checked (HTTP 200, no
 * <error> in a partial response, the pager's "N demande(s)" present). Times are the client's, on loopback.
 *
 * Options: --base URL (loopback only), --user / --password (default the demo agent), --iterations N (30),
 * --warmup N (5), --ops LIST (default all), --out FILE (also write the Markdown table).
 * Operation keys: list, status, call, couloir, siret, supplier, flagged, combined, page-2, page-middle,
 * page-last, enrolment-list, enrolment-page-last.
 */

import java.io.IOException;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class FundingQueueBench {

    static final int ROWS = 25;
    static final List<String> ALL = List.of("list", "status", "call", "couloir", "siret", "supplier", "flagged",
            "combined", "page-2", "page-middle", "page-last", "enrolment-list", "enrolment-page-last");

    String base;
    String user = "agent@asp-public.fr";
    String password = "Segur-Demo-2026!";
    int iterations = 30;
    int warmup = 5;
    List<String> ops = ALL;
    Path out;
    final StringBuilder report = new StringBuilder();
    HttpClient http;

    public static void main(String[] args) throws Exception {
        FundingQueueBench bench = new FundingQueueBench();
        bench.parse(args);
        bench.run();
    }

    void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i].endsWith("/") ? args[i] : args[i] + "/";
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--ops" -> ops = Arrays.asList(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (base == null) {
            throw new IllegalArgumentException("--base is required, e.g. --base http://127.0.0.1:9030/segurnum");
        }
        String host = URI.create(base).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("loopback only: " + host);
        }
    }

    void run() throws Exception {
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        line("# Funding queue benchmark, " + Instant.now());
        line("");
        line("base " + base + ", " + iterations + " recorded requests per operation after " + warmup
                + " unrecorded, one at a time; load average at start " + loadAverage());
        line("");
        login();
        line("| Operation | Matching | Median ms | p95 ms | Max ms | Errors | Load avg |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        for (String op : ops) {
            runOperation(op.strip());
        }
        if (out != null) {
            Files.writeString(out, report.toString());
        }
    }

    void login() throws Exception {
        get("backoffice/financements.xhtml");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + enc(user) + "&j_password=" + enc(password)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("id=\"queue\"")) {
            throw new IllegalStateException("login failed: HTTP " + r.statusCode() + " at " + r.uri());
        }
    }

    void runOperation(String key) throws Exception {
        boolean enrolment = key.startsWith("enrolment-");
        String page = enrolment ? "backoffice/index.xhtml" : "backoffice/financements.xhtml";
        String form = enrolment ? "requests" : "queue";
        Map<String, String> criteria = new LinkedHashMap<>();
        String kind = "filter";
        int pageNumber = 0;
        String label;
        switch (key) {
            case "list" -> { kind = "list"; label = "list: GET financements.xhtml (page 1, by filing date)"; }
            case "status" -> { criteria.put("statut_input", "AVANCE_DEPOSEE"); label = "filter: état = Avance déposée"; }
            case "call" -> { criteria.put("appel_input", "AF-RAD-RIS-VA1"); label = "filter: appel = AF-RAD-RIS-VA1"; }
            case "couloir" -> { criteria.put("couloir_input", "OFFICINE"); label = "filter: couloir = Officine"; }
            case "siret" -> { criteria.put("siret", "479928822"); label = "filter: SIRET fournisseur starts with 479928822"; }
            case "supplier" -> { criteria.put("fournisseur", "sante"); label = "filter: fournisseur contains \"sante\""; }
            case "flagged" -> { criteria.put("signalees", "on"); label = "filter: signalées (client inconnu ou conflit)"; }
            case "combined" -> {
                criteria.put("appel_input", "AF-OFF-LGO-VA1");
                criteria.put("statut_input", "SOLDE_DEPOSE");
                criteria.put("signalees", "on");
                label = "filter: AF-OFF-LGO-VA1 + Solde déposé + signalées";
            }
            case "page-2" -> { kind = "page"; pageNumber = 2; label = "page 2"; }
            case "page-middle" -> { kind = "page"; pageNumber = -2; label = "middle page (total / 2)"; }
            case "page-last" -> { kind = "page"; pageNumber = -1; label = "last page"; }
            case "enrolment-list" -> { kind = "list"; label = "baseline: GET index.xhtml (enrolment list, page 1)"; }
            case "enrolment-page-last" -> { kind = "page"; pageNumber = -1; label = "baseline: enrolment list, last page"; }
            default -> throw new IllegalArgumentException("unknown operation " + key);
        }
        System.err.println("... " + label);
        String load = loadAverage();
        View view = null;
        if (!kind.equals("list")) {
            view = View.of(get(page).body(), form);
            if (pageNumber == -1) {
                pageNumber = (int) Math.max(1, (view.total + ROWS - 1) / ROWS);
            } else if (pageNumber == -2) {
                pageNumber = (int) Math.max(1, (view.total / 2 + ROWS - 1) / ROWS);
            }
        }
        List<Double> times = new ArrayList<>();
        long matching = view == null ? -1 : view.total;
        int errors = 0;
        String firstError = null;
        for (int i = -warmup; i < iterations; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r;
            if (kind.equals("list")) {
                r = get(page);
            } else if (kind.equals("filter")) {
                Map<String, String> fields = new LinkedHashMap<>(view.fields);
                criteria.forEach((name, value) -> fields.put(form + ":" + name, value));
                r = ajax(page, view, form + ":search", form, fields, Map.of(form + ":search", form + ":search"));
            } else {
                String table = form + ":table";
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put(table + "_pagination", "true");
                extra.put(table + "_first", Integer.toString((pageNumber - 1) * ROWS));
                extra.put(table + "_rows", Integer.toString(ROWS));
                extra.put(table + "_skipChildren", "true");
                extra.put(table + "_encodeFeature", "true");
                r = ajax(page, view, table, table, view.fields, extra);
            }
            double ms = (System.nanoTime() - start) / 1e6;
            if (view != null) {
                view.updateViewState(r.body());
            }
            String error = r.statusCode() != 200 ? "HTTP " + r.statusCode()
                    : r.body().contains("<error>") ? "partial response error"
                    : !kind.equals("page") && totalOf(r.body()) < 0 ? "no pager total" : null;
            if (!kind.equals("page") && totalOf(r.body()) >= 0) {
                matching = totalOf(r.body());
            }
            if (i < 0) {
                continue;
            }
            if (error != null) {
                errors++;
                firstError = firstError == null ? error : firstError;
            } else {
                times.add(ms);
            }
        }
        Collections.sort(times);
        line(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %d%s | %s |", label, matching, pct(times, 50),
                pct(times, 95), pct(times, 100), errors, firstError == null ? "" : " (" + firstError + ")", load));
    }

    /** Nearest-rank percentile of sorted values, in ms. */
    static String pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return "n/a";
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return String.format(Locale.ROOT, "%.0f", sorted.get(Math.max(0, rank - 1)));
    }

    static long totalOf(String body) {
        Matcher m = Pattern.compile("([0-9][0-9\\u00a0\\u202f ,.]*) demande\\(s\\)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1).replaceAll("[^0-9]", "")) : -1;
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** The form's successful controls and the ViewState, as a browser holds them. */
    static final class View {
        final Map<String, String> fields = new LinkedHashMap<>();
        long total;

        static View of(String html, String form) {
            View v = new View();
            int start = html.indexOf("<form id=\"" + form + "\"");
            int end = html.indexOf("</form>", start);
            if (start < 0 || end < 0) {
                throw new IllegalStateException("no form " + form + " in the page");
            }
            String body = html.substring(start, end);
            Matcher input = Pattern.compile("<input\\b[^>]*>").matcher(body);
            while (input.find()) {
                String tag = input.group();
                String name = attr(tag, "name");
                String type = attr(tag, "type");
                if (name == null || "submit".equals(type) || "button".equals(type) || "file".equals(type)
                        || (("checkbox".equals(type) || "radio".equals(type)) && !tag.contains("checked"))) {
                    continue;
                }
                String value = attr(tag, "value");
                v.fields.put(name, value == null ? "" : unescape(value));
            }
            Matcher select = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL).matcher(body);
            while (select.find()) {
                String name = attr("<select " + select.group(1) + ">", "name");
                Matcher option = Pattern.compile("<option\\b([^>]*)>").matcher(select.group(2));
                String chosen = null;
                String first = null;
                while (option.find()) {
                    String value = attr("<option " + option.group(1) + ">", "value");
                    first = first == null ? value : first;
                    chosen = option.group(1).contains("selected") ? value : chosen;
                }
                if (name != null) {
                    v.fields.put(name, unescape(chosen != null ? chosen : first == null ? "" : first));
                }
            }
            if (!v.fields.containsKey("jakarta.faces.ViewState")) {
                throw new IllegalStateException("no ViewState in form " + form);
            }
            v.total = Math.max(0, totalOf(body));
            return v;
        }

        void updateViewState(String partial) {
            Matcher m = Pattern.compile("<update id=\"[^\"]*jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[(.*?)]]></update>")
                    .matcher(partial);
            if (m.find()) {
                fields.put("jakarta.faces.ViewState", m.group(1));
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

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A PrimeFaces ajax request as PrimeFaces.ajax.Request.send builds it: partial parameters, then the form. */
    HttpResponse<String> ajax(String page, View view, String source, String target, Map<String, String> fields,
                              Map<String, String> extra) throws Exception {
        StringBuilder body = new StringBuilder();
        append(body, "jakarta.faces.partial.ajax", "true");
        append(body, "jakarta.faces.source", source);
        append(body, "jakarta.faces.partial.execute", target);
        append(body, "jakarta.faces.partial.render", target);
        extra.forEach((k, v) -> append(body, k, v));
        fields.forEach((k, v) -> {
            if (!k.equals("jakarta.faces.ViewState")) {
                append(body, k, v);
            }
        });
        append(body, "jakarta.faces.ViewState", view.fields.get("jakarta.faces.ViewState"));
        return http.send(HttpRequest.newBuilder(URI.create(base + page))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
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

    void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }
}
