package fr.asp.segur.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asp.segur.application.BusinessRuleException;
import org.junit.jupiter.api.Test;

class PasswordTest {

    @Test
    void aHashIsSaltedBcryptInModularCryptFormatAndVerifies() {
        String first = PasswordHasher.hash("Segur-Numerique-2026".toCharArray());
        String second = PasswordHasher.hash("Segur-Numerique-2026".toCharArray());
        assertThat(first).startsWith("$2a$12$").isNotEqualTo(second);
        assertThat(PasswordHasher.verify(first, "Segur-Numerique-2026".toCharArray())).isTrue();
        assertThat(PasswordHasher.verify(first, "segur-numerique-2026".toCharArray())).isFalse();
    }

    @Test
    void aShortOrPlainPasswordIsRefusedWithTheRule() {
        assertThatThrownBy(() -> PasswordPolicy.check("Court-1", "Court-1"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("au moins 12 caractères");
        assertThatThrownBy(() -> PasswordPolicy.check("toutenminuscules", "toutenminuscules"))
                .hasMessageContaining("trois types");
        assertThatThrownBy(() -> PasswordPolicy.check("Segur-Numerique-2026", "Segur-Numerique-2025"))
                .hasMessage("Les deux mots de passe ne sont pas identiques.");
        PasswordPolicy.check("Segur-Numerique-2026", "Segur-Numerique-2026");
    }
}
