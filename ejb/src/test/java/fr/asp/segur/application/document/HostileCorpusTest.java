package fr.asp.segur.application.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asp.segur.application.document.HostileCorpus.HostileFile;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the hostile corpus that needs no clamd is refused by the inspector with its own message; those
 * that only an antivirus can catch reach the scanner, last, with their bytes. The full path, with a real
 * clamd, is HostileUploadsIT (ear).
 */
class HostileCorpusTest {

    private static final List<HostileFile> CORPUS = HostileCorpus.all();

    static Stream<HostileFile> structurallyHostile() {
        return CORPUS.stream().filter(f -> !f.needsAntivirus());
    }

    static Stream<HostileFile> onlyAnAntivirusSees() {
        return CORPUS.stream().filter(HostileFile::needsAntivirus);
    }

    @Test
    void the_corpus_holds_at_least_25_files() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structurallyHostile")
    void is_refused_with_its_message_before_any_scan(HostileFile file) {
        DocumentInspector inspector = new DocumentInspector(content -> {
            throw new AssertionError("a malformed file must not reach the antivirus");
        });

        assertThatThrownBy(() -> inspector.inspect(file.fileName(), new ByteArrayInputStream(file.content())))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage(file.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlyAnAntivirusSees")
    void is_well_formed_and_handed_to_the_antivirus_whole(HostileFile file) throws Exception {
        AtomicReference<byte[]> scanned = new AtomicReference<>();

        new DocumentInspector(scanned::set).inspect(file.fileName(), new ByteArrayInputStream(file.content()));

        assertThat(scanned.get()).isEqualTo(file.content());
    }

    @Test
    void an_ordinary_pdf_with_a_web_link_is_accepted() throws Exception {
        InspectedDocument accepted = new DocumentInspector(ContentScanner.NONE)
                .inspect("kbis.pdf", new ByteArrayInputStream(HostileCorpus.ordinaryPdf()));

        assertThat(accepted.mediaType()).isEqualTo(DocumentInspector.PDF);
    }

    @Test
    void the_antivirus_verdict_is_the_last_word() {
        DocumentInspector inspector = new DocumentInspector(content -> {
            throw new DocumentRejectedException(Antivirus.MSG_INFECTED);
        });

        assertThatThrownBy(() -> inspector.inspect("kbis.pdf", new ByteArrayInputStream(HostileCorpus.ordinaryPdf())))
                .hasMessage(HostileCorpus.INFECTED);
    }
}
