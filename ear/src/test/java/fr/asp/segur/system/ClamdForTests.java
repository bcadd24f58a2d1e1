package fr.asp.segur.system;

import fr.asp.segur.application.document.ClamAvClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * ClamAV's daemon for the system tests: started once per test run, before the first test (and so before
 * Arquillian starts WildFly, which is told {@code -Dsegur.antivirus.enabled=true} and this port by
 * arquillian.xml), stopped at the end. It listens on 127.0.0.1:{@code test.clamd.port} only, in the foreground,
 * with its own database directory holding the signatures the project ships (src/test/resources/clamav: EICAR
 * and the project's test signature, see HostileCorpus): no signature download is needed or possible.
 *
 * <p>Registered through META-INF/services and active only when failsafe sets {@code test.clamd.port}.
 */
public final class ClamdForTests implements LauncherSessionListener {

    private static Process clamd;

    /** The port clamd listens on in this run. */
    static int port() {
        return Integer.getInteger("test.clamd.port", 3310);
    }

    static ClamAvClient client() {
        return new ClamAvClient("127.0.0.1", port(), 10_000);
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("test.clamd.port") == null) {
            return;
        }
        start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    static synchronized void start() {
        if (clamd != null && clamd.isAlive()) {
            return;
        }
        if (client().ping()) {
            // A daemon from an interrupted earlier run still holds the port: it has the same signatures.
            return;
        }
        try {
            Path home = Path.of("target", "clamd").toAbsolutePath();
            Path database = Files.createDirectories(home.resolve("db"));
            try (InputStream signatures = ClamdForTests.class.getResourceAsStream("/clamav/segur-test.ndb")) {
                Files.copy(signatures, database.resolve("segur-test.ndb"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path config = home.resolve("clamd.conf");
            Files.writeString(config, String.join("\n",
                    "TCPSocket " + port(),
                    "TCPAddr 127.0.0.1",
                    "Foreground yes",
                    "DatabaseDirectory " + database,
                    "LogFile " + home.resolve("clamd.log"),
                    "LogTime yes",
                    "PidFile " + home.resolve("clamd.pid"),
                    // The portal sends at most 4 Mo; clamd refuses longer streams with an error, never a pass.
                    "StreamMaxLength 5M",
                    "MaxThreads 4",
                    ""));
            String binary = Files.isExecutable(Path.of("/usr/sbin/clamd")) ? "/usr/sbin/clamd" : "clamd";
            clamd = new ProcessBuilder(binary, "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(home.resolve("clamd.out").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(ClamdForTests::stop));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!client().ping()) {
                if (!clamd.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("clamd did not start on 127.0.0.1:" + port() + ": see "
                            + home.resolve("clamd.out") + " (is Debian's clamav-daemon installed?)");
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("clamd could not be started (is Debian's clamav-daemon installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static synchronized void stop() {
        if (clamd == null) {
            return;
        }
        clamd.destroy();
        try {
            if (!clamd.waitFor(10, TimeUnit.SECONDS)) {
                clamd.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clamd = null;
    }
}
