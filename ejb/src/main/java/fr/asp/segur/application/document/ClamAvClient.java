package fr.asp.segur.application.document;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A client of ClamAV's daemon (clamd) over TCP, speaking the two commands the portal needs: {@code INSTREAM}
 * (scan bytes sent on the socket, so clamd needs no access to the server's disk) and {@code PING}.
 *
 * <p>Why our own ~100 lines rather than a library: the only Java client on Maven Central,
 * {@code xyz.capybara:clamav-client}, had its last release in 2022, is written in Kotlin (its standard library
 * would enter the EAR for one socket exchange) and gives no control over the read timeout, which a fail-closed
 * upload path needs. The protocol is small and documented in {@code man clamd}: the {@code z} prefix ends each
 * command and each answer with a NUL byte; INSTREAM sends chunks as a 4-byte big-endian length then the bytes,
 * and a zero length ends the stream.
 *
 * <p>Plain Java, one connection per call, thread-safe.
 */
public class ClamAvClient {

    /** clamd's own default for StreamMaxLength is 25 Mo; chunks far below keep each write small. */
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_ANSWER = 4096;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    public ClamAvClient(String host, int port, int timeoutMillis) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid clamd port " + port);
        }
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** What clamd said of one stream. */
    public record Verdict(boolean clean, String signature) {
        static final Verdict CLEAN = new Verdict(true, null);
    }

    /**
     * Scans the bytes.
     *
     * @return clean, or infected with the name of the signature that matched
     * @throws IOException when clamd cannot be reached, does not answer in time, or answers with an error (for
     *                     instance a stream over its StreamMaxLength): the caller must then refuse the file
     */
    public Verdict scan(byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        try (Socket socket = connect()) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < content.length; offset += CHUNK) {
                int length = Math.min(CHUNK, content.length - offset);
                out.writeInt(length);
                out.write(content, offset, length);
            }
            out.writeInt(0);
            out.flush();
            return parse(readAnswer(socket.getInputStream()));
        }
    }

    /** True when clamd answers PONG within the timeout. */
    public boolean ping() {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return "PONG".equals(readAnswer(socket.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    static Verdict parse(String answer) throws IOException {
        // "stream: OK", "stream: Eicar-Test-Signature FOUND", "INSTREAM size limit exceeded. ERROR", ...
        if (answer.endsWith(" FOUND")) {
            String body = answer.substring(0, answer.length() - " FOUND".length());
            int colon = body.indexOf(": ");
            return new Verdict(false, colon >= 0 ? body.substring(colon + 2).strip() : body.strip());
        }
        if (answer.endsWith(": OK")) {
            return Verdict.CLEAN;
        }
        throw new IOException("clamd did not scan the stream: " + answer);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) {
            if (answer.size() >= MAX_ANSWER) {
                throw new IOException("clamd's answer is too long");
            }
            answer.write(b);
        }
        if (b < 0 && answer.size() == 0) {
            throw new IOException("clamd closed the connection without answering");
        }
        return answer.toString(StandardCharsets.US_ASCII).strip();
    }

    @Override
    public String toString() {
        return "clamd " + host + ":" + port;
    }
}
