package fr.asp.segur.domain.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asp.segur.domain.enrolment.IllegalTransitionException;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.support.Couloir;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FundingDomainTest {

    private static final LocalDateTime START = LocalDateTime.of(2023, 1, 2, 0, 0);
    private static final LocalDateTime END = LocalDateTime.of(2023, 3, 15, 14, 0);
    private static final LocalDateTime SOLDE = LocalDateTime.of(2023, 4, 28, 14, 0);

    static FundingCallDefinition officine(Amount flat, List<CeilingTranche> tranches) {
        return new FundingCallDefinition("AF-OFF-LGO-VA1", "Officine", Couloir.OFFICINE, List.of("DSR-OFF-LGO-Va1"), 1,
                ClientKind.FINESS, flat, tranches.isEmpty() ? null : "Nombre de postes", tranches,
                new BigDecimal("0.30"), SoldeDocument.VA, START, END, SOLDE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1 234,56|1234.56", "1200|1200.00", "0,5|0.50", "1\u202f000,10 €|1000.10"})
    void typed_amounts_are_read_the_french_way(String typed, String expected) {
        assertThat(Amount.parse("montant", "montant", typed).value()).isEqualByComparingTo(expected);
        assertThat(Amount.parse("montant", "montant", typed).value().scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,345", "-5", "0", "abc", "1.2.3", ""})
    void bad_amounts_are_refused_in_french(String typed) {
        assertThatThrownBy(() -> Amount.parse("montantHt", "montant HT", typed))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Le montant HT");
    }

    @Test
    void amounts_are_the_lower_of_order_and_ceiling_split_thirty_seventy_exactly() {
        FundingAmounts a = FundingAmounts.compute(Amount.of("1333.33"), Amount.of("1200.00"), new BigDecimal("0.30"));
        assertThat(a.grantedHt()).isEqualTo(Amount.of("1200.00"));
        assertThat(a.capped()).isTrue();
        assertThat(a.avanceHt()).isEqualTo(Amount.of("360.00"));
        assertThat(a.soldeHt()).isEqualTo(Amount.of("840.00"));

        FundingAmounts b = FundingAmounts.compute(Amount.of("1000.01"), Amount.of("1200.00"), new BigDecimal("0.30"));
        assertThat(b.avanceHt()).isEqualTo(Amount.of("300.00")); // 300.003 rounds half-up to the cent
        assertThat(b.avanceHt().plus(b.soldeHt())).isEqualTo(b.grantedHt());
        assertThat(b.grantedTtc()).isEqualTo(Amount.of("1200.01")); // 1200.012
        assertThat(b.avanceTtc().plus(b.soldeTtc())).isEqualTo(b.grantedTtc());
        assertThat(Amount.of("0.125").value()).isEqualByComparingTo("0.13");
    }

    @Test
    void amounts_display_in_french() {
        assertThat(Amount.of("1234567.5").formatted()).isEqualTo("1\u202f234\u202f567,50\u00a0€");
        assertThat(Amount.of("12").formatted()).isEqualTo("12,00\u00a0€");
    }

    @Test
    void windows_are_exact_to_the_minute() {
        FundingCall call = new FundingCall(officine(Amount.of("1200"), List.of()), START);
        assertThat(call.openForAvances(END)).isTrue();
        assertThat(call.openForAvances(END.plusMinutes(1))).isFalse();
        assertThat(call.openForAvances(START.minusMinutes(1))).isFalse();
        assertThat(call.openForSoldes(SOLDE)).isTrue();
        assertThat(call.openForSoldes(SOLDE.plusMinutes(1))).isFalse();
        assertThat(call.acceptsOrderSignedOn(LocalDate.of(2023, 3, 15))).isTrue();
        assertThat(call.acceptsOrderSignedOn(LocalDate.of(2023, 3, 16))).isFalse();
        assertThat(call.acceptsOrderSignedOn(LocalDate.of(2023, 1, 1))).isFalse();
        assertThat(call.funds("dsr-off-lgo-va1")).isTrue();
        assertThat(call.funds("DSR-OFF-LGO-Va2")).isFalse();
        assertThat(call.closeIfEnded(END)).isFalse();
        assertThat(call.closeIfEnded(END.plusMinutes(1))).isTrue();
        assertThat(call.closeIfEnded(END.plusMinutes(2))).isFalse();
    }

    @Test
    void ceilings_come_flat_or_from_the_table() {
        FundingCall table = new FundingCall(officine(null, List.of(
                new CeilingTranche(0, "1 à 3 postes", Amount.of("1000")),
                new CeilingTranche(1, "4 postes et plus", Amount.of("2000")))), START);
        assertThat(table.ceilingFor("4 postes et plus")).isEqualTo(Amount.of("2000.00"));
        assertThatThrownBy(() -> table.ceilingFor("12 postes")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("Nombre de postes");
        assertThat(new FundingCall(officine(Amount.of("1200"), List.of()), START).ceilingFor(null))
                .isEqualTo(Amount.of("1200.00"));
    }

    @Test
    void a_definition_must_hold_together() {
        assertThatThrownBy(() -> officine(null, List.of())).hasMessageContaining("forfait");
        assertThatThrownBy(() -> new FundingCallDefinition("AF-X", "X", Couloir.OFFICINE, List.of("DSR-OFF-LGO-Va1"), 1,
                ClientKind.FINESS, Amount.of("1"), null, List.of(), new BigDecimal("0.30"), SoldeDocument.VA, END,
                START, SOLDE)).hasMessage("La période de dépôt doit commencer avant de finir.");
        assertThatThrownBy(() -> new FundingCallDefinition("AF-X", "X", Couloir.OFFICINE, List.of("DSR-OFF-LGO-Va1"), 1,
                ClientKind.FINESS, Amount.of("1"), null, List.of(), new BigDecimal("0.30"), SoldeDocument.VA, START,
                END, END.minusMinutes(1))).hasMessageContaining("date limite du solde");
    }

    @Test
    void the_life_cycle_goes_from_avance_to_solde_and_records_each_step() {
        FundingCall call = new FundingCall(officine(Amount.of("1200"), List.of()), START);
        FundingRequest r = new FundingRequest("DF000011", call, 1L, "81120705900015", "f@x.fr",
                new FundingClient(ClientKind.FINESS, "010000024", "PHARMACIE", true), null, LocalDate.of(2023, 2, 1),
                FundingAmounts.compute(Amount.of("1000"), Amount.of("1200"), call.getAvanceRate()), START);
        assertThat(r.getStatus()).isEqualTo(FundingStatus.AVANCE_DEPOSEE);
        assertThatThrownBy(() -> r.moveTo(FundingStatus.AVANCE_REJETEE, "agent", " ", START))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("motivation");
        assertThatThrownBy(() -> r.moveTo(FundingStatus.AVANCE_PAYEE, "agent", null, START))
                .isInstanceOf(IllegalTransitionException.class);
        r.moveTo(FundingStatus.AVANCE_EN_INSTRUCTION, "agent", null, START);
        r.moveTo(FundingStatus.AVANCE_VALIDEE, "agent", null, START);
        r.moveTo(FundingStatus.AVANCE_PAYEE, "paiement", null, START);
        assertThat(r.getStatus().awaitedFromSupplier()).isEqualTo("Demande de solde à déposer");
        r.moveTo(FundingStatus.SOLDE_DEPOSE, "f@x.fr", null, SOLDE);
        assertThat(r.getSoldeFiledAt()).isEqualTo(SOLDE);
        assertThat(r.getStatus().avanceAccepted()).isTrue();
        assertThat(r.getHistory()).hasSize(5);
        assertThat(FundingStatus.SOLDE_PAYE.isFinal()).isTrue();
    }

    @Test
    void funding_numbers_carry_a_check_character() {
        FundingRequestNumber n = FundingRequestNumber.fromSequence(42);
        assertThat(n.value()).startsWith("DF").hasSize(8);
        assertThat(FundingRequestNumber.parse(n.value().toLowerCase())).isEqualTo(n);
        String wrong = n.value().substring(0, 7) + (n.value().charAt(7) == '0' ? '1' : '0');
        assertThatThrownBy(() -> FundingRequestNumber.parse(wrong)).isInstanceOf(InvalidValueException.class);
    }
}
