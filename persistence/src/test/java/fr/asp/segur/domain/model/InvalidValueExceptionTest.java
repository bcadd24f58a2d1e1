package fr.asp.segur.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidValueExceptionTest {

    @Test
    void carriesFieldKeyAndUserMessage() {
        InvalidValueException e = new InvalidValueException("siret", "Le numéro de SIRET est obligatoire.");

        assertThat(e).isInstanceOf(RuntimeException.class);
        assertThat(e.field()).isEqualTo("siret");
        assertThat(e.getMessage()).isEqualTo("Le numéro de SIRET est obligatoire.");
    }
}
