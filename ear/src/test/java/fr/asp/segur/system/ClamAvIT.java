package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.application.document.ClamAvClient;
import fr.asp.segur.application.document.HostileCorpus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The INSTREAM client against the run's real clamd (ClamdForTests) and the signatures the project ships (clamd
 * names a signature of an unsigned database "….UNOFFICIAL").
 */
class ClamAvIT {

    private final ClamAvClient clamd = ClamdForTests.client();

    @Test
    void clamdAnswersPing() {
        assertThat(clamd.ping()).isTrue();
    }

    @Test
    void eicarIsFoundByItsSignature() throws Exception {
        ClamAvClient.Verdict verdict = clamd.scan(HostileCorpus.EICAR.getBytes(StandardCharsets.US_ASCII));

        assertThat(verdict.clean()).isFalse();
        assertThat(verdict.signature()).isEqualTo("Eicar-Test-Signature.UNOFFICIAL");
    }

    @Test
    void theProjectsOwnSignatureIsFoundInsideAFile() throws Exception {
        byte[] file = ("entête " + HostileCorpus.SEGUR_TEST_MARKER + " fin").getBytes(StandardCharsets.UTF_8);

        assertThat(clamd.scan(file).signature()).isEqualTo("Segur.Test.HostileFile.UNOFFICIAL");
    }

    @Test
    void anOrdinaryPdfIsClean() throws Exception {
        assertThat(clamd.scan(HostileCorpus.ordinaryPdf()).clean()).isTrue();
    }

    @Test
    void aFileOfFourMegabytesIsScannedInManyChunks() throws Exception {
        byte[] big = new byte[4 * 1024 * 1024];
        byte[] marker = HostileCorpus.EICAR.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, big, big.length - marker.length - 1, marker.length);

        assertThat(clamd.scan(big).clean()).as("EICAR in the last chunk").isFalse();
        assertThat(clamd.scan(new byte[4 * 1024 * 1024]).clean()).isTrue();
    }
}
