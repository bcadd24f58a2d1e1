package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.document.Antivirus;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.document.HostileCorpus;
import fr.asp.segur.application.document.HostileCorpus.HostileFile;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile corpus through the wizard's upload service (DocumentService.stage, which the complements page
 * and every future upload use too), on the deployed portal with the run's clamd: each file refused with its
 * French message, nothing stored, and the server still accepts an ordinary file afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class HostileUploadsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(HostileUploadsIT.class, Fixtures.class, HostileCorpus.class,
                HostileFile.class, HostileCorpus.PdfChange.class);
    }

    @EJB
    DocumentService documents;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    @Test
    void everyHostileFileIsRefusedWithItsMessageAndTheServerStillAcceptsAnOrdinaryOne() throws Exception {
        String draft = Fixtures.newDraft();
        List<HostileFile> corpus = HostileCorpus.all();
        assertTrue(corpus.size() >= 25, "a corpus of at least 25 files");
        List<String> wrong = new ArrayList<>();
        for (HostileFile file : corpus) {
            try {
                documents.stage(draft, DocumentKind.CERTIFICAT_REFERENCEMENT, file.fileName(),
                        new ByteArrayInputStream(file.content()));
                wrong.add(file.label() + ": accepted");
            } catch (BusinessRuleException e) {
                if (!e.getMessage().equals(file.message())) {
                    wrong.add(file.label() + ": « " + e.getMessage() + " » instead of « " + file.message() + " »");
                }
            }
        }
        assertEquals(List.of(), wrong, "files of the corpus not refused as they should be");
        assertEquals(0, stored(draft), "nothing refused is stored");

        documents.stage(draft, DocumentKind.CERTIFICAT_REFERENCEMENT, "certificat.pdf",
                new ByteArrayInputStream(HostileCorpus.ordinaryPdf()));
        assertEquals(1, stored(draft), "the server still accepts an ordinary file");
    }

    @Test
    void anUnreachableAntivirusRefusesTheUploadWithItsMessage() throws Exception {
        String draft = Fixtures.newDraft();
        String configured = System.getProperty(Antivirus.PORT);
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        System.setProperty(Antivirus.PORT, Integer.toString(closed));
        try {
            BusinessRuleException refused = assertThrows(BusinessRuleException.class, () -> documents.stage(draft,
                    DocumentKind.RIB, "rib.pdf", new ByteArrayInputStream(HostileCorpus.ordinaryPdf())));
            assertEquals(HostileCorpus.ANTIVIRUS_UNAVAILABLE, refused.getMessage());
            assertFalse(Antivirus.ready(), "readiness says so");
        } finally {
            System.setProperty(Antivirus.PORT, configured);
        }
        assertEquals(0, stored(draft));

        documents.stage(draft, DocumentKind.RIB, "rib.pdf", new ByteArrayInputStream(HostileCorpus.ordinaryPdf()));
        assertTrue(Antivirus.ready());
        assertEquals(1, stored(draft));
    }

    private long stored(String draft) throws Exception {
        return Fixtures.count(ds, "select count(*) from document where draft_token = ?", draft);
    }
}
