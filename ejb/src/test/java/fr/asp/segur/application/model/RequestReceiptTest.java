package fr.asp.segur.application.model;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.PersonRole;
import fr.asp.segur.domain.enrolment.TiersQuality;
import java.time.LocalDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class RequestReceiptTest {

    private static EnrolmentRequest tiersRequest() {
        EnrolmentRequest request = new EnrolmentRequest("ENR0011M0",
                new EnrolmentRequest.Software("aafy63256", "MY RADIO RIS", "1.1", "Radiologie / RIS / Vague 1"),
                new EnrolmentRequest.Company("81120705900015", "KALINKA", "KALINKA", "KALINKA",
                        new EnrolmentRequest.PostalAddress(null, "Bât. B", "23", null, "PL", "THIARS", null, "13001",
                                "MARSEILLE 01"), false, "KALINKA"),
                new EnrolmentRequest.BankAccount("FR7613135000800800267924623", "CEPAFRPP313", "MARTIN MAELYS",
                        "CE MID PYRENEES TOULOUSE"),
                false, TiersQuality.CENTRE_DE_GESTION, LocalDateTime.of(2026, 3, 4, 9, 5));
        request.addPerson(PersonRole.REPRESENTANT, "Martin", "Maelys", "maelys@kalinka.fr", "0326212121");
        request.addPerson(PersonRole.DEPOSITAIRE, "Durand", "Paul", "paul@cabinet.fr", "0612345678");
        return request;
    }

    @Test
    void theReceiptShowsTheNumberTheDateAndEveryFieldInFrench() throws Exception {
        byte[] pdf = new RequestReceipt().pdf(tiersRequest());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
            assertThat(document.getDocumentInformation().getTitle()).contains("ENR0011M0");
        }
        assertThat(text).contains("Récapitulatif de la demande d'enrôlement", "ENR0011M0", "04/03/2026 à 09h05",
                "aafy63256", "MY RADIO RIS", "Radiologie / RIS / Vague 1", "81120705900015", "KALINKA",
                "Bât. B", "THIARS", "13001", "MARSEILLE 01", "Maelys", "maelys@kalinka.fr", "0326212121",
                "Durand", "paul@cabinet.fr", "Centre de gestion, expert-comptable",
                "FR7613135000800800267924623", "CEPAFRPP313", "MARTIN MAELYS", "CE MID PYRENEES TOULOUSE",
                "Aucune pièce justificative.");
        assertThat(text).doesNotContain("{{");
    }
}
