/*
 * What the captcha's proof of work costs (docs/PERFORMANCE.md, "Captcha cost"): for each cost (max-number), the
 * time headless Chromium takes to solve a challenge through the real widget (web/node_modules/altcha, the files the
 * portal serves), and the time a script takes with a plain Java loop on one core (what a client submitting in bulk
 * pays per submission). Challenges are made by org.altcha:altcha exactly as CaptchaService makes them.
 *
 * Run from the repository root, after a build (the classpath is the ear module's test classpath):
 *
 *   mvn -q -o dependency:build-classpath -pl ear -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp "$(cat /tmp/cp.txt)" bench/captcha/CaptchaCost.java --port 3139 --trials 15 100000 250000 500000 1000000
 *
 * It serves a test page on 127.0.0.1:PORT (http://127.0.0.1 is a secure context: the widget's Web Crypto works).
 */

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.altcha.altcha.Altcha;
import org.json.JSONObject;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

public class CaptchaCost {

    public static void main(String[] args) throws Exception {
        int port = 3139;
        int trials = 10;
        List<Long> costs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                default -> costs.add(Long.parseLong(args[i]));
            }
        }
        Path widget = Path.of("web/node_modules/altcha/dist_external");
        AtomicReference<String> challenge = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.startsWith("/altcha/")) {
                body = Files.readAllBytes(widget.resolve(path.substring("/altcha/".length())));
                type = path.endsWith(".css") ? "text/css" : "text/javascript";
            } else {
                body = ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>captcha</title>"
                        + "<link rel=\"stylesheet\" href=\"/altcha/altcha.css\"></head><body><form id=\"f\">"
                        + "<altcha-widget name=\"p\" hidelogo=\"true\" hidefooter=\"true\" challengejson='"
                        + challenge.get() + "'></altcha-widget></form>"
                        + "<script type=\"module\" src=\"/altcha/altcha.js\"></script></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=UTF-8";
            }
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        System.out.printf("cores: %d (this JVM), chromium hardwareConcurrency: %s%n", Runtime.getRuntime().availableProcessors(),
                ((JavascriptExecutor) driver).executeScript("return navigator.hardwareConcurrency"));
        System.out.println("max-number  browser median / p90 / max (ms)   java 1 core median / p90 (ms)   java tries/s");
        try {
            for (long cost : costs) {
                List<Long> browser = new ArrayList<>();
                List<Long> script = new ArrayList<>();
                long tries = 0;
                long scriptNanos = 0;
                for (int t = 0; t < trials; t++) {
                    Altcha.Challenge c = Altcha.createChallenge(new Altcha.ChallengeOptions().setMaxNumber(cost)
                            .setSecureRandomNumber(true).setHmacKey("bench").setExpiresInSeconds(900).addParam("id", "bench-" + t));
                    challenge.set(new JSONObject().put("algorithm", c.algorithm).put("challenge", c.challenge)
                            .put("maxnumber", c.maxnumber).put("salt", c.salt).put("signature", c.signature).toString());
                    driver.get("http://127.0.0.1:" + port + "/");
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(
                            By.cssSelector("altcha-widget input[type=checkbox]")).isEmpty());
                    long start = System.nanoTime();
                    driver.findElement(By.cssSelector("altcha-widget input[type=checkbox]")).click();
                    String payload = new WebDriverWait(driver, Duration.ofSeconds(300)).until(d -> {
                        Object v = ((JavascriptExecutor) d).executeScript(
                                "var i = document.querySelector('input[name=p]'); return i && i.value ? i.value : null;");
                        return v == null ? null : v.toString();
                    });
                    browser.add((System.nanoTime() - start) / 1_000_000);

                    long s = System.nanoTime();
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    HexFormat hex = HexFormat.of();
                    long n = 0;
                    while (!hex.formatHex(sha.digest((c.salt + n).getBytes(StandardCharsets.UTF_8))).equals(c.challenge)) {
                        n++;
                    }
                    long took = System.nanoTime() - s;
                    script.add(took / 1_000_000);
                    tries += n + 1;
                    scriptNanos += took;
                    JSONObject posted = new JSONObject(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
                    if (posted.getLong("number") != n) {
                        throw new IllegalStateException("widget and script disagree");
                    }
                }
                System.out.printf("%,10d  %6d / %6d / %6d                  %6d / %6d                   %,.0f%n", cost,
                        pct(browser, 50), pct(browser, 90), Collections.max(browser), pct(script, 50), pct(script, 90),
                        tries / (scriptNanos / 1e9));
            }
        } finally {
            driver.quit();
            server.stop(0);
        }
    }

    static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
