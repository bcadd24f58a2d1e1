package fr.asp.segur.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DenominationsTest {

    @Test
    void caseAndSurroundingSpacesAreNotAChange() {
        assertThat(Denominations.same("KALINKA", "Kalinka  ")).isTrue();
        assertThat(Denominations.same("SOCIÉTÉ ÉTOILE", " société étoile")).isTrue();
    }

    @Test
    void anotherWordIsAChange() {
        assertThat(Denominations.same("KALINKA", "KALINKA SAS")).isFalse();
        assertThat(Denominations.same("KALINKA", "KALlNKA")).isFalse();
        assertThat(Denominations.same("KALINKA", null)).isFalse();
    }
}
