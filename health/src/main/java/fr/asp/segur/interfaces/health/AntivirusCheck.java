package fr.asp.segur.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness "antivirus": clamd at {@code segur.antivirus.host}:{@code segur.antivirus.port} answers
 * PING with PONG. Registered only when {@code segur.antivirus.enabled=true} (see {@link OptionalChecks}):
 * a portal without antivirus scanning is not "not ready".
 */
@Readiness
@ApplicationScoped
public class AntivirusCheck implements HealthCheck {

    static final String ENABLED = "segur.antivirus.enabled";
    private static final int TIMEOUT_MS = 3_000;

    @Override
    public HealthCheckResponse call() {
        String host = Setting.string("segur.antivirus.host", "localhost");
        int port = Setting.integer("segur.antivirus.port", 3310);
        var response = HealthCheckResponse.named("antivirus").withData("host", host).withData("port", port);
        try {
            String answer = ping(host, port, TIMEOUT_MS);
            return response.status("PONG".equals(answer)).withData("answer", answer).build();
        } catch (IOException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    /** clamd's null-terminated PING command ("zPING\0"); it answers "PONG\0". */
    static String ping(String host, int port, int timeoutMs) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            for (int b = in.read(); b > 0 && answer.size() < 64; b = in.read()) {
                answer.write(b);
            }
            return answer.toString(StandardCharsets.US_ASCII).trim();
        }
    }
}
