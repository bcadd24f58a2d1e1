package fr.asp.segur.domain.model;

import static fr.asp.segur.domain.model.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    private static final String INVALID = "L'adresse email n'est pas valide (par exemple prenom.nom@domaine.fr).";

    @ParameterizedTest
    @ValueSource(strings = {"samira.kihhal@asp-public.fr", "jean-luc.o'neil+segur@sub.example.org", "a@b.fr",
            "contact@esante.gouv.fr"})
    void acceptsValidAddress(String email) {
        assertThat(EmailAddress.of(email).value()).isEqualTo(email);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  samira.kihhal@asp-public.fr  '|samira.kihhal@asp-public.fr",
            "Samira.Kihhal@ASP-Public.FR|Samira.Kihhal@asp-public.fr",
            "'\tJean@Example.COM\n'|Jean@example.com"})
    void ofTrimsAndLowerCasesOnlyTheDomain(String raw, String expected) {
        assertThat(EmailAddress.of(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void rejectsMissingAddress(String raw) {
        assertRejected(() -> EmailAddress.of(raw), "email", "L'adresse email est obligatoire.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"samira.kihhal", "samira.kihhal@", "@asp-public.fr", "samira kihhal@asp-public.fr",
            "samira@@asp-public.fr", "samira@asp-public", "samira@asp_public.fr", "samira..kihhal@asp-public.fr",
            "samira@asp-public.fr.", "samira@localhost"})
    void rejectsSyntacticallyInvalidAddress(String raw) {
        assertRejected(() -> EmailAddress.of(raw), "email", INVALID);
    }

    @Test
    void acceptsAddressOf254CharactersButNotLonger() {
        String domain = "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + ".fr";
        String local = "l".repeat(254 - domain.length());
        assertThat(EmailAddress.of(local + domain).value()).hasSize(254);

        assertRejected(() -> EmailAddress.of("l" + local + domain), "email",
                "L'adresse email ne doit pas dépasser 254 caractères.");
    }

    @Test
    void reportsErrorsOnTheGivenField() {
        assertRejected(() -> EmailAddress.of("representantEmail", "nope"), "representantEmail", INVALID);
        assertRejected(() -> EmailAddress.of("depositaireEmail", " "), "depositaireEmail",
                "L'adresse email est obligatoire.");
    }

    @Test
    void confirmedReturnsAddressWhenBothEntriesMatch() {
        EmailAddress email = EmailAddress.confirmed("representantEmail",
                "samira.kihhal@asp-public.fr", "samira.kihhal@asp-public.fr");

        assertThat(email.value()).isEqualTo("samira.kihhal@asp-public.fr");
    }

    @Test
    void confirmedIgnoresCaseAndSurroundingSpaces() {
        EmailAddress email = EmailAddress.confirmed("representantEmail",
                " Samira.Kihhal@ASP-public.fr", "samira.kihhal@asp-public.FR  ");

        assertThat(email.value()).isEqualTo("Samira.Kihhal@asp-public.fr");
    }

    @Test
    void confirmedRejectsDifferentEntriesOnConfirmationField() {
        assertRejected(() -> EmailAddress.confirmed("representantEmail",
                        "samira.kihhal@asp-public.fr", "samira.kihal@asp-public.fr"),
                "representantEmailConfirmation", "Les deux adresses email ne sont pas identiques.");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void confirmedRejectsMissingConfirmation(String confirmation) {
        assertRejected(() -> EmailAddress.confirmed("depositaireEmail", "a@b.fr", confirmation),
                "depositaireEmailConfirmation", "La confirmation de l'adresse email est obligatoire.");
    }

    @Test
    void confirmedReportsInvalidAddressOnTheEmailFieldFirst() {
        assertRejected(() -> EmailAddress.confirmed("representantEmail", "nope", "other"),
                "representantEmail", INVALID);
    }

    @Test
    void constructorRefusesUnnormalisedValue() {
        assertRejected(() -> new EmailAddress("jean@Example.com"), "email", INVALID);
        assertRejected(() -> new EmailAddress(" jean@example.com"), "email", INVALID);
    }
}
