package fr.asp.segur.application.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadLimitTest {

    @Test
    void theLimitIsSaidWithItsExactFigureInFrenchDigitGroups() {
        assertThat(UploadLimit.BYTES).isEqualTo(4_194_304L);
        assertThat(UploadLimit.LABEL.replace('\u00a0', ' ')).isEqualTo("4 Mo (4 194 304 octets)");
        assertThat(UploadLimit.TOO_LARGE.replace('\u00a0', ' '))
                .isEqualTo("Le fichier dépasse la taille maximum de 4 Mo (4 194 304 octets).");
    }

    @Test
    void theInspectorChecksTheSameLimit() {
        assertThat(DocumentInspector.MAX_SIZE).isEqualTo(UploadLimit.BYTES);
        assertThat(DocumentInspector.MSG_TOO_LARGE).isEqualTo(UploadLimit.TOO_LARGE);
    }

    @Test
    void digitsAreGroupedByThreeFromTheRight() {
        assertThat(UploadLimit.grouped(4_000_000L)).isEqualTo("4\u00a0000\u00a0000");
        assertThat(UploadLimit.grouped(999L)).isEqualTo("999");
        assertThat(UploadLimit.grouped(1000L)).isEqualTo("1\u00a0000");
    }
}
