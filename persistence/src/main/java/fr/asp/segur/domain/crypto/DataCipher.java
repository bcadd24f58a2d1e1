package fr.asp.segur.domain.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for personal data at rest (IBANs, supporting documents), with the id of the key that sealed each
 * value stored beside it, so that keys can be rotated while older values stay readable.
 *
 * <p>Binary form: {@code "SGE1"}, one byte giving the key id's length, the key id (ASCII), a 12-byte random IV,
 * then the ciphertext and its 16-byte tag. Text form: {@code "SGE1:" + keyId + ":" + base64(IV + ciphertext)}.
 * A value without the prefix is a value written before encryption was introduced and is read as is (a PDF,
 * PNG, JPEG or IBAN never starts with it); re-encryption ({@code DataKeyRotation}) seals those too.
 *
 * <p>The associated data names the column (e.g. {@code enrolment_request.iban}): a ciphertext copied into
 * another column does not open. Thread-safe.
 */
public final class DataCipher {

    static final String TEXT_PREFIX = "SGE1:";
    private static final byte[] MAGIC = "SGE1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keyring keys;

    public DataCipher(Keyring keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The keys the cipher seals with (the current one) and opens with (any known one). */
    public interface Keyring {
        /** The id of the key new values are sealed with. */
        String currentId();

        /** The key with this id; throws {@link IllegalStateException} when there is none. */
        SecretKey key(String id);
    }

    public byte[] seal(byte[] plain, String context) {
        String id = keys.currentId();
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        if (idBytes.length == 0 || idBytes.length > 255) {
            throw new IllegalStateException("Invalid data key id");
        }
        byte[] iv = new byte[IV_LENGTH];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.key(id), iv, plain, context);
        return ByteBuffer.allocate(MAGIC.length + 1 + idBytes.length + IV_LENGTH + sealed.length)
                .put(MAGIC).put((byte) idBytes.length).put(idBytes).put(iv).put(sealed).array();
    }

    public byte[] open(byte[] stored, String context) {
        if (!isSealed(stored)) {
            return stored;
        }
        int idLength = stored[MAGIC.length] & 0xFF;
        int ivStart = MAGIC.length + 1 + idLength;
        String id = new String(stored, MAGIC.length + 1, idLength, StandardCharsets.US_ASCII);
        byte[] iv = Arrays.copyOfRange(stored, ivStart, ivStart + IV_LENGTH);
        byte[] sealed = Arrays.copyOfRange(stored, ivStart + IV_LENGTH, stored.length);
        return crypt(Cipher.DECRYPT_MODE, keys.key(id), iv, sealed, context);
    }

    public String sealText(String plain, String context) {
        byte[] binary = seal(plain.getBytes(StandardCharsets.UTF_8), context);
        int idLength = binary[MAGIC.length] & 0xFF;
        String id = new String(binary, MAGIC.length + 1, idLength, StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOfRange(binary, MAGIC.length + 1 + idLength, binary.length);
        return TEXT_PREFIX + id + ":" + Base64.getEncoder().encodeToString(body);
    }

    public String openText(String stored, String context) {
        if (stored == null || !stored.startsWith(TEXT_PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', TEXT_PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("Damaged encrypted value");
        }
        String id = stored.substring(TEXT_PREFIX.length(), colon);
        byte[] body = Base64.getDecoder().decode(stored.substring(colon + 1));
        byte[] iv = Arrays.copyOfRange(body, 0, IV_LENGTH);
        byte[] sealed = Arrays.copyOfRange(body, IV_LENGTH, body.length);
        return new String(crypt(Cipher.DECRYPT_MODE, keys.key(id), iv, sealed, context), StandardCharsets.UTF_8);
    }

    /** The id of the key that sealed a stored value, or {@code null} for a value stored in clear. */
    public static String keyIdOf(byte[] stored) {
        return isSealed(stored) ? new String(stored, MAGIC.length + 1, stored[MAGIC.length] & 0xFF,
                StandardCharsets.US_ASCII) : null;
    }

    /** The id of the key that sealed a stored text, or {@code null} for a text stored in clear. */
    public static String keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(TEXT_PREFIX)) {
            return null;
        }
        int colon = stored.indexOf(':', TEXT_PREFIX.length());
        return colon < 0 ? null : stored.substring(TEXT_PREFIX.length(), colon);
    }

    private static boolean isSealed(byte[] stored) {
        return stored != null && stored.length > MAGIC.length + 1
                && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, byte[] input, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // A wrong key, a damaged value or one moved from another column: never a silent garbage.
            throw new IllegalStateException("Personal data could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted") + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
