package fr.asp.segur.application.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asp.segur.domain.funding.CeilingTranche;
import fr.asp.segur.domain.funding.ClientKind;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.funding.FundingCallDefinition;
import fr.asp.segur.domain.funding.SoldeDocument;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.support.Couloir;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FundingCallFormTest {

    private static FundingCallForm typed() {
        FundingCallForm form = new FundingCallForm();
        form.setCode(" af-rad-ris-va2 ");
        form.setLabel("Radiologie - RIS, vague 2");
        form.setCouloir(Couloir.RADIOLOGIE);
        form.setDsrLabels("DSR-RAD-RIS-Va2 ; DSR-RAD-RIS-Va3");
        form.setVague(2);
        form.setClientKind(ClientKind.FINESS);
        form.setCeilingTable(true);
        form.setCeilingBasis("Nombre de modalités d'imagerie");
        form.addTranche();
        form.getTranches().get(0).setLabel("1 à 2 modalités");
        form.getTranches().get(0).setAmountHt("4 500,00");
        form.addTranche();
        form.getTranches().get(1).setLabel("3 modalités et plus");
        form.getTranches().get(1).setAmountHt("9000");
        form.addTranche(); // left empty: ignored
        form.setAvancePercent("30 %");
        form.setSoldeDocument(SoldeDocument.MOM);
        form.setOrderWindowStart("01/01/2027 00:00");
        form.setOrderWindowEnd("30/06/2027 14:00");
        form.setSoldeDeadline("31/10/2027 14:00");
        return form;
    }

    @Test
    void a_typed_call_with_a_ceiling_table_is_read_as_the_call_file_reads_it() {
        FundingCallDefinition d = typed().definition();
        assertThat(d.code()).isEqualTo("AF-RAD-RIS-VA2");
        assertThat(d.dsrLabels()).containsExactly("DSR-RAD-RIS-Va2", "DSR-RAD-RIS-Va3");
        assertThat(d.flatCeilingHt()).isNull();
        assertThat(d.ceilingTranches()).extracting(CeilingTranche::getTranche)
                .containsExactly("1 à 2 modalités", "3 modalités et plus");
        assertThat(d.ceilingTranches().get(1).amountHt().value()).isEqualByComparingTo("9000.00");
        assertThat(d.avanceRate()).isEqualByComparingTo(new BigDecimal("0.30"));
        assertThat(d.orderWindowEnd()).isEqualTo(LocalDateTime.of(2027, 6, 30, 14, 0));
    }

    @Test
    void an_existing_call_fills_the_form_and_reads_back_the_same() {
        FundingCallDefinition d = typed().definition();
        FundingCallView view = FundingCallView.of(new FundingCall(d, LocalDateTime.of(2026, 12, 1, 9, 0)),
                LocalDateTime.of(2026, 12, 1, 9, 0));
        FundingCallDefinition again = FundingCallForm.of(view).definition();
        assertThat(again).usingRecursiveComparison().ignoringFields("ceilingTranches").isEqualTo(d);
        assertThat(again.ceilingTranches()).extracting(CeilingTranche::getTranche)
                .containsExactly("1 à 2 modalités", "3 modalités et plus");
    }

    @Test
    void each_bad_field_is_refused_in_french() {
        FundingCallForm flat = typed();
        flat.setCeilingTable(false);
        flat.setFlatCeilingHt("1 200,5");
        assertThat(flat.definition().flatCeilingHt().value()).isEqualByComparingTo("1200.50");
        assertThat(flat.definition().ceilingTranches()).isEmpty();

        FundingCallForm noAmount = typed();
        noAmount.setCeilingTable(false);
        noAmount.setFlatCeilingHt(" ");
        assertThatThrownBy(noAmount::definition).isInstanceOf(InvalidValueException.class)
                .hasMessage("Le plafond forfaitaire est obligatoire.");

        FundingCallForm noDate = typed();
        noDate.setSoldeDeadline("");
        assertThatThrownBy(noDate::definition).hasMessageStartingWith("La date limite du solde est obligatoire");

        FundingCallForm badDate = typed();
        badDate.setOrderWindowEnd("30/06/2027");
        assertThatThrownBy(badDate::definition).hasMessageContaining("illisible");

        FundingCallForm late = typed();
        late.setSoldeDeadline("30/06/2027 13:59");
        assertThatThrownBy(late::definition)
                .hasMessage("La date limite du solde ne peut pas précéder la fin de la période de dépôt.");

        FundingCallForm percent = typed();
        percent.setAvancePercent("trente");
        assertThatThrownBy(percent::definition).hasMessageContaining("pourcentage");

        FundingCallForm unnamed = typed();
        unnamed.getTranches().get(0).setLabel(" ");
        assertThatThrownBy(unnamed::definition).hasMessage("Chaque ligne du tableau des plafonds doit nommer sa tranche.");
    }
}
