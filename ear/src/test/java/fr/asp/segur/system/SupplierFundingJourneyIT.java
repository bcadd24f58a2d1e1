package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.system.EnrolmentWizardPage.Person;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In a real browser: a validated supplier files an avance against AF-RAD-RIS-VA1 from their space, is
 * refused each bad entry in French on the page, sees the amounts (capped at the tranche's ceiling),
 * confirms, gets the number and the acknowledgement email, finds the request in their list, then files
 * the solde once the avance is paid.
 */
class SupplierFundingJourneyIT extends BrowserJourney {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void aValidatedSupplierFilesAnAvanceThenItsSolde() throws Exception {
        SampleFiles files = new SampleFiles(tmp);
        String tag = Long.toString(System.nanoTime(), 36);
        Person representative = new Person("Martin", "Maelys", "financement." + tag + "@kalinka.fr", "0326212121");
        String enrolment = new EnrolmentWizardPage(browser, base).enrolKalinka(files, tag, representative);
        String siret = FundingPages.validated(enrolment);
        String supplier = "fournisseur.financement." + tag + "@kalinka.fr";
        Database.supplierAccount(supplier, siret);
        // The legal representative shares the enrolment with that account (least privilege: SupplierAccess).
        Database.update("insert into request_share (request_id, account_id, shared_by, shared_at) select r.id, a.id, 'représentant', current_timestamp from enrolment_request r, app_account a where r.request_number = ? and a.login = ?", enrolment, supplier);
        String client = FundingFixtures.finess();
        Database.update("insert into finess_establishment (finess, kind, name, closed) values (?, 'ET', "
                + "'CENTRE D''IMAGERIE DU PORT', false)", client);
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).format(DAY);

        new RequestDetailPage(browser, base).logIn(supplier);
        FundingPages funding = new FundingPages(browser, base).openNewRequest(enrolment);
        assertThat(funding.chosenCall()).as("the only call open for the software's DSR").isEqualTo("AF-RAD-RIS-VA1");

        // Each bad entry is refused in French, on the page.
        funding.next();
        assertThat(funding.waitForMessage("Le numéro FINESS est obligatoire."))
                .contains("Le nom du client est obligatoire.")
                .contains("Choisissez la tranche « Nombre de modalités d'imagerie » du client parmi celles de l'appel.")
                .contains("La date de signature du bon de commande est obligatoire.")
                .contains("Le montant HT du bon de commande est obligatoire.")
                .contains("Joignez le bon de commande signé par le client (PDF).");
        funding.lookUp("75000001");
        funding.waitForMessage("Le numéro FINESS doit comporter 9 caractères.");
        funding.order("30/09/2026", "12,345");
        funding.next();
        assertThat(funding.waitForMessage("Le bon de commande doit être signé pendant la période de l'appel "
                + "AF-RAD-RIS-VA1, du 01/10/2026 au 30/06/2027."))
                .contains("Le montant HT du bon de commande doit être un montant en euros avec au plus 2 décimales");

        // "Rechercher" names the client from the FINESS referential.
        assertThat(funding.lookUp(client)).isEqualTo("Client trouvé dans le référentiel : CENTRE D'IMAGERIE DU PORT.");
        assertThat(funding.clientName()).isEqualTo("CENTRE D'IMAGERIE DU PORT");
        funding.tranche("3 à 5 modalités");
        funding.order(today, "10 000,00");
        funding.uploadOrderForm(files.pdf("bon-de-commande-" + tag + ".pdf"));
        funding.next();

        // The amounts before "Confirmer": capped at the tranche's ceiling, 30 % / 70 %, HT and TTC.
        assertThat(funding.amount("orderHt")).isEqualTo("10 000,00 €");
        assertThat(funding.amount("grantedHt")).isEqualTo("9 000,00 €");
        assertThat(funding.amount("grantedTtc")).isEqualTo("10 800,00 €");
        assertThat(funding.amount("avanceHt")).isEqualTo("2 700,00 €");
        assertThat(funding.amount("avanceTtc")).isEqualTo("3 240,00 €");
        assertThat(funding.amount("soldeHt")).isEqualTo("6 300,00 €");
        assertThat(funding.shows("financement:capped")).isTrue();
        String number = funding.confirm();
        assertThat(number).startsWith("DF");

        MimeMessage acknowledgement = Mailbox.awaitMail(greenMail, supplier, number);
        assertThat(FundingPages.plain(Mailbox.text(acknowledgement))).contains("Avance demandée : 2 700,00 € HT")
                .contains("espace/demande-financement.xhtml?numero=" + number);
        assertThat(Database.count("select count(*) from funding_request where request_number = ? and client_known = true "
                + "and supplier_siret = ?", number, siret)).isEqualTo(1);

        // The same client again: refused, on the page.
        funding.openNewRequest(enrolment);
        funding.lookUp(client);
        funding.tranche("3 à 5 modalités");
        funding.order(today, "500");
        funding.next();
        funding.waitForMessage("Votre société a déjà déposé la demande " + number + " pour ce client au titre de cet appel");

        // The list and the detail.
        List<List<String>> rows = funding.list(null);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).startsWith(number, "AF-RAD-RIS-VA1").contains("Avance déposée", "10 000,00 €",
                "9 000,00 €", "0,00 €", "—");
        assertThat(funding.list("etat=AVANCE_PAYEE")).isEmpty();
        funding.openDetail(number);
        assertThat(funding.status()).isEqualTo("Avance déposée");
        assertThat(browser.isPresent("solde:fileSolde")).as("no solde before the avance is paid").isFalse();

        // Once the avance is paid (the agents' side does it; here the database), the solde is filed from the detail.
        Database.update("update funding_request set status = 'AVANCE_PAYEE' where request_number = ?", number);
        assertThat(funding.list(null).get(0)).contains("Avance payée", "2 700,00 €", "Demande de solde à déposer");
        funding.openDetail(number);
        funding.fileSolde(Map.of("FACTURE", files.pdf("facture-" + tag + ".pdf"),
                "MISE_EN_ORDRE_DE_MARCHE", files.pdf("mom-" + tag + ".pdf")));
        browser.visible("soldeFiled");
        assertThat(funding.status()).isEqualTo("Solde déposé");
        Mailbox.awaitMail(greenMail, supplier, "demande de solde " + number);
    }
}
