package fr.asp.segur.application.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import fr.asp.segur.domain.payment.SepaText;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PainWriterTest {

    private static final PainWriter.Debtor ASP = new PainWriter.Debtor("AGENCE DE SERVICES ET DE PAIEMENT",
            "FR7630001000640000001234559", "BDFEFRPPCCT");

    @Test
    void the_file_reads_back_with_prowide_with_its_counts_and_control_sum() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PainWriter w = new PainWriter(out)) {
            w.start("SEGUR-20270105", OffsetDateTime.of(2027, 1, 5, 10, 0, 0, 0, ZoneOffset.UTC), 3,
                    new BigDecimal("1710.01"), LocalDate.of(2027, 1, 6), ASP);
            w.transfer(new PainWriter.Transfer("DF00011-A", new BigDecimal("360.00"), "KALINKA Société d'Œuvres",
                    "FR7613135000800800267924623", "CEPAFRPP313", "SEGUR NUMERIQUE AVANCE DF00011 AF-RAD-RIS-VA1"));
            w.transfer(new PainWriter.Transfer("DF00022-S", new BigDecimal("840.00"), "KALINKA",
                    "FR7613135000800800267924623", null, "SEGUR NUMERIQUE SOLDE DF00022 AF-RAD-RIS-VA1"));
            w.transfer(new PainWriter.Transfer("DF00033-A", new BigDecimal("510.01"), "Pharmacie « du Centre » & fils",
                    "FR7613135000800800267924623", "CEPAFRPP313", "x".repeat(200)));
            w.finish();
        }
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml").contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");

        CustomerCreditTransferInitiationV09 doc = MxPain00100109.parse(xml).getCstmrCdtTrfInitn();
        assertThat(doc.getGrpHdr().getMsgId()).isEqualTo("SEGUR-20270105");
        assertThat(doc.getGrpHdr().getNbOfTxs()).isEqualTo("3");
        assertThat(doc.getGrpHdr().getCtrlSum()).isEqualByComparingTo("1710.01");
        assertThat(doc.getPmtInf()).hasSize(1);
        PaymentInstruction30 pmt = doc.getPmtInf().get(0);
        assertThat(pmt.getPmtTpInf().getSvcLvl().get(0).getCd()).isEqualTo("SEPA");
        assertThat(pmt.getDbtrAcct().getId().getIBAN()).isEqualTo(ASP.iban());
        assertThat(pmt.getReqdExctnDt().getDt()).isEqualTo(LocalDate.of(2027, 1, 6));
        assertThat(pmt.getCdtTrfTxInf()).hasSize(3);
        BigDecimal sum = pmt.getCdtTrfTxInf().stream().map(t -> t.getAmt().getInstdAmt().getValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(doc.getGrpHdr().getCtrlSum()).isEqualByComparingTo(pmt.getCtrlSum());
        CreditTransferTransaction34 first = pmt.getCdtTrfTxInf().get(0);
        assertThat(first.getAmt().getInstdAmt().getCcy()).isEqualTo("EUR");
        assertThat(first.getCdtr().getNm()).isEqualTo("KALINKA Societe d'OEuvres");
        assertThat(pmt.getCdtTrfTxInf().get(1).getCdtrAgt()).isNull();
        assertThat(pmt.getCdtTrfTxInf().get(2).getCdtr().getNm()).isEqualTo("Pharmacie du Centre + fils");
        assertThat(pmt.getCdtTrfTxInf().get(2).getRmtInf().getUstrd().get(0)).hasSize(140);
        assertThat(xml).contains("<InstdAmt Ccy=\"EUR\">510.01</InstdAmt>");
    }

    @Test
    void sepa_text_keeps_only_the_sepa_latin_set() {
        assertThat(SepaText.of("Crème brûlée — « Où ? » 100 %", 70)).isEqualTo("Creme brulee Ou ? 100");
        assertThat(SepaText.of("ŒUVRE/ÉTÉ (n°2)", 70)).isEqualTo("OEUVRE/ETE (n 2)");
        assertThat(SepaText.of("abcdef", 3)).isEqualTo("abc");
    }

    /** A large batch streams: nothing is kept per transfer (this test fails if the writer buffers). */
    @Test
    void a_large_batch_is_written_in_constant_memory() {
        long[] bytes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        Runtime rt = Runtime.getRuntime();
        long before = 0;
        try (PainWriter w = new PainWriter(counting)) {
            w.start("SEGUR-BIG", OffsetDateTime.now(ZoneOffset.UTC), 100_000, new BigDecimal("100000.00"),
                    LocalDate.of(2027, 1, 6), ASP);
            for (int i = 0; i < 100_000; i++) {
                if (i == 10_000) {
                    System.gc();
                    before = rt.totalMemory() - rt.freeMemory();
                }
                w.transfer(new PainWriter.Transfer("DF" + i + "-A", BigDecimal.ONE, "KALINKA",
                        "FR7613135000800800267924623", "CEPAFRPP313", "SEGUR NUMERIQUE AVANCE DF" + i));
            }
            w.finish();
        }
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        assertThat(bytes[0]).isGreaterThan(100_000L * 300);
        // 100,000 transfers kept in memory would take well over 100 MB.
        assertThat(after - before).isLessThan(64L * 1024 * 1024);
    }
}
