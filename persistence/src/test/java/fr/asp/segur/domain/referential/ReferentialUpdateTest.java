package fr.asp.segur.domain.referential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReferentialUpdateTest {

    private static AnsSolution solution(String version, SolutionStatus status) {
        return new AnsSolution("0215jug63a", "RADIO RIS LOGICIEL 1", version, "811207059", "KALINKA", "Radiologie",
                "RIS", "DSR-RAD-RIS-Va1", 1, LocalDate.of(2022, 3, 15), status);
    }

    @Test
    void anUnchangedSolutionKeepsItsUpdateTime() throws Exception {
        AnsSolution known = solution("2.1", SolutionStatus.REFERENCE);
        var before = known.getUpdatedAt();
        Thread.sleep(5);
        assertThat(known.updateFrom(solution("2.1", SolutionStatus.REFERENCE))).isFalse();
        assertThat(known.getUpdatedAt()).isEqualTo(before);
    }

    @Test
    void aChangedOrReinstatedSolutionTakesThePublishedValues() {
        AnsSolution known = solution("2.1", SolutionStatus.RETIRE);
        assertThat(known.updateFrom(solution("2.2", SolutionStatus.REFERENCE))).isTrue();
        assertThat(known.getSoftwareVersion()).isEqualTo("2.2");
        assertThat(known.isWithdrawn()).isFalse();
    }

    @Test
    void aBankListedAgainIsOfferedAgainAndAnUnchangedOneIsNotTouched() {
        BankInstitution known = new BankInstitution("13135", "CEPAFRPP313", "CE MID PYRENEES TOULOUSE", null, null, "TOULOUSE");
        assertThat(known.updateFrom(new BankInstitution("13135", "CEPAFRPP313", "CE MID PYRENEES TOULOUSE", null, null,
                "TOULOUSE"))).isFalse();
        assertThat(known.updateFrom(new BankInstitution("13135", "CEPAFRPP313", "CAISSE D'EPARGNE MIDI-PYRENEES", null,
                null, "TOULOUSE"))).isTrue();
        assertThat(known.getName()).isEqualTo("CAISSE D'EPARGNE MIDI-PYRENEES");
    }
}
