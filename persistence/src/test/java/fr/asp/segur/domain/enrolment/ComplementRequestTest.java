package fr.asp.segur.domain.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplementRequestTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

    private static EnrolmentRequest request() {
        return new EnrolmentRequest("ENR00001X",
                new EnrolmentRequest.Software("0215jug63a", "RADIO RIS LOGICIEL 1", "2.1", "Radiologie / RIS / Vague 1"),
                new EnrolmentRequest.Company("81120705900015", "KALINKA", "KALINKA", "KALINKA",
                        new EnrolmentRequest.PostalAddress(null, null, "23", null, "PL", "THIARS", null, "13001",
                                "MARSEILLE 01"), false, "KALINKA"),
                new EnrolmentRequest.BankAccount("FR7613135000800800267924623", "CEPAFRPP313", "KALINKA",
                        "CE MID PYRENEES TOULOUSE"),
                true, null, NOW);
    }

    @Test
    void theFieldsToCorrectComeBackInTheOrderOfTheWizardsScreens() {
        ComplementRequest complement = ComplementRequest.ask(request(), "agent1", "Corrigez", Set.of(DocumentKind.RIB),
                Set.of(CorrectableField.REPRESENTANT_TELEPHONE, CorrectableField.IBAN, CorrectableField.BIC),
                NOW).complement();

        assertThat(complement.getFields()).containsExactly(CorrectableField.IBAN, CorrectableField.BIC,
                CorrectableField.REPRESENTANT_TELEPHONE);
        assertThat(complement.getDocuments()).containsExactly(DocumentKind.RIB);
    }

    @Test
    void aRequestForDocumentsOnlyAsksNoField() {
        ComplementRequest complement = ComplementRequest.ask(request(), "agent1", "Le RIB", Set.of(DocumentKind.RIB),
                NOW).complement();

        assertThat(complement.getFields()).isEmpty();
    }

    @Test
    void aCorrectedBankAccountReplacesTheOldOneWhole() {
        EnrolmentRequest request = request();
        request.correctBankAccount(new EnrolmentRequest.BankAccount("FR7613135000801234567890127", "CEPAFRPP313",
                "KALINKA", "CE MID PYRENEES TOULOUSE"));

        assertThat(request.bankAccount().iban()).isEqualTo("FR7613135000801234567890127");
        assertThat(request.bankAccount().toString()).doesNotContain("FR76");
    }
}
