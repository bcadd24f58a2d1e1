package fr.asp.segur.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DataCipherTest {

    private static final String CONTEXT = "document_content.content";
    private static final byte[] PDF = "%PDF-1.7 pièce d'identité de Maëlys Martin %%EOF".getBytes(StandardCharsets.UTF_8);

    /** Keys held in memory, as the credential store would give them. */
    private static final class Keys implements DataCipher.Keyring {
        final Map<String, SecretKey> keys = new HashMap<>();
        String current;

        Keys add(String id) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            keys.put(id, new SecretKeySpec(key, "AES"));
            current = id;
            return this;
        }

        @Override
        public String currentId() {
            return current;
        }

        @Override
        public SecretKey key(String id) {
            SecretKey key = keys.get(id);
            if (key == null) {
                throw new IllegalStateException("No data key " + id);
            }
            return key;
        }
    }

    private final Keys keys = new Keys().add("data-key");
    private final DataCipher cipher = new DataCipher(keys);

    @Test
    void a_sealed_document_opens_to_the_same_bytes_and_does_not_show_them() {
        byte[] sealed = cipher.seal(PDF, CONTEXT);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).startsWith("SGE1").doesNotContain("%PDF")
                .doesNotContain("Martin");
        assertThat(DataCipher.keyIdOf(sealed)).isEqualTo("data-key");
        assertThat(cipher.open(sealed, CONTEXT)).isEqualTo(PDF);
    }

    @Test
    void the_same_document_sealed_twice_gives_two_ciphertexts() {
        assertThat(cipher.seal(PDF, CONTEXT)).isNotEqualTo(cipher.seal(PDF, CONTEXT));
    }

    @Test
    void a_changed_byte_is_detected_not_decrypted_to_garbage() {
        byte[] sealed = cipher.seal(PDF, CONTEXT);
        sealed[sealed.length - 20] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_value_moved_to_another_column_does_not_open() {
        byte[] sealed = cipher.seal(PDF, CONTEXT);

        assertThatThrownBy(() -> cipher.open(sealed, "enrolment_request.iban")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void after_a_rotation_old_values_open_with_their_own_key_and_new_ones_use_the_new_key() {
        byte[] old = cipher.seal(PDF, CONTEXT);
        keys.add("data-key-2026-12");

        byte[] fresh = cipher.seal(PDF, CONTEXT);

        assertThat(DataCipher.keyIdOf(old)).isEqualTo("data-key");
        assertThat(DataCipher.keyIdOf(fresh)).isEqualTo("data-key-2026-12");
        assertThat(cipher.open(old, CONTEXT)).isEqualTo(PDF);
        assertThat(cipher.open(fresh, CONTEXT)).isEqualTo(PDF);
    }

    @Test
    void a_value_sealed_with_a_key_no_longer_known_is_refused() {
        byte[] sealed = cipher.seal(PDF, CONTEXT);
        keys.keys.remove("data-key");

        assertThatThrownBy(() -> cipher.open(sealed, CONTEXT)).hasMessageContaining("data-key");
    }

    @Test
    void a_document_stored_before_encryption_is_read_as_is() {
        assertThat(cipher.open(PDF, CONTEXT)).isSameAs(PDF);
        assertThat(DataCipher.keyIdOf(PDF)).isNull();
    }

    @Test
    void text_round_trip_names_its_key() {
        String sealed = cipher.sealText("FR7613135000800800267924623", "enrolment_request.iban");

        assertThat(sealed).startsWith("SGE1:data-key:").doesNotContain("FR76");
        assertThat(DataCipher.keyIdOf(sealed)).isEqualTo("data-key");
        assertThat(cipher.openText(sealed, "enrolment_request.iban")).isEqualTo("FR7613135000800800267924623");
        assertThat(cipher.openText("FR7613135000800800267924623", "enrolment_request.iban"))
                .isEqualTo("FR7613135000800800267924623");
    }
}
