package fr.asp.segur.application.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.funding.Amount;
import fr.asp.segur.domain.funding.ClientKind;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.funding.FundingCallDefinition;
import fr.asp.segur.domain.funding.SoldeDocument;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.support.Couloir;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FundingChecksTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 10, 1, 0, 0);
    private static final LocalDateTime END = LocalDateTime.of(2027, 6, 30, 14, 0);
    private static final LocalDateTime SOLDE = LocalDateTime.of(2027, 10, 31, 14, 0);
    private static final FundingCall CALL = new FundingCall(new FundingCallDefinition("AF-OFF-LGO-VA1", "Officine",
            Couloir.OFFICINE, List.of("DSR-OFF-LGO-Va1"), 1, ClientKind.FINESS, Amount.of("1200"), null, List.of(),
            new BigDecimal("0.30"), SoldeDocument.VA, START, END, SOLDE), START);

    private static String message(Runnable rule) {
        try {
            rule.run();
        } catch (InvalidValueException e) {
            return e.field() + ": " + e.getMessage();
        }
        return null;
    }

    @Test
    void the_avance_window_is_exact_to_the_minute() {
        assertThat(message(() -> FundingChecks.requireOpenForAvances(CALL, START.minusMinutes(1))))
                .isEqualTo("callCode: L'appel à financement AF-OFF-LGO-VA1 n'est pas encore ouvert : les demandes "
                        + "d'avance y sont reçues à partir du 01/10/2026 à 00:00.");
        assertThat(message(() -> FundingChecks.requireOpenForAvances(CALL, START))).isNull();
        assertThat(message(() -> FundingChecks.requireOpenForAvances(CALL, END.plusSeconds(59)))).isNull();
        assertThat(message(() -> FundingChecks.requireOpenForAvances(CALL, END.plusMinutes(1))))
                .isEqualTo("callCode: L'appel à financement AF-OFF-LGO-VA1 est clos depuis le 30/06/2027 à 14:00 : "
                        + "les demandes d'avance n'y sont plus reçues.");
    }

    @Test
    void the_solde_deadline_is_exact_to_the_minute() {
        assertThat(message(() -> FundingChecks.requireOpenForSoldes(CALL, SOLDE))).isNull();
        assertThat(message(() -> FundingChecks.requireOpenForSoldes(CALL, SOLDE.plusMinutes(1))))
                .isEqualTo("solde: La date limite de dépôt des demandes de solde de l'appel AF-OFF-LGO-VA1 était le "
                        + "31/10/2027 à 14:00 : la demande de solde n'est plus recevable.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FINESS|75 000 001 5|750000015",
            "FINESS|2a0000012|2A0000012",
            "RPPS|10001234567|10001234567",
            "RPPS|8 10001234567|10001234567",
            "SIRET|811 207 059 00015|81120705900015"})
    void identifiers_are_read_in_the_calls_kind(ClientKind kind, String typed, String expected) {
        assertThat(FundingChecks.clientIdentifier(kind, typed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FINESS|75000001|Le numéro FINESS doit comporter 9 caractères.",
            "FINESS|7C0000015|Le numéro FINESS n'est pas valide",
            "FINESS|''|Le numéro FINESS est obligatoire.",
            "RPPS|1000123456|Le numéro RPPS doit comporter 11 chiffres.",
            "SIRET|81120705900016|Le numéro de SIRET",
            "SIRET|8112070590001|Le numéro de SIRET doit comporter 14 chiffres."})
    void bad_identifiers_are_refused_on_the_identifier_field(ClientKind kind, String typed, String expected) {
        assertThatThrownBy(() -> FundingChecks.clientIdentifier(kind, typed)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith(expected)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("clientIdentifier"));
    }

    @Test
    void the_order_form_is_signed_inside_the_window_and_not_in_the_future() {
        LocalDate today = LocalDate.of(2026, 12, 4);
        assertThat(FundingChecks.orderSignedOn(" 01/10/2026 ")).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(message(() -> FundingChecks.requireSignedInWindow(CALL, LocalDate.of(2026, 10, 1), today))).isNull();
        assertThat(message(() -> FundingChecks.requireSignedInWindow(CALL, LocalDate.of(2026, 9, 30), today)))
                .isEqualTo("orderSignedOn: Le bon de commande doit être signé pendant la période de l'appel "
                        + "AF-OFF-LGO-VA1, du 01/10/2026 au 30/06/2027.");
        assertThat(message(() -> FundingChecks.requireSignedInWindow(CALL, today.plusDays(1), today)))
                .isEqualTo("orderSignedOn: La date de signature du bon de commande ne peut pas être postérieure à aujourd'hui.");
        assertThat(message(() -> FundingChecks.orderSignedOn("31/02/2027"))).startsWith(
                "orderSignedOn: La date de signature du bon de commande doit être une date au format jj/mm/aaaa");
        assertThat(message(() -> FundingChecks.orderSignedOn("2027-01-15"))).contains("jj/mm/aaaa");
        assertThat(message(() -> FundingChecks.orderSignedOn(" "))).isEqualTo(
                "orderSignedOn: La date de signature du bon de commande est obligatoire.");
    }

    @Test
    void the_client_name_is_required_and_bounded() {
        assertThat(FundingChecks.clientName("  Pharmacie   du  Centre ")).isEqualTo("Pharmacie du Centre");
        assertThat(message(() -> FundingChecks.clientName(""))).isEqualTo("clientName: Le nom du client est obligatoire.");
        assertThat(message(() -> FundingChecks.clientName("x".repeat(201)))).contains("200 caractères");
    }

    @Test
    void the_solde_needs_the_invoice_and_the_calls_signed_document() {
        assertThat(FundingRules.soldeDocuments(SoldeDocument.VA))
                .containsExactly(DocumentKind.FACTURE, DocumentKind.VERIFICATION_APTITUDE);
        assertThat(FundingRules.soldeDocuments(SoldeDocument.MOM))
                .containsExactly(DocumentKind.FACTURE, DocumentKind.MISE_EN_ORDRE_DE_MARCHE);
        assertThat(FundingRules.soldeDocuments(SoldeDocument.AUCUN)).containsExactly(DocumentKind.FACTURE);
    }

    @Test
    void a_unique_violation_is_recognised_deep_in_the_causes() {
        SQLException chained = new SQLException("batch", "08000");
        chained.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(fr.asp.segur.application.UniqueViolations.isUniqueViolation(new RuntimeException(new RuntimeException(chained)))).isTrue();
        assertThat(fr.asp.segur.application.UniqueViolations.isUniqueViolation(new RuntimeException(new SQLException("fk", "23503")))).isFalse();
        assertThat(fr.asp.segur.application.UniqueViolations.isUniqueViolation(new RuntimeException("no SQL"))).isFalse();
    }
}
