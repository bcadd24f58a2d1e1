package fr.asp.segur.domain.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestLifeCycleTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

    private static EnrolmentRequest submitted() {
        EnrolmentRequest request = new EnrolmentRequest("ENR00001X",
                new EnrolmentRequest.Software("0215jug63a", "RADIO RIS LOGICIEL 1", "2.1", "Radiologie / RIS / Vague 1"),
                new EnrolmentRequest.Company("81120705900015", "KALINKA", "KALINKA", "KALINKA",
                        new EnrolmentRequest.PostalAddress(null, null, "23", null, "PL", "THIARS", null, "13001",
                                "MARSEILLE 01"), false, "KALINKA"),
                new EnrolmentRequest.BankAccount("FR7613135000800800267924623", "CEPAFRPP313", "KALINKA",
                        "CE MID PYRENEES TOULOUSE"),
                true, null, NOW);
        request.recordSubmission("fournisseur");
        return request;
    }

    @Test
    void aRequestGoesThroughInstructionComplementsAndValidationWithItsHistory() {
        EnrolmentRequest request = submitted();
        request.moveTo(RequestStatus.EN_INSTRUCTION, "agent1", null, NOW.plusHours(1));
        request.moveTo(RequestStatus.COMPLEMENTS_DEMANDES, "agent1", "RIB illisible", NOW.plusHours(2));
        request.moveTo(RequestStatus.EN_INSTRUCTION, "fournisseur", null, NOW.plusDays(1));
        request.moveTo(RequestStatus.VALIDEE, "agent1", null, NOW.plusDays(2));

        assertThat(request.getStatus()).isEqualTo(RequestStatus.VALIDEE);
        assertThat(request.getHistory()).extracting(RequestHistory::getToStatus).containsExactly(
                RequestStatus.SOUMISE, RequestStatus.EN_INSTRUCTION, RequestStatus.COMPLEMENTS_DEMANDES,
                RequestStatus.EN_INSTRUCTION, RequestStatus.VALIDEE);
        assertThat(request.getHistory().get(2).getMotivation()).isEqualTo("RIB illisible");
        assertThat(request.getHistory().get(2).getFromStatus()).isEqualTo(RequestStatus.EN_INSTRUCTION);
    }

    @Test
    void aSubmittedRequestCannotBeValidatedWithoutInstruction() {
        EnrolmentRequest request = submitted();
        assertThatThrownBy(() -> request.moveTo(RequestStatus.VALIDEE, "agent1", null, NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Une demande « Soumise » ne peut pas passer à l'état « Validée ».");
        assertThat(request.getStatus()).isEqualTo(RequestStatus.SOUMISE);
        assertThat(request.getHistory()).hasSize(1);
    }

    @Test
    void aRejectionNeedsAMotivation() {
        EnrolmentRequest request = submitted();
        request.moveTo(RequestStatus.EN_INSTRUCTION, "agent1", null, NOW);
        assertThatThrownBy(() -> request.moveTo(RequestStatus.REJETEE, "agent1", "   ", NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("motivation est obligatoire");
        assertThat(request.getStatus()).isEqualTo(RequestStatus.EN_INSTRUCTION);
    }

    @Test
    void aValidatedRequestIsFinal() {
        assertThat(RequestStatus.VALIDEE.next()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = {"REJETEE", "CLASSEE_SANS_SUITE"})
    void aRejectedOrClosedRequestCanBeReopened(RequestStatus closed) {
        assertThat(closed.canMoveTo(RequestStatus.EN_INSTRUCTION)).isTrue();
    }

    @Test
    void onlyARequestAwaitingComplementsCanBeClassedSansSuite() {
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(status.canMoveTo(RequestStatus.CLASSEE_SANS_SUITE))
                    .as(status.name()).isEqualTo(status == RequestStatus.COMPLEMENTS_DEMANDES);
        }
    }

    @Test
    void aSiretUnknownAtSubmissionIsRecheckedUntilSireneKnowsIt() {
        EnrolmentRequest verified = submitted();
        assertThat(verified.getSiretVerification()).isEqualTo(SiretVerification.SIRENE);
        assertThatThrownBy(() -> verified.recordSiretCheck(true, false, "KALINKA", NOW))
                .isInstanceOf(IllegalStateException.class);

        EnrolmentRequest request = submitted();
        request.markSiretUnverified();
        request.recordSiretCheck(false, false, null, NOW.plusDays(1));
        assertThat(request.getSiretVerification()).isEqualTo(SiretVerification.NON_VERIFIE);
        assertThat(request.getSiretCheckedAt()).isEqualTo(NOW.plusDays(1));

        request.recordSiretCheck(true, false, "KALINKA SAS", NOW.plusDays(2));
        assertThat(request.getSiretVerification()).isEqualTo(SiretVerification.CONFIRME);
        assertThat(request.company().referentialDenomination()).isEqualTo("KALINKA SAS");
        assertThatThrownBy(() -> request.recordSiretCheck(true, true, "KALINKA SAS", NOW.plusDays(3)))
                .isInstanceOf(IllegalStateException.class);

        EnrolmentRequest closed = submitted();
        closed.markSiretUnverified();
        closed.recordSiretCheck(true, true, "FERMEE", NOW);
        assertThat(closed.getSiretVerification()).isEqualTo(SiretVerification.FERME);
    }
}
