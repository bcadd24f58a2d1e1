package fr.asp.segur.application.funding;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.domain.funding.ClientKind;
import fr.asp.segur.domain.funding.FundingCallDefinition;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FundingCallFormatTest {

    @Test
    void the_sample_calls_are_read_whole() throws Exception {
        var in = FundingCallFormatTest.class.getResourceAsStream("/sample/funding_calls.csv");
        FundingCallFormat.Parsed parsed = FundingCallFormat.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.calls()).extracting(FundingCallDefinition::code)
                .contains("AF-OFF-LGO-VA1", "AF-RAD-RIS-VA1", "AF-MDV-LGC-VA1", "AF-BIO-SGL-VA1");
        FundingCallDefinition radio = parsed.calls().stream().filter(c -> c.code().equals("AF-RAD-RIS-VA1")).findFirst()
                .orElseThrow();
        assertThat(radio.ceilingTranches()).hasSize(3);
        assertThat(radio.dsrLabels()).containsExactly("DSR-RAD-RIS-Va1", "DSR-RAD-RIS-Va2");
        assertThat(radio.clientKind()).isEqualTo(ClientKind.FINESS);
        assertThat(radio.orderWindowEnd()).isEqualTo(LocalDateTime.of(2027, 6, 30, 14, 0));
        assertThat(radio.avanceRate()).isEqualByComparingTo("0.30");
    }

    @Test
    void each_bad_line_is_reported_with_its_number_and_reason() throws Exception {
        String file = String.join(";", FundingCallFormat.HEADER) + "\n"
                + "AF-OK-1;Ok;Officine;DSR-OFF-LGO-Va1;1;FINESS;1200;;;30;VA;01/01/2027 00:00;01/02/2027 14:00;01/03/2027 14:00\n"
                + "AF-BAD-1;Bad;Inconnu;DSR-OFF-LGO-Va1;1;FINESS;1200;;;30;VA;01/01/2027 00:00;01/02/2027 14:00;01/03/2027 14:00\n"
                + "AF-BAD-2;Bad;Officine;DSR-OFF-LGO-Va1;1;FINESS;1200;;;30;VA;2027-01-01;01/02/2027 14:00;01/03/2027 14:00\n"
                + "AF-BAD-3;Bad;Officine\n";
        FundingCallFormat.Parsed parsed = FundingCallFormat.parse(new StringReader(file));
        assertThat(parsed.calls()).hasSize(1);
        assertThat(parsed.errors()).extracting(FundingCallFormat.LineError::line).containsExactly(3L, 4L, 5L);
        assertThat(parsed.errors().get(0).message()).isEqualTo("Couloir inconnu : « Inconnu ».");
        assertThat(parsed.errors().get(1).message()).contains("jj/mm/aaaa hh:mm");
        assertThat(parsed.errors().get(2).message()).contains("colonnes");
    }
}
