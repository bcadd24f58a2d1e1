package fr.asp.segur.system;

import java.io.File;
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

    /** The portal's EAR plus a test war holding the given in-container test classes. */
    static EnterpriseArchive earWithTests(Class<?>... testClasses) {
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "segur-tests.war").addClasses(testClasses);
        return ear().addAsModule(tests);
    }
}
