package fr.asp.segur.system;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR exactly as the build packaged it, optionally with a war of in-container tests added. */
final class Deployments {

    static final String CONTEXT = "segurnum";

    private Deployments() {
    }

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("segur.ear")));
    }

    /** The portal's EAR plus a test war (marked as the archive Arquillian enriches) holding in-container tests. */
    static EnterpriseArchive earWithTests(Class<?>... testClasses) {
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "test.war").addClasses(testClasses)
                // Tests may act as a given person through Elytron (see People).
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.wildfly.security.elytron\n"));
        EnterpriseArchive ear = ear();
        // application.xml lists the modules explicitly: the test war must be declared there too.
        String descriptor;
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        descriptor = descriptor.replace("</application>",
                "<module><web><web-uri>test.war</web-uri><context-root>/segur-test</context-root></web></module></application>");
        return ear.setApplicationXML(new StringAsset(descriptor)).addAsModule(Testable.archiveToTest(tests));
    }
}
