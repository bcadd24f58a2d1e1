package fr.asp.segur.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the provisioned WildFly (ear/target/wildfly) that a test starts, kills with SIGKILL and
 * starts again itself, which the Arquillian-managed container cannot survive. It shares the WildFly
 * installation but has its own base directory (configuration, data, logs, deployments with the EAR
 * as built), its own port offset and its own database, and runs without sample data but with the
 * demo accounts (an administrator can use its screens).
 */
final class PrivateServer implements AutoCloseable {

    private final Path home = Path.of(System.getProperty("jboss.home"));
    private final Path base;
    private final int portOffset;
    private final String dbUrl;
    private Process process;
    private int starts;

    PrivateServer(String name, int portOffset, String dbUrl) throws IOException {
        this.base = Path.of("target", name).toAbsolutePath();
        this.portOffset = portOffset;
        this.dbUrl = dbUrl;
        deleteRecursively(base);
        copyRecursively(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("segur.ear")), base.resolve("deployments/segur.ear"));
    }

    /** Starts the server and waits until the portal answers. */
    void start() throws Exception {
        List<String> command = List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-postgres.xml",
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Dsegur.db.url=" + dbUrl, "-Dsegur.db.user=" + System.getProperty("test.db.user"),
                "-Dsegur.db.password=" + System.getProperty("test.db.password"),
                "-Dsegur.smtp.port=" + (3025 + portOffset), "-Dsegur.sample-data=false", "-Dsegur.demo-accounts=true",
                // Uploads on this server too go through the run's clamd (ClamdForTests).
                "-Dsegur.antivirus.enabled=true", "-Dsegur.antivirus.host=127.0.0.1",
                "-Dsegur.antivirus.port=" + ClamdForTests.port(),
                // Its own base directory has no data directory of the provisioned server: same data key.
                "-Dsegur.crypto.store=" + home.resolve("standalone/data/segur-data.cs"),
                "-Dsegur.captcha.max-number=2000", "-Dsegur.rate-limit.exempt=127.0.0.1");
        Path log = base.resolve("console-" + (++starts) + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI portal = URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/" + Deployments.CONTEXT + "/");
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Server stopped at start-up; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(portal).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Server not ready after 240 s; see " + log);
    }

    /** kill -9 of the server's JVM (and of the launching script): no shutdown hook, no clean-up. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle p : all) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : all) {
            p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        process = null;
    }

    /**
     * Runs one management operation with jboss-cli (local authentication: same user, same machine)
     * and returns its output, failing when the outcome is not a success.
     */
    String cli(String operation) throws Exception {
        Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + (9990 + portOffset), "--command=" + operation)
                .redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cli.waitFor(120, TimeUnit.SECONDS) || cli.exitValue() != 0 || !out.contains("\"success\"")) {
            throw new IllegalStateException("jboss-cli " + operation + " failed:\n" + out);
        }
        return out;
    }

    /** The "result" of a management operation's output that returns a number (e.g. an execution id). */
    static long longResult(String output) {
        var m = java.util.regex.Pattern.compile("\"result\"\\s*=>\\s*(\\d+)L?").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("No numeric result in " + output);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() throws Exception {
        kill();
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
