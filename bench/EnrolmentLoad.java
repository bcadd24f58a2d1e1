/*
 * Load driver for the enrolment wizard of the Portail SEGUR Numérique.
 *
 * Single file, Java 17, JDK only (java.net.http.HttpClient). Run it from the repository root:
 *
 *   java bench/EnrolmentLoad.java --base http://127.0.0.1:8280/segurnum --users 100 --duration 60
 *
 * The runs of docs/PERFORMANCE.md (WPID = the WildFly java process):
 *
 *   java bench/EnrolmentLoad.java --base http://127.0.0.1:8280/segurnum --users 10 --duration 60 --warmup 15 --baseline 5 --server-pid $WPID
 *   java bench/EnrolmentLoad.java --base http://127.0.0.1:8280/segurnum --users 100 --duration 60 --warmup 20 --ramp 10 --baseline 5 --server-pid $WPID
 *   java bench/EnrolmentLoad.java --base http://127.0.0.1:8280/segurnum --users 100 --duration 120 --warmup 30 --ramp 30 --think 2000-8000 --baseline 5 --server-pid $WPID
 *   java bench/EnrolmentLoad.java --base http://127.0.0.1:8280/segurnum --users 1 --warmup 0 --baseline 0 --duration 30 --trace
 *
 * Since issue 11 the server counts what each client address does: start it with
 * -Dsegur.rate-limit.exempt=127.0.0.1 (every virtual supplier comes from this one address), and each captcha costs
 * the driver a proof of work (-Dsegur.captcha.max-number lowers it when the captcha is not what is measured).
 *
 * Each virtual supplier plays the whole wizard the way a browser running PrimeFaces 15 does it:
 *
 *   GET  /enrolement.xhtml                         page load (JSESSIONID cookie, ViewState, field names)
 *   POST source=enrolment:searchSoftware           "Rechercher" (ANS number)
 *   POST source=enrolment:CERTIFICAT_REFERENCEMENT advanced p:fileUpload, auto: multipart, file part named
 *                                                  after the component's client id
 *   POST source=enrolment:wizard                   PF('wizard').next(): _direction=next, _stepToGo=demandeur
 *   POST source=enrolment:searchCompany            SIRET + captcha (its proof of work solved on one core, as a
 *                                                  script would; the widget does the same in the browser)
 *   POST source=enrolment:legalRepresentative      p:ajax of the "Oui/Non" radio (renders the people block)
 *   POST source=enrolment:PIECE_IDENTITE_REPRESENTANT   upload (PNG)
 *   POST source=enrolment:wizard                   next -> banque
 *   POST source=enrolment:iban / enrolment:bic     p:ajax change events (domiciliation look-up)
 *   POST source=enrolment:RIB                      upload (PDF)
 *   POST source=enrolment:wizard                   next -> confirmation
 *   POST source=enrolment:finish                   "Terminer" (captcha + the three checkboxes): expects a redirect
 *                                                   to enrolement-terminee.xhtml?numero=ENR... (not followed: that
 *                                                   page keeps no session state)
 *
 * Every ajax POST is multipart/form-data, like PrimeFaces does for a form with enctype multipart: the
 * partial-request parameters, then the whole form as the browser's DOM holds it (this driver keeps a
 * model of the form's inputs, updated from every <update> of the partial responses), then the ViewState.
 * The process/update ids are read from the rendered PrimeFaces.ab({...}) and PrimeFaces.cw(...) calls.
 *
 * Errors: HTTP status other than 200, <error> or <redirect> in a partial response, an error message
 * rendered (ui-messages-error, ui-message-error, growl severity error), or a step that did not produce
 * what it should (next step not reached, no "Fichier déposé", no ENR number...).
 * By default a supplier who meets an error abandons the wizard and starts a new one (what a user would
 * see); with --lenient it goes on with the next request (to measure the later steps despite a page bug).
 *
 * Options (all optional except --base):
 *   --base URL            the portal, e.g. http://127.0.0.1:8280/segurnum (loopback addresses only)
 *   --users N             concurrent suppliers = threads (default 10; in --hold mode, the threads creating sessions)
 *   --duration S          measured run length in seconds (default 60); the run stops by itself
 *   --warmup S            seconds run first and not recorded (default 10)
 *   --ramp S              start the users evenly over S seconds (default 5)
 *   --max-enrolments N    stop once N enrolments were finished (default 100000)
 *   --think MIN[-MAX]     think time in ms before each request, uniform in [MIN,MAX] (default 0)
 *   --baseline S          seconds of GET on --baseline-path with the same concurrency first (default 5, 0 = off)
 *   --baseline-path P     (default /jakarta.faces.resource/css/portal.css.xhtml?ln=segur)
 *   --file-kb K           size of the generated PDF uploads (default 200); the PNG is about 100 KB
 *   --no-captcha-image    accepted and ignored (the captcha has no image since issue 11)
 *   --lenient             go on after an error instead of abandoning the wizard
 *   --hold STEP           play each of --sessions suppliers once, up to and including STEP, then exit
 *                         leaving the sessions open on the server (for heap-per-session, see
 *                         bench/heap-per-session.sh). STEP is one of the step keys below, e.g. identity.
 *   --sessions N          number of sessions to create in --hold mode (default 100)
 *   --timeout S           per-request timeout (default 30)
 *   --out FILE            also write the Markdown report to FILE
 *   --server-pid PID      the WildFly java process: reports its CPU time per request and per enrolment
 *                         (read from /proc, Linux only), a measure that other load on the machine disturbs less
 *   --trace               play one wizard and print every request and response (use with --users 1)
 *   --software / --siret / --iban / --bic   the data typed (defaults: the user guide's sample rows)
 *   --db-url URL          accepted and ignored: the captcha is solved from the page (its proof of work), so
 *                         the driver needs no database access
 *
 * Step keys: page, software, certificate, next-demandeur, company, representative, identity,
 *            next-banque, iban, bic, rib, next-confirmation, finish.
 */

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

public class EnrolmentLoad {

    // ------------------------------------------------------------------ steps

    /** Request types, in wizard order; the key is what --hold takes. */
    enum Step {
        PAGE("page", "GET enrolement.xhtml (page load)"),
        SOFTWARE("software", "search software (ANS)"),
        CERTIFICATE("certificate", "upload certificat de référencement (PDF)"),
        NEXT_DEMANDEUR("next-demandeur", "wizard next → 2 Demandeur"),
        COMPANY("company", "search company (SIRET + captcha)"),
        REPRESENTATIVE("representative", "ajax: représentant légal = Oui"),
        IDENTITY("identity", "upload pièce d'identité (PNG)"),
        NEXT_BANQUE("next-banque", "wizard next → 3 Banque"),
        IBAN("iban", "ajax: IBAN change (domiciliation)"),
        BIC("bic", "ajax: BIC change (domiciliation)"),
        RIB("rib", "upload RIB (PDF)"),
        NEXT_CONFIRMATION("next-confirmation", "wizard next → 4 Confirmation"),
        FINISH("finish", "finish (Terminer: captcha, checks, store, mail)");

