package fr.asp.segur.application.referential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.referential.BankInstitution;
import fr.asp.segur.domain.referential.SolutionStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferentialFileTest {

    private static final String ANS_HEADER = "numero_referencement,nom_logiciel,version,siren_editeur,nom_editeur,"
            + "couloir,type_logiciel,dsr,vague,date_referencement,statut\n";
    private static final String ECB_HEADER = "RIAD_CODE\tBIC\tCOUNTRY_OF_REGISTRATION\tNAME\tBOX\tADDRESS\tPOSTAL\tCITY\t"
            + "CATEGORY\tHEAD_COUNTRY_OF_REGISTRATION\tHEAD_NAME\tHEAD_RIAD_CODE\tRESERVE\tEXEMPT\r\n";

    @TempDir
    Path dir;

    private List<ReferentialFile.Line> lines(ReferentialFile file) {
        List<ReferentialFile.Line> lines = new ArrayList<>();
        for (ReferentialFile.Line line = file.next(); line != null; line = file.next()) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void linesAreNumberedAsInTheFileEvenAcrossQuotedLineBreaks() throws Exception {
        Path csv = Files.writeString(dir.resolve("ans.csv"), ANS_HEADER
                + "abcde12345,\"LOGICIEL\nSUR DEUX LIGNES\",1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,2022-03-15,REFERENCE\n"
                + "\n"
                + "abcde12346,LOGICIEL,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,2022-03-15,REFERENCE\n");
        try (ReferentialFile file = ReferentialFile.open(csv.toString(), "none", "none", AnsSolutionFormat.CSV)) {
            List<ReferentialFile.Line> lines = lines(file);
            assertThat(lines).extracting(ReferentialFile.Line::number).containsExactly(2L, 4L, 5L);
            assertThat(AnsSolutionFormat.parse(lines.get(0).record()).getSoftwareName()).isEqualTo("LOGICIEL\nSUR DEUX LIGNES");
            assertThatThrownBy(() -> AnsSolutionFormat.parse(lines.get(1).record()))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("1 colonne(s) au lieu de 11");
            assertThat(AnsSolutionFormat.parse(lines.get(2).record()).getStatus()).isEqualTo(SolutionStatus.REFERENCE);
            assertThat(file.recordsRead()).isEqualTo(3);
            assertThat(file.bytesRead()).isEqualTo(file.size()).isEqualTo(Files.size(csv));
        }
    }

    @Test
    void aRestartPassesOverTheRecordsAlreadyRead() throws Exception {
        Path csv = Files.writeString(dir.resolve("ans.csv"), ANS_HEADER
                + "abcde12345,A,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,2022-03-15,REFERENCE\n"
                + "abcde12346,B,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,2022-03-15,REFERENCE\n");
        try (ReferentialFile file = ReferentialFile.open(csv.toString(), "none", "none", AnsSolutionFormat.CSV)) {
            file.skip(1);
            ReferentialFile.Line line = file.next();
            assertThat(line.number()).isEqualTo(3);
            assertThat(line.record().get("nom_logiciel")).isEqualTo("B");
        }
    }

    @Test
    void theEcbDownloadInUtf16WithABomIsReadAndOnlyFrenchInstitutionsAreKept() throws Exception {
        String content = ECB_HEADER
                + "FR13135\tCEPAFRPP313\tFR\tCAISSE D'ÉPARGNE \"MIDI\"\t\t10 AVENUE\t31000\tTOULOUSE\tCredit institution S122\t\t\t\tY\tN\r\n"
                + "ES0049\tBSCHESMMXXX\tES\tBanco Santander\t\t\t\t\tCredit institution S122\t\t\t\tY\tN\r\n"
                + "FRABCDE\tCEPAFRPP313\tFR\tMAUVAIS\t\t\t\t\tCredit institution S122\t\t\t\tY\tN\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write(content.getBytes(StandardCharsets.UTF_16LE));
        Path tsv = Files.write(dir.resolve("fi_mrr_csv.csv"), bytes.toByteArray());
        try (ReferentialFile file = ReferentialFile.open(tsv.toUri().toString(), "none", "none", EcbBankFormat.TSV)) {
            List<ReferentialFile.Line> lines = lines(file);
            Optional<BankInstitution> bank = EcbBankFormat.parse(lines.get(0).record());
            assertThat(bank).get().extracting(BankInstitution::getBankCode, BankInstitution::getBic,
                    BankInstitution::getName).containsExactly("13135", "CEPAFRPP313", "CAISSE D'ÉPARGNE \"MIDI\"");
            assertThat(EcbBankFormat.parse(lines.get(1).record())).isEmpty();
            assertThatThrownBy(() -> EcbBankFormat.parse(lines.get(2).record()))
                    .hasMessageContaining("code RIAD « FRABCDE » invalide");
            assertThat(lines.get(2).number()).isEqualTo(4);
        }
    }

    @Test
    void badValuesAreRefusedWithTheirReason() throws Exception {
        Path csv = Files.writeString(dir.resolve("ans.csv"), ANS_HEADER
                + "AB,A,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,2022-03-15,REFERENCE\n"
                + "abcde12346,B,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,un,2022-03-15,REFERENCE\n"
                + "abcde12347,B,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,2022-03-15,PUBLIE\n");
        try (ReferentialFile file = ReferentialFile.open(csv.toString(), "none", "none", AnsSolutionFormat.CSV)) {
            List<ReferentialFile.Line> lines = lines(file);
            assertThatThrownBy(() -> AnsSolutionFormat.parse(lines.get(0).record()))
                    .hasMessageContaining("numéro de référencement « ab » invalide");
            assertThatThrownBy(() -> AnsSolutionFormat.parse(lines.get(1).record())).hasMessageContaining("vague « un »");
            assertThatThrownBy(() -> AnsSolutionFormat.parse(lines.get(2).record())).hasMessageContaining("statut « PUBLIE »");
        }
    }
}
