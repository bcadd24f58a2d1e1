package fr.asp.segur.application.document;

import java.io.IOException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The antivirus every upload goes through: ClamAV's daemon, reached over TCP with {@link ClamAvClient}.
 *
 * <p>Configured by system properties, read at each upload so that an operator's change applies without a
 * redeployment: {@code segur.antivirus.enabled} ({@code false} unless set: the demo runs without clamd),
 * {@code segur.antivirus.host} (127.0.0.1), {@code segur.antivirus.port} (3310) and
 * {@code segur.antivirus.timeout-ms} (30000). When enabled it fails closed: a clamd that cannot be reached,
 * is too slow or answers an error makes the upload refused, never accepted unscanned.
 */
public final class Antivirus implements ContentScanner {

    public static final String ENABLED = "segur.antivirus.enabled";
    public static final String HOST = "segur.antivirus.host";
    public static final String PORT = "segur.antivirus.port";
    public static final String TIMEOUT = "segur.antivirus.timeout-ms";

    static final String MSG_INFECTED =
            "Le fichier a été refusé par l'antivirus : il contient un virus ou un code malveillant.";
    static final String MSG_UNAVAILABLE =
            "L'analyse antivirus est momentanément indisponible : le fichier n'a pas été enregistré. "
                    + "Merci de renouveler l'envoi dans quelques minutes.";

    private static final Logger LOG = Logger.getLogger(Antivirus.class.getName());

    private final ClamAvClient clamd;

    private Antivirus(ClamAvClient clamd) {
        this.clamd = clamd;
    }

    /** The scanner as the system properties configure it now: {@link ContentScanner#NONE} when disabled. */
    public static ContentScanner fromSystemProperties() {
        return enabled() ? new Antivirus(client()) : NONE;
    }

    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty(ENABLED, "false"));
    }

    /** For a readiness check: true when the antivirus is disabled, or enabled and clamd answers PING. */
    public static boolean ready() {
        return !enabled() || client().ping();
    }

    private static ClamAvClient client() {
        return new ClamAvClient(System.getProperty(HOST, "127.0.0.1"), Integer.getInteger(PORT, 3310),
                Integer.getInteger(TIMEOUT, 30_000));
    }

    @Override
    public void scan(byte[] content) throws DocumentRejectedException {
        ClamAvClient.Verdict verdict;
        try {
            verdict = clamd.scan(content);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Upload refused: " + clamd + " did not scan it (" + e.getMessage() + ")");
            throw new DocumentRejectedException(MSG_UNAVAILABLE, e);
        }
        if (!verdict.clean()) {
            // The signature and a fingerprint tell the operators what was stopped; the file name, which may
            // be personal data, is not logged.
            LOG.warning("Upload refused by the antivirus: " + verdict.signature() + ", " + content.length
                    + " bytes, SHA-256 " + sha256(content));
            throw new DocumentRejectedException(MSG_INFECTED);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
