package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DataKeyRotation;
import fr.asp.segur.application.document.DocumentAccess;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.domain.crypto.CredentialStoreKeyring;
import fr.asp.segur.domain.crypto.DataCipher;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.credential.SecretKeyCredential;
import org.wildfly.security.credential.store.CredentialStore;
import org.wildfly.security.credential.store.WildFlyElytronCredentialStoreProvider;

/**
 * Identity documents and RIBs are sealed in the database with the data key of the server's Elytron credential
 * store (AES-GCM, the key's id beside each value); an agent still opens the very bytes uploaded. A new key
 * added to the store becomes current, the rotation job seals every document again with it, and the documents
 * still open.
 */
@ExtendWith(ArquillianExtension.class)
class PersonalDataAtRestIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(PersonalDataAtRestIT.class, Fixtures.class, People.class);
    }

    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @EJB
    DocumentAccess access;
    @EJB
    DataKeyRotation rotation;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    @Test
    void documentsAreSealedAtRestStillOpenAndAreSealedAgainAfterARotation() throws Exception {
        String number = Fixtures.submit(enrolment, documents, captcha,
                Fixtures.representativeForm("chiffrement-" + System.nanoTime() + "@kalinka.fr"),
                DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB);
        long rib = Fixtures.count(ds, "select d.id from document d join enrolment_request r on r.id = d.request_id "
                + "where r.request_number = ? and d.kind = 'RIB'", number);

        byte[] stored = raw(rib);
        assertEquals(CredentialStoreKeyring.DEFAULT_ALIAS, DataCipher.keyIdOf(stored));
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("%PDF"), "no PDF in clear at rest");
        assertOpensAsUploaded(rib);

        String newKey = "data-key-" + Long.toString(System.nanoTime(), 36);
        addKeyToTheStore(newKey);
        System.setProperty(CredentialStoreKeyring.CURRENT_KEY, newKey);
        try {
            int resealed = People.as(People.ADMIN, () -> rotation.reencryptNow());
            assertTrue(resealed >= 3, "at least this request's documents: " + resealed);
            assertEquals(newKey, DataCipher.keyIdOf(raw(rib)));
            assertOpensAsUploaded(rib);
            assertEquals(0, (int) People.as(People.ADMIN, () -> rotation.reencryptNow()), "nothing left to do");
        } finally {
            System.clearProperty(CredentialStoreKeyring.CURRENT_KEY);
        }
        // Back to data-key, as the rest of the run expects it.
        People.as(People.ADMIN, () -> rotation.reencryptNow());
        assertEquals(CredentialStoreKeyring.DEFAULT_ALIAS, DataCipher.keyIdOf(raw(rib)));
        assertOpensAsUploaded(rib);
    }

    /** The bytes the agent opens are the ones whose SHA-256 was taken at upload. */
    private void assertOpensAsUploaded(long documentId) throws Exception {
        byte[] opened = People.as(People.AGENT, () -> access.open(documentId)).content();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(opened));
        assertEquals(1, Fixtures.count(ds, "select count(*) from document where id = ? and sha256 = ?", documentId, sha));
    }

    private byte[] raw(long documentId) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select content from document_content where document_id = ?")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }

    /** What an administrator does with jboss-cli's generate-secret-key, through Elytron's API. */
    private static void addKeyToTheStore(String alias) throws Exception {
        Path file = Path.of(System.getProperty(CredentialStoreKeyring.STORE,
                Path.of(System.getProperty("jboss.server.data.dir"), "segur-data.cs").toString()));
        CredentialStore store = CredentialStore.getInstance("PropertiesCredentialStore",
                WildFlyElytronCredentialStoreProvider.getInstance());
        store.initialize(Map.of("location", file.toString(), "create", "false"));
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        store.store(alias, new SecretKeyCredential(generator.generateKey()));
        store.flush();
    }
}