        final String key;
        final String label;

        Step(String key, String label) {
            this.key = key;
            this.label = label;
        }

        static Step ofKey(String key) {
            for (Step s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("Unknown step " + key + "; one of "
                    + Arrays.stream(values()).map(s -> s.key).toList());
        }
    }

    // ------------------------------------------------------------------ options

    static final class Options {
        String base;
        int users = 10;
        int durationS = 60;
        int warmupS = 10;
        int rampS = 5;
        int maxEnrolments = 100_000;
        int thinkMin = 0;
        int thinkMax = 0;
        int baselineS = 5;
        String baselinePath = "/jakarta.faces.resource/css/portal.css.xhtml?ln=segur";
        int fileKb = 200;
        boolean captchaImage = true;
        boolean lenient;
        Step hold;
        int sessions = 100;
        int timeoutS = 30;
        String out;
        boolean trace;
        String software = "0215jug63a";
        String siret = "81120705900015";
        String iban = "FR7613135000800800267924623";
        String bic = "CEPAFRPP313";
        long serverPid;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--base" -> o.base = args[++i].replaceAll("/+$", "");
                    case "--users" -> o.users = Integer.parseInt(args[++i]);
                    case "--duration" -> o.durationS = Integer.parseInt(args[++i]);
                    case "--warmup" -> o.warmupS = Integer.parseInt(args[++i]);
                    case "--ramp" -> o.rampS = Integer.parseInt(args[++i]);
                    case "--max-enrolments" -> o.maxEnrolments = Integer.parseInt(args[++i]);
                    case "--think" -> {
                        String[] p = args[++i].split("-");
                        o.thinkMin = Integer.parseInt(p[0]);
                        o.thinkMax = p.length > 1 ? Integer.parseInt(p[1]) : o.thinkMin;
                    }
                    case "--baseline" -> o.baselineS = Integer.parseInt(args[++i]);
                    case "--baseline-path" -> o.baselinePath = args[++i];
                    case "--file-kb" -> o.fileKb = Integer.parseInt(args[++i]);
                    case "--no-captcha-image" -> { } // accepted and ignored: the captcha has no image any more
                    case "--lenient" -> o.lenient = true;
                    case "--hold" -> o.hold = Step.ofKey(args[++i]);
                    case "--sessions" -> o.sessions = Integer.parseInt(args[++i]);
                    case "--timeout" -> o.timeoutS = Integer.parseInt(args[++i]);
                    case "--out" -> o.out = args[++i];
                    case "--trace" -> o.trace = true;
                    case "--server-pid" -> o.serverPid = Long.parseLong(args[++i]);
                    case "--software" -> o.software = args[++i];
                    case "--siret" -> o.siret = args[++i];
                    case "--iban" -> o.iban = args[++i];
                    case "--bic" -> o.bic = args[++i];
                    case "--db-url" -> i++; // accepted and ignored: the captcha is answered from the page
                    default -> throw new IllegalArgumentException("Unknown option " + a);
                }
            }
            if (o.base == null) {
                throw new IllegalArgumentException("--base is required, e.g. --base http://127.0.0.1:8280/segurnum");
            }
            String host = URI.create(o.base).getHost();
            if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
                throw new IllegalArgumentException("Refusing to load a non-loopback host: " + host);
            }
            if (o.users < 1 || o.users > 2000 || o.durationS < 1 || o.durationS > 3600 || o.sessions > 100_000) {
                throw new IllegalArgumentException("Out of bounds: users 1..2000, duration 1..3600 s, sessions <= 100000");
            }
            return o;
        }
    }

    // ------------------------------------------------------------------ statistics

    static final class Stats {
        private long[] micros = new long[1024];
        private int count;
        private int errors;
        private final Map<String, Integer> errorKinds = new LinkedHashMap<>();

        synchronized void record(long us, String error) {
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, count * 2);
            }
            micros[count++] = us;
            if (error != null) {
                errors++;
                String kind = error.length() > 220 ? error.substring(0, 220) + "…" : error;
                errorKinds.merge(kind, 1, Integer::sum);
            }
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(micros, count);
            Arrays.sort(copy);
            return copy;
        }

        synchronized int count() { return count; }
        synchronized int errors() { return errors; }
        synchronized Map<String, Integer> errorKinds() { return new LinkedHashMap<>(errorKinds); }

        static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
        }
    }

    // ------------------------------------------------------------------ run state

    final Options opt;
    final HttpClient http;
    final Map<Step, Stats> stats = new ConcurrentHashMap<>();
    final Stats wizardStats = new Stats();
    final AtomicInteger enrolments = new AtomicInteger();
    final AtomicInteger wizardsStarted = new AtomicInteger();
    final AtomicInteger wizardsFailed = new AtomicInteger();
    final AtomicInteger wizardsCut = new AtomicInteger();
    final AtomicInteger held = new AtomicInteger();
    final AtomicLong userSeq = new AtomicLong();
    final List<String> requestNumbers = Collections.synchronizedList(new ArrayList<>());
    volatile long recordFrom;     // nanoTime: requests started before are warm-up
    volatile long deadline;       // nanoTime: no request is started after it
    final byte[] pdf;
    final byte[] png;
    final PrintStream log = System.out;

    EnrolmentLoad(Options opt) throws IOException {
        this.opt = opt;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(4, daemon("http")))
                .build();
        this.pdf = Uploads.pdf(opt.fileKb * 1024);
        this.png = Uploads.png();
        for (Step s : Step.values()) {
            stats.put(s, new Stats());
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Options opt;
        try {
            opt = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        EnrolmentLoad load = new EnrolmentLoad(opt);
        if (opt.hold != null) {
            load.hold();
        } else {
            load.run(String.join(" ", args));
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------ modes

    void hold() throws InterruptedException {
        int threads = Math.min(opt.users, opt.sessions);
        recordFrom = System.nanoTime();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(opt.durationS);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("supplier"));
        AtomicInteger left = new AtomicInteger(opt.sessions);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    new Supplier(userSeq.incrementAndGet()).play();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(opt.durationS + opt.timeoutS + 5L, TimeUnit.SECONDS);
        pool.shutdownNow();
        log.printf(Locale.ROOT, "HELD %d sessions after step '%s' (%d wizards failed before it)%n",
                held.get(), opt.hold.key, wizardsFailed.get());
        printErrors(log);
    }

    void run(String commandLine) throws Exception {
        StringBuilder report = new StringBuilder();
        Instant started = Instant.now();
        report.append("Run started ").append(started).append(" with: java bench/EnrolmentLoad.java ")
                .append(commandLine).append("\n\n");

        double baselineRps = Double.NaN;
        Stats baseline = new Stats();
        if (opt.baselineS > 0) {
            baselineRps = baseline(baseline);
        }

        ExecutorService pool = Executors.newFixedThreadPool(opt.users, daemon("supplier"));
        long start = System.nanoTime();
        recordFrom = start + TimeUnit.SECONDS.toNanos(opt.warmupS);
        deadline = recordFrom + TimeUnit.SECONDS.toNanos(opt.durationS);
        Thread sampler = new Thread(() -> {
            sleep((recordFrom - System.nanoTime()) / 1_000_000);
            cpuAtStart = cpu();
            sleep((deadline - System.nanoTime()) / 1_000_000);
            cpuAtEnd = cpu();
        }, "cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
        for (int u = 0; u < opt.users; u++) {
            long delayMs = opt.users == 1 ? 0 : (long) opt.rampS * 1000 * u / opt.users;
            pool.submit(() -> {
                sleep(delayMs);
                while (System.nanoTime() < deadline && enrolments.get() < opt.maxEnrolments
                        && !(opt.trace && wizardsStarted.get() > 0)) {
                    new Supplier(userSeq.incrementAndGet()).play();
                }
            });
        }
        pool.shutdown();
        long waitS = opt.warmupS + opt.durationS + opt.timeoutS + 10L;
        if (!pool.awaitTermination(waitS, TimeUnit.SECONDS)) {
            log.println("Some suppliers were still waiting for the server after the deadline: stopped.");
            pool.shutdownNow();
        }
        double measured = Math.max(1e-9, (Math.min(System.nanoTime(), deadline) - recordFrom) / 1e9);
        sampler.join(2000);

        report.append(String.format(Locale.ROOT,
                "Users (threads) %d, think time %s ms, warm-up %d s (not recorded), measured %.1f s, "
                        + "uploads: PDF %d KB, PNG %d KB%s%n%n",
                opt.users, opt.thinkMax == 0 ? "0" : opt.thinkMin + "-" + opt.thinkMax, opt.warmupS, measured,
                pdf.length / 1024, png.length / 1024, opt.lenient ? ", lenient (goes on after an error)" : ""));
        report.append("| Step | Count | Errors | p50 ms | p95 ms | p99 ms | max ms | req/s |\n");
        report.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        long totalRequests = 0;
        int totalErrors = 0;
        Stats all = new Stats();
        for (Step s : Step.values()) {
            Stats st = stats.get(s);
            long[] sorted = st.sorted();
            if (sorted.length == 0) {
                continue;
            }
            totalRequests += sorted.length;
            totalErrors += st.errors();
            for (long v : sorted) {
                all.record(v, null);
            }
            report.append(row(s.label, sorted, st.errors(), measured));
        }
        report.append(row("**all wizard requests**", all.sorted(), totalErrors, measured));
        report.append("\n");
        long[] wiz = wizardStats.sorted();
        int completed = stats.get(Step.FINISH).count() - stats.get(Step.FINISH).errors();
        double enrolmentsPerS = completed / measured;
        report.append(String.format(Locale.ROOT,
                "Completed enrolments (finish answered with an ENR number, in the measured window): %d in %.1f s = "
                        + "**%.2f enrolments/s**; wizards started (warm-up included) %d, abandoned on an error %d, "
                        + "cut by the end of the run %d.%n",
                completed, measured, enrolmentsPerS, wizardsStarted.get(), wizardsFailed.get(), wizardsCut.get()));
        if (wiz.length > 0) {
            report.append(String.format(Locale.ROOT,
                    "Whole wizard (first GET to ENR number, think time included, wizards started in the window): "
                            + "p50 %.0f ms, p95 %.0f ms.%n", Stats.pct(wiz, 50), Stats.pct(wiz, 95)));
        }
        double wizardRps = totalRequests / measured;
        report.append(String.format(Locale.ROOT, "Wizard HTTP requests: %d = %.1f req/s.%n", totalRequests, wizardRps));
        if (!Double.isNaN(baselineRps)) {
            long[] b = baseline.sorted();
            report.append(String.format(Locale.ROOT,
                    "Baseline GET %s, %d threads, %d s: %d requests = **%.1f req/s**, p50 %.1f ms, p95 %.1f ms, "
                            + "errors %d. Ratio baseline req/s / wizard req/s = **%.1f**"
                            + " (baseline req/s per completed enrolment/s: %.0f).%n",
                    opt.baselinePath, opt.users, opt.baselineS, b.length, baselineRps, Stats.pct(b, 50),
                    Stats.pct(b, 95), baseline.errors(), baselineRps / wizardRps,
                    completed == 0 ? Double.NaN : baselineRps / enrolmentsPerS));
        }
        if (cpuAtStart != null && cpuAtEnd != null) {
            double server = cpuAtEnd[0] - cpuAtStart[0];
            double driver = cpuAtEnd[1] - cpuAtStart[1];
            double machineBusy = cpuAtEnd[2] - cpuAtStart[2];
            double machineAll = cpuAtEnd[3] - cpuAtStart[3];
            double window = (cpuAtEnd[4] - cpuAtStart[4]);
            report.append(String.format(Locale.ROOT,
                    "CPU in the measured window (%.1f s, %d cores): WildFly (pid %d) %.1f s = %.0f %% of the machine, "
                            + "this driver %.1f s, whole machine busy %.0f %% (PostgreSQL and the other servers "
                            + "included). WildFly CPU per wizard request **%.1f ms**, per completed enrolment "
                            + "**%.0f ms**.%n",
                    window, Runtime.getRuntime().availableProcessors(), opt.serverPid, server,
                    100 * server / (window * Runtime.getRuntime().availableProcessors()), driver,
                    100 * machineBusy / Math.max(1e-9, machineAll), 1000 * server / Math.max(1, totalRequests),
                    completed == 0 ? Double.NaN : 1000 * server / completed));
            if (baselineCpuStart != null && baselineCpuEnd != null && baseline.count() > 0) {
                double staticMs = 1000 * (baselineCpuEnd[0] - baselineCpuStart[0]) / baseline.count();
                report.append(String.format(Locale.ROOT,
                        "WildFly CPU per baseline GET: %.2f ms, so one wizard request costs the server as much CPU as "
                                + "**%.0f** baseline GETs.%n", staticMs,
                        1000 * server / Math.max(1, totalRequests) / Math.max(1e-9, staticMs)));
            }
        }
        report.append("\n");
        StringBuilder errs = new StringBuilder();
        for (Step s : Step.values()) {
            for (Map.Entry<String, Integer> e : stats.get(s).errorKinds().entrySet()) {
                errs.append("- ").append(s.key).append(" × ").append(e.getValue()).append(": ")
                        .append(e.getKey().replace('\n', ' ')).append("\n");
            }
        }
        if (errs.length() > 0) {
            report.append("Errors by step and kind:\n\n").append(errs).append("\n");
        }
        if (!requestNumbers.isEmpty()) {
            report.append("Request numbers, first and last: ").append(requestNumbers.get(0)).append(" … ")
                    .append(requestNumbers.get(requestNumbers.size() - 1)).append("\n");
        }
        log.println();
        log.println(report);
        if (opt.out != null) {
            java.nio.file.Files.writeString(Path.of(opt.out), report.toString(), StandardCharsets.UTF_8);
        }
    }

    volatile double[] baselineCpuStart;
    volatile double[] baselineCpuEnd;
    volatile double[] cpuAtStart;
    volatile double[] cpuAtEnd;

    /** {server CPU s, driver CPU s, machine busy s, machine total s, wall s}; null without --server-pid. */
    double[] cpu() {
        if (opt.serverPid <= 0) {
            return null;
        }
        try {
            double tick = 100.0; // USER_HZ, 100 on Linux
            String[] st = java.nio.file.Files.readString(Path.of("/proc/" + opt.serverPid + "/stat"))
                    .replaceFirst("^.*\\) ", "").split(" ");
            double server = (Long.parseLong(st[11]) + Long.parseLong(st[12])) / tick;
            double driver = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
            String[] all = java.nio.file.Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = Long.parseLong(all[4]) + Long.parseLong(all[5]);
            for (int i = 1; i < all.length && i <= 8; i++) {
                total += Long.parseLong(all[i]);
            }
            return new double[] {server, driver, (total - idle) / tick, total / tick, System.nanoTime() / 1e9};
        } catch (IOException | RuntimeException e) {
            log.println("cannot read CPU times: " + e);
            return null;
        }
    }

    static String row(String label, long[] sorted, int errors, double seconds) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", label,
                sorted.length, errors, Stats.pct(sorted, 50), Stats.pct(sorted, 95), Stats.pct(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1000.0, sorted.length / seconds);
    }

    void printErrors(PrintStream out) {
        for (Step s : Step.values()) {
            for (Map.Entry<String, Integer> e : stats.get(s).errorKinds().entrySet()) {
                out.println("  error " + s.key + " x" + e.getValue() + ": " + e.getKey().replace('\n', ' '));
            }
        }
    }

    /** Closed-loop GETs of one cheap resource with the same number of threads: the server's ceiling here. */
    double baseline(Stats st) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(opt.users, daemon("baseline"));
        URI uri = URI.create(opt.base + opt.baselinePath);
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(2, opt.baselineS));
        long end = warm + TimeUnit.SECONDS.toNanos(opt.baselineS);
        AtomicLong done = new AtomicLong();
        Thread sampler = new Thread(() -> {
            sleep((warm - System.nanoTime()) / 1_000_000);
            baselineCpuStart = cpu();
            sleep((end - System.nanoTime()) / 1_000_000);
            baselineCpuEnd = cpu();
        }, "cpu-sampler-baseline");
        sampler.setDaemon(true);
        sampler.start();
        for (int u = 0; u < opt.users; u++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    String error = null;
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(opt.timeoutS)).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            error = "HTTP " + r.statusCode();
                        }
                    } catch (IOException e) {
                        error = e.toString();
                        sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= warm && t1 <= end) {
                        st.record((t1 - t0) / 1000, error);
                        if (error == null) {
                            done.incrementAndGet();
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(opt.baselineS + opt.timeoutS + 5L, TimeUnit.SECONDS);
        pool.shutdownNow();
        sampler.join(2000);
        double rps = done.get() / (double) opt.baselineS;
        log.printf(Locale.ROOT, "baseline %s: %.1f req/s with %d threads%n", opt.baselinePath, rps, opt.users);
        return rps;
    }

    static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ one supplier

    /** Thrown to abandon the current wizard. */
    static final class Abandon extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean cut;

        Abandon(String message, boolean cut) {
            super(message, null, false, false);
            this.cut = cut;
        }
    }

    /** What a browser's DOM holds of the form, rebuilt from the responses. */
    static final class Field {
        final String name;
        final String type;
        final String value;
        boolean checked;
        String typed;
        final String region;

        Field(String name, String type, String value, boolean checked, String region) {
            this.name = name;
            this.type = type;
            this.value = value;
            this.checked = checked;
            this.region = region;
        }
    }

    /** A PrimeFaces.ab({...}) call: the ajax behaviour of a button or an input. */
    record Ajax(String source, String event, String process, String update) {
    }

    final class Supplier {
        final long id;
        final Map<String, String> cookies = new LinkedHashMap<>();
        /** Inputs by name; radios are kept as "name=value" keys. */
        final Map<String, Field> fields = new LinkedHashMap<>();
        final Map<String, Ajax> behaviours = new ConcurrentHashMap<>();
        final Map<String, String[]> uploads = new LinkedHashMap<>(); // id -> {process, update}
        String viewState;
        String wizardId = "enrolment:wizard";
        List<String> steps = List.of("logiciel", "demandeur", "banque", "confirmation");
        String lastBody = "";
        final List<String> problems = new ArrayList<>();

        Supplier(long id) {
            this.id = id;
        }

        void play() {
            wizardsStarted.incrementAndGet();
            long t0 = System.nanoTime();
            try {
                if (wizard() && t0 >= recordFrom && System.nanoTime() <= deadline + TimeUnit.SECONDS.toNanos(opt.timeoutS)) {
                    wizardStats.record((System.nanoTime() - t0) / 1000, null);
                }
            } catch (Abandon e) {
                if (e.cut) {
                    wizardsCut.incrementAndGet();
                } else {
                    wizardsFailed.incrementAndGet();
                    if (opt.trace) {
                        log.println("ABANDON " + e.getMessage());
                    }
                }
            } catch (RuntimeException e) {
                wizardsFailed.incrementAndGet();
                if (opt.trace) {
                    e.printStackTrace(log);
                }
            }
        }

        boolean holdAfter(Step s) {
            if (opt.hold == s) {
                held.incrementAndGet();
                return true;
            }
            return false;
        }

        boolean wizard() throws Abandon {
            String form = "enrolment";
            // 1 - Logiciel
            String html = get(Step.PAGE, "/enrolement.xhtml", body -> body.contains("jakarta.faces.ViewState")
                    ? null : "no ViewState in the page");
            fields.clear();
            parseRegion(html, form, true);
            if (holdAfter(Step.PAGE)) return false;

            type("enrolment:referencingNumber", opt.software);
            click(Step.SOFTWARE, "enrolment:searchSoftware", "enrolment:searchSoftware enrolment:referencingNumber",
                    form, null, r -> r.contains("softwareDetails") ? null : "software details not rendered");
            if (holdAfter(Step.SOFTWARE)) return false;
            upload(Step.CERTIFICATE, "enrolment:CERTIFICAT_REFERENCEMENT", "certificat-referencement.pdf",
                    "application/pdf", pdf);
            if (holdAfter(Step.CERTIFICATE)) return false;
            next(Step.NEXT_DEMANDEUR, "demandeur");
            if (holdAfter(Step.NEXT_DEMANDEUR)) return false;

            // 2 - Demandeur
            String companyAnswer = captchaAnswer(lastBody, "companyCaptcha");
            type("enrolment:siret", opt.siret);
            solved("companyCaptcha", companyAnswer);
            click(Step.COMPANY, "enrolment:searchCompany",
                    "enrolment:searchCompany enrolment:siret enrolment:companyCaptcha", form, null,
                    r -> r.contains("companyDetails") ? null : "company details not rendered");
            if (holdAfter(Step.COMPANY)) return false;
            check("enrolment:legalRepresentative", "true");
            change(Step.REPRESENTATIVE, "enrolment:legalRepresentative", "enrolment:people",
                    r -> r.contains("representativeLastName") ? null : "representative fields not rendered");
            if (holdAfter(Step.REPRESENTATIVE)) return false;
            type("enrolment:representativeLastName", "DURAND");
            type("enrolment:representativeFirstName", "Camille");
            String mail = "camille.durand+u" + id + "@example.com";
            type("enrolment:representativeEmail", mail);
            type("enrolment:representativeEmailConfirmation", mail);
            type("enrolment:representativePhone", "0491" + String.format("%06d", id % 1_000_000));
            upload(Step.IDENTITY, "enrolment:PIECE_IDENTITE_REPRESENTANT", "cni-recto.png", "image/png", png);
            if (holdAfter(Step.IDENTITY)) return false;
            next(Step.NEXT_BANQUE, "banque");
            if (holdAfter(Step.NEXT_BANQUE)) return false;

            // 3 - Coordonnées bancaires
            type("enrolment:iban", opt.iban);
            change(Step.IBAN, "enrolment:iban", "enrolment:domiciliationField",
                    r -> r.contains("domiciliation") ? null : "domiciliation not rendered");
            if (holdAfter(Step.IBAN)) return false;
            type("enrolment:bic", opt.bic);
            change(Step.BIC, "enrolment:bic", "enrolment:domiciliationField",
                    r -> r.contains("domiciliation") ? null : "domiciliation not rendered");
            if (holdAfter(Step.BIC)) return false;
            type("enrolment:accountHolder", "KALINKA");
            upload(Step.RIB, "enrolment:RIB", "rib-FR7613135000800800267924623.pdf", "application/pdf", pdf);
            if (holdAfter(Step.RIB)) return false;
            next(Step.NEXT_CONFIRMATION, "confirmation");
            if (holdAfter(Step.NEXT_CONFIRMATION)) return false;

            // 4 - Confirmation
            String finalAnswer = captchaAnswer(lastBody, "finalCaptcha");
            solved("finalCaptcha", finalAnswer);
            checkBox("enrolment:cguAccepted");
            checkBox("enrolment:penalCodeAcknowledged");
            checkBox("enrolment:sincerityCertified");
            String[] number = new String[1];
            click(Step.FINISH, "enrolment:finish", form, form, null, r -> {
                Matcher m = Pattern.compile("ENR[0-9A-HJKMNP-TV-Z]{5,}").matcher(r);
                if (m.find()) {
                    number[0] = m.group();
                    return null;
                }
                return "no ENR request number in the finish response";
            });
            if (number[0] == null) {
                return false;
            }
            {
                if (recordFrom <= System.nanoTime()) {
                    requestNumbers.add(number[0]);
                }
                enrolments.incrementAndGet();
            }
            holdAfter(Step.FINISH);
            return true;
        }

        // ---------------------------------------------------------- the DOM model

        void type(String name, String value) throws Abandon {
            Field f = fields.get(name);
            if (f == null) {
                fieldMissing(name);
                fields.put(name, f = new Field(name, "text", "", false, "?"));
            }
            f.typed = value;
        }

        void check(String name, String value) throws Abandon {
            Field f = fields.get(name + "=" + value);
            if (f == null) {
                fieldMissing(name + " (radio " + value + ")");
                fields.put(name + "=" + value, f = new Field(name, "radio", value, false, "?"));
            }
            for (Field other : fields.values()) {
                if (other.name.equals(name) && "radio".equals(other.type)) {
                    other.checked = false;
                }
            }
            f.checked = true;
        }

        /** p:selectBooleanCheckbox renders a hidden-accessible checkbox named id + "_input". */
        void checkBox(String id) throws Abandon {
            Field f = fields.get(id + "_input");
            if (f == null) {
                fieldMissing(id + "_input (checkbox)");
                fields.put(id + "_input", f = new Field(id + "_input", "checkbox", "on", false, "?"));
            }
            f.checked = true;
        }

        /** Something the page should have rendered is not there: reported with the next request. */
        void fieldMissing(String name) {
            problem("field " + name + " is not in the rendered form");
        }

        void problem(String what) {
            if (opt.trace) {
                log.println("  ! " + what);
            }
            problems.add(what);
        }

        /** Reads the inputs, behaviours and upload widgets of a rendered region. */
        void parseRegion(String html, String region, boolean replaceAll) {
            if (replaceAll) {
                fields.clear();
                fields.put("enrolment", new Field("enrolment", "hidden", "enrolment", false, "form"));
            } else {
                fields.values().removeIf(f -> region.equals(f.region));
            }
            Matcher m = INPUT.matcher(html);
            while (m.find()) {
                Map<String, String> a = attributes(m.group(1));
                String name = a.get("name");
                String type = a.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
                if (name == null || a.containsKey("disabled") || type.equals("file") || type.equals("submit")
                        || type.equals("button") || type.equals("image") || type.equals("reset")) {
                    continue;
                }
                if (name.equals("jakarta.faces.ViewState")) {
                    viewState = a.get("value");
                    continue;
                }
                String value = a.getOrDefault("value", type.equals("checkbox") || type.equals("radio") ? "on" : "");
                Field f = new Field(name, type, value, a.containsKey("checked"), region);
                fields.put(type.equals("radio") ? name + "=" + value : name, f);
            }
            Matcher ab = AB.matcher(html);
            while (ab.find()) {
                String cfg = unescape(ab.group(1));
                String s = jsValue(cfg, "s");
                if (s != null) {
                    behaviours.put(s, new Ajax(s, jsValue(cfg, "e"), jsValue(cfg, "p"), jsValue(cfg, "u")));
                }
            }
            Matcher cw = CW.matcher(html);
            while (cw.find()) {
                String widget = cw.group(1);
                String cfg = unescape(cw.group(2));
                String cid = jsValue(cfg, "id");
                if (widget.equals("FileUpload") && cid != null) {
                    uploads.put(cid, new String[] {jsValue(cfg, "process"), jsValue(cfg, "update")});
                } else if (widget.equals("Wizard") && cid != null) {
                    wizardId = cid;
                    Matcher st = Pattern.compile("steps:\\[([^\\]]*)\\]").matcher(cfg);
                    if (st.find()) {
                        steps = Arrays.stream(st.group(1).split(",")).map(x -> x.replaceAll("['\" ]", "")).toList();
                    }
                }
                // behaviours of inputs may be given in cw(...){behaviors:{change:function(){PrimeFaces.ab(...)}}}
            }
        }

        /** Applies a partial response to the DOM model; returns an error or null. */
        String applyPartial(String body) {
            if (!body.contains("<partial-response")) {
                return "not a partial response: " + snippet(body);
            }
            Matcher err = Pattern.compile("<error>.*?<error-name>(.*?)</error-name>.*?<error-message>(.*?)</error-message>",
                    Pattern.DOTALL).matcher(body);
            String error = null;
            if (err.find()) {
                error = "partial-response <error> " + err.group(1).trim() + ": " + stripCdata(err.group(2)).trim();
            }
            Matcher redirect = Pattern.compile("<redirect url=\"([^\"]*)\"").matcher(body);
            if (redirect.find()) {
                // "Terminer" sends the browser to the confirmation page (the number is in its URL); any other
                // redirect is an error (an expired view, a login page...).
                return redirect.group(1).contains("/enrolement-terminee.xhtml") ? null
                        : "redirected to " + redirect.group(1);
            }
            Matcher up = UPDATE.matcher(body);
            while (up.find()) {
                String id = up.group(1);
                String content = stripCdata(up.group(2));
                if (id.contains("jakarta.faces.ViewState")) {
                    viewState = content.trim();
                } else if (id.equals("enrolment") || id.equals(wizardId)) {
                    parseRegion(content, id, true);
                } else {
                    parseRegion(content, id, false);
                }
            }
            return error;
        }

        // ---------------------------------------------------------- requests

        interface Check {
            String verify(String body);
        }

        String get(Step step, String path, Check check) throws Abandon {
            think();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(opt.base + path))
                    .timeout(Duration.ofSeconds(opt.timeoutS))
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .GET();
            return send(step, b, check, false);
        }

        /**
         * The captcha's proof of work, solved as a script would (one core, JDK SHA-256): the widget's challenge is
         * the challengejson attribute of the slot's altcha-widget; the answer is the payload the widget posts.
         */
        String captchaAnswer(String body, String slot) throws Abandon {
            Matcher m = Pattern.compile("<altcha-widget[^>]*challengejson=\"([^\"]+)\"[^>]*name=\"" + slot + "_payload\"")
                    .matcher(body);
            if (!m.find()) {
                problem("no captcha challenge for " + slot + " in the response");
                return "";
            }
            String json = unescape(m.group(1));
            String answer = Captcha.solve(json);
            if (answer == null) {
                problem("captcha challenge not solved: " + json);
                return "";
            }
            return answer;
        }

        /** The widget's hidden input, which it adds to the form once solved. */
        void solved(String slot, String payload) {
            Field f = new Field(slot + "_payload", "hidden", payload, false, "?");
            f.typed = payload;
            fields.put(f.name, f);
        }

        /** A p:commandButton (or any PrimeFaces.ab source without event). */
        void click(Step step, String source, String defaultProcess, String defaultUpdate, Map<String, String> extra,
                   Check check) throws Abandon {
            Ajax a = behaviours.get(source);
            String process;
            String update;
            if (a == null) {
                fieldMissing(source + " (button)");
                process = defaultProcess;
                update = defaultUpdate;
            } else {
                process = a.process() == null ? source : a.process().replace(',', ' ');
                update = a.update() == null ? null : a.update().replace(',', ' ');
            }
            List<String[]> params = new ArrayList<>();
            params.add(new String[] {"jakarta.faces.partial.ajax", "true"});
            params.add(new String[] {"jakarta.faces.source", source});
            params.add(new String[] {"jakarta.faces.partial.execute", process});
            if (update != null) {
                params.add(new String[] {"jakarta.faces.partial.render", update});
            }
            params.add(new String[] {source, source});
            if (extra != null) {
                extra.forEach((k, v) -> params.add(new String[] {k, v}));
            }
            formParams(params);
            post(step, params, null, check);
        }

        /** A p:ajax behaviour on an input (change event). */
        void change(Step step, String source, String defaultUpdate, Check check) throws Abandon {
            Ajax a = behaviours.get(source);
            String event = "change";
            String process = source;
            String update = defaultUpdate;
            if (a == null) {
                fieldMissing(source + " (p:ajax)");
            } else {
                event = a.event() == null ? "change" : a.event();
                process = a.process() == null ? source : a.process().replace(',', ' ');
                update = a.update() == null ? null : a.update().replace(',', ' ');
            }
            List<String[]> params = new ArrayList<>();
            params.add(new String[] {"jakarta.faces.partial.ajax", "true"});
            params.add(new String[] {"jakarta.faces.source", source});
            params.add(new String[] {"jakarta.faces.partial.execute", process});
            if (update != null) {
                params.add(new String[] {"jakarta.faces.partial.render", update});
            }
            params.add(new String[] {"jakarta.faces.behavior.event", event});
            params.add(new String[] {"jakarta.faces.partial.event", event.equals("valueChange") ? "change" : event});
            formParams(params);
            post(step, params, null, check);
        }

        /** PF('wizard').next(): process and update the wizard, with _direction and _stepToGo. */
        void next(Step step, String to) throws Abandon {
            List<String[]> params = new ArrayList<>();
            params.add(new String[] {"jakarta.faces.partial.ajax", "true"});
            params.add(new String[] {"jakarta.faces.source", wizardId});
            params.add(new String[] {"jakarta.faces.partial.execute", wizardId});
            params.add(new String[] {"jakarta.faces.partial.render", wizardId});
            params.add(new String[] {wizardId, wizardId});
            params.add(new String[] {wizardId + "_direction", "next"});
            params.add(new String[] {wizardId + "_stepToGo", to});
            formParams(params);
            post(step, params, null, r -> {
                Matcher m = Pattern.compile("currentStep&#34;:&#34;(\\w+)|\"currentStep\":\"(\\w+)\"").matcher(r);
                String reached = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
                return to.equals(reached) ? null : "wizard stayed on " + reached + " instead of " + to;
            });
        }

        /** An advanced, auto p:fileUpload: the jQuery File Upload plugin's multipart POST. */
        void upload(Step step, String id, String fileName, String mediaType, byte[] content) throws Abandon {
            String[] cfg = uploads.get(id);
            if (cfg == null) {
                fieldMissing(id + " (file upload widget)");
                cfg = new String[] {id, id + "_status"};
            }
            List<String[]> params = new ArrayList<>();
            formParams(params);            // form.serializeArray() first, then createPostData()'s parameters
            params.add(new String[] {"jakarta.faces.partial.ajax", "true"});
            params.add(new String[] {"jakarta.faces.partial.execute", id + (cfg[0] == null ? "" : " " + cfg[0].replace(',', ' '))});
            params.add(new String[] {"jakarta.faces.source", id});
            params.add(new String[] {id + "_totalFilesCount", "1"});
            if (cfg[1] != null) {
                params.add(new String[] {"jakarta.faces.partial.render", cfg[1].replace(',', ' ')});
            }
            String statusId = cfg[1] == null ? id + "_status" : cfg[1].split("[ ,]")[0];
            post(step, params, new Object[] {id, fileName, mediaType, content}, r -> {
                Matcher m = Pattern.compile("id=\"" + Pattern.quote(statusId) + "\"[^>]*>([^<]*)").matcher(r);
                boolean stored = false;
                while (m.find()) {
                    stored |= m.group(1).contains("Fichier déposé");
                }
                return stored ? null
                        : "upload not acknowledged (no \"Fichier déposé\" in " + statusId + ")";
            });
        }

        /** The form's successful controls, as jQuery's serializeArray() gives them, ViewState last. */
        void formParams(List<String[]> params) {
            for (Field f : fields.values()) {
                if (f.type.equals("radio") || f.type.equals("checkbox")) {
                    if (f.checked) {
                        params.add(new String[] {f.name, f.value});
                    }
                } else {
                    params.add(new String[] {f.name, f.typed != null ? f.typed : f.value});
                }
            }
            if (viewState != null) {
                params.add(new String[] {"jakarta.faces.ViewState", viewState});
            }
        }

        String post(Step step, List<String[]> params, Object[] file, Check check) throws Abandon {
            think();
            String boundary = "----segurBench" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            ByteArrayOutputStream out = new ByteArrayOutputStream(file == null ? 4096 : ((byte[]) file[3]).length + 4096);
            for (String[] p : params) {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p[0] + "\"\r\n\r\n"
                        + p[1] + "\r\n");
            }
            if (file != null) {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file[0]
                        + "\"; filename=\"" + file[1] + "\"\r\nContent-Type: " + file[2] + "\r\n\r\n");
                out.writeBytes((byte[]) file[3]);
                write(out, "\r\n");
            }
            write(out, "--" + boundary + "--\r\n");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(opt.base + "/enrolement.xhtml"))
                    .timeout(Duration.ofSeconds(opt.timeoutS))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Faces-Request", "partial/ajax")
                    .header("X-Requested-With", "XMLHttpRequest")
                    .header("Accept", "application/xml, text/xml, */*; q=0.01")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
            if (opt.trace) {
                StringBuilder sb = new StringBuilder("  > POST " + step.key + ":");
                for (String[] p : params) {
                    sb.append(' ').append(p[0]).append('=').append(p[1].length() > 60 ? p[1].substring(0, 60) + "…" : p[1]);
                }
                if (file != null) {
                    sb.append(" [file ").append(file[0]).append(' ').append(file[1]).append(' ')
                            .append(((byte[]) file[3]).length).append(" bytes]");
                }
                log.println(sb);
            }
            return send(step, b, check, false);
        }

        String send(Step step, HttpRequest.Builder builder, Check check, boolean binary) throws Abandon {
            if (System.nanoTime() >= deadline) {
                throw new Abandon("end of run", true);
            }
            if (!cookies.isEmpty()) {
                StringBuilder c = new StringBuilder();
                cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
                builder.header("Cookie", c.toString());
            }
            builder.header("User-Agent", "segur-bench/1 (EnrolmentLoad.java)");
            String missing = problems.isEmpty() ? null : String.join("; ", problems);
            problems.clear();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r;
            String error = null;
            String body = "";
            try {
                r = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                long t1 = System.nanoTime();
                for (String sc : r.headers().allValues("Set-Cookie")) {
                    String nv = sc.split(";", 2)[0];
                    int eq = nv.indexOf('=');
                    if (eq > 0) {
                        cookies.put(nv.substring(0, eq).trim(), nv.substring(eq + 1).trim());
                    }
                }
                if (!binary) {
                    body = new String(r.body(), StandardCharsets.UTF_8);
                }
                if (r.statusCode() != 200) {
                    error = "HTTP " + r.statusCode();
                } else if (!binary) {
                    if (body.contains("<partial-response")) {
                        error = applyPartial(body);
                    }
                    if (error == null) {
                        error = errorMessages(body);
                    }
                    if (error == null && check != null) {
                        error = check.verify(body);
                    }
                } else if (r.body().length == 0) {
                    error = "empty image";
                }
                if (error == null && missing != null) {
                    error = missing;
                }
                if (!binary) {
                    lastBody = body;
                }
                if (opt.trace) {
                    log.printf(Locale.ROOT, "  < %s HTTP %d %d bytes %.1f ms%s%n", step.key, r.statusCode(),
                            r.body().length, (t1 - t0) / 1e6, error == null ? "" : " ERROR " + error);
                    if (!binary) {
                        log.println("    " + snippet(body).replace("\n", "\n    "));
                    }
                }
                if (t0 >= recordFrom && t1 <= deadline + TimeUnit.SECONDS.toNanos(opt.timeoutS)) {
                    stats.get(step).record((t1 - t0) / 1000, error);
                }
            } catch (IOException e) {
                error = e.toString();
                if (t0 >= recordFrom) {
                    stats.get(step).record((System.nanoTime() - t0) / 1000, error);
                }
                sleep(200); // a server that refuses connections must not turn the run into a busy loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abandon("interrupted", true);
            }
            if (error != null && !opt.lenient) {
                throw new Abandon(step.key + ": " + error, false);
            }
            return body;
        }

        void think() {
            if (opt.thinkMax > 0) {
                sleep(opt.thinkMin + ThreadLocalRandom.current().nextInt(opt.thinkMax - opt.thinkMin + 1));
            }
        }
    }

    // ------------------------------------------------------------------ parsing helpers

    static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    static final Pattern ATTR = Pattern.compile("([\\w:.-]+)(?:\\s*=\\s*\"([^\"]*)\")?");
    static final Pattern AB = Pattern.compile("PrimeFaces\\.ab\\(\\{(.*?)\\}[,)]");
    static final Pattern CW = Pattern.compile("PrimeFaces\\.cw\\(\"(\\w+)\",\"[^\"]*\",\\{(.*?)\\}\\);");
    static final Pattern UPDATE = Pattern.compile("<update id=\"([^\"]*)\">(.*?)</update>", Pattern.DOTALL);
    static final Pattern MESSAGES = Pattern.compile(
            "class=\"[^\"]*ui-messages?-error[^\"]*\"[^>]*>(.*?)</(?:div|span|li)>", Pattern.DOTALL);
    static final Pattern GROWL_ERROR = Pattern.compile("msgs:\\[[^\\]]*severity:\"?'?error", Pattern.DOTALL);

    static Map<String, String> attributes(String tag) {
        Map<String, String> a = new LinkedHashMap<>();
        Matcher m = ATTR.matcher(tag);
        while (m.find()) {
            a.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) == null ? "" : unescape(m.group(2)));
        }
        return a;
    }

    /** The value of key k in a JS object literal body written by PrimeFaces ({s:"id",p:"a b",...}). */
    static String jsValue(String cfg, String key) {
        Matcher m = Pattern.compile("(?:^|[,{])\\s*" + Pattern.quote(key) + "\\s*:\\s*(?:\"([^\"]*)\"|'([^']*)'|(this))")
                .matcher(cfg);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    static String stripCdata(String s) {
        return s.replace("]]><![CDATA[", "").replace("<![CDATA[", "").replace("]]>", "");
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&apos;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Error messages rendered by p:messages, p:message or p:growl; null when none. */
    static String errorMessages(String body) {
        Matcher m = MESSAGES.matcher(body);
        List<String> texts = new ArrayList<>();
        while (m.find() && texts.size() < 3) {
            String text = unescape(m.group(1).replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").trim();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        if (!texts.isEmpty()) {
            return "error message: " + String.join(" | ", texts);
        }
        if (body.contains("ui-messages-error") || body.contains("ui-message-error")) {
            return "error message rendered";
        }
        if (GROWL_ERROR.matcher(body).find()) {
            return "growl error message";
        }
        return null;
    }

    static String snippet(String body) {
        String s = body.length() > 600 ? body.substring(0, 600) + "…" : body;
        return s;
    }

    static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ captcha proof of work

    /** Solves an ALTCHA challenge by trying every number (what the widget does in the browser, here on one core). */
    static final class Captcha {
        static String solve(String json) {
            String challenge = field(json, "challenge");
            String salt = field(json, "salt");
            Matcher max = Pattern.compile("\"maxnumber\"\\s*:\\s*(\\d+)").matcher(json);
            if (challenge == null || salt == null || !max.find()) {
                return null;
            }
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                java.util.HexFormat hex = java.util.HexFormat.of();
                for (long n = 0, limit = Long.parseLong(max.group(1)); n <= limit; n++) {
                    if (hex.formatHex(sha.digest((salt + n).getBytes(StandardCharsets.UTF_8))).equals(challenge)) {
                        String payload = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + challenge + "\",\"number\":" + n
                                + ",\"salt\":\"" + salt + "\",\"signature\":\"" + field(json, "signature") + "\",\"took\":1}";
                        return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }

        static String field(String json, String key) {
            Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
            return m.find() ? m.group(1) : null;
        }
    }

    // ------------------------------------------------------------------ generated uploads

    static final class Uploads {
        /** A valid one-page PDF (correct xref, %%EOF at the end) padded to about size bytes with an image stream. */
        static byte[] pdf(int size) {
            Random rnd = new Random(42);
            int pad = Math.max(0, size - 900);
            byte[] noise = new byte[pad];
            rnd.nextBytes(noise);
            ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
            List<Integer> offsets = new ArrayList<>();
            write(out, "%PDF-1.4\n");
            String content = "BT /F1 18 Tf 72 760 Td (Document de test - Portail SEGUR Numerique) Tj ET\n"
                    + "q 400 0 0 300 72 400 cm /Im1 Do Q\n";
            String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
                null,
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                null,
            };
            for (int i = 0; i < objects.length; i++) {
                offsets.add(out.size());
                write(out, (i + 1) + " 0 obj\n");
                if (i == 3) {
                    write(out, "<< /Length " + content.length() + " >>\nstream\n" + content + "endstream");
                } else if (i == 5) {
                    // A raw 8-bit grey image whose samples are the noise: PDFBox does not decode it to count pages.
                    int side = (int) Math.max(1, Math.floor(Math.sqrt(pad)));
                    int len = side * side;
                    write(out, "<< /Type /XObject /Subtype /Image /Width " + side + " /Height " + side
                            + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " + len + " >>\nstream\n");
                    out.write(noise, 0, len);
                    write(out, "\nendstream");
                } else {
                    write(out, objects[i]);
                }
                write(out, "\nendobj\n");
            }
            int xref = out.size();
            StringBuilder sb = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
            for (int off : offsets) {
                sb.append(String.format(Locale.ROOT, "%010d 00000 n \n", off));
            }
            sb.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                    .append(xref).append("\n%%EOF\n");
            write(out, sb.toString());
            return out.toByteArray();
        }

        /** A 1000 x 640 PNG of a (fake) identity card with a textured photo area: about 100 KB. */
        static byte[] png() throws IOException {
            BufferedImage img = new BufferedImage(1000, 640, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(205, 225, 240), 1000, 640,
                    new java.awt.Color(240, 215, 220)));
            g.fillRect(0, 0, 1000, 640);
            g.setColor(new java.awt.Color(40, 60, 110));
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 36));
            g.drawString("REPUBLIQUE FRANCAISE", 300, 70);
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 26));
            String[] lines = {"CARTE NATIONALE D'IDENTITE", "Nom : DURAND", "Prenom(s) : Camille",
                "Ne(e) le : 01.02.1980", "a : MARSEILLE (13)", "Document de test - banc de charge"};
            for (int i = 0; i < lines.length; i++) {
                g.drawString(lines[i], 330, 160 + i * 60);
            }
            g.dispose();
            Random rnd = new Random(7);
            for (int y = 120; y < 520; y += 2) {
                for (int x = 40; x < 300; x += 2) {
                    int v = 120 + rnd.nextInt(60) + (y - 120) / 8;
                    int c = new java.awt.Color(v, v - 20, v - 40).getRGB();
                    img.setRGB(x, y, c);
                    img.setRGB(x + 1, y, c);
                    img.setRGB(x, y + 1, c);
                    img.setRGB(x + 1, y + 1, c);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        }
    }
}
