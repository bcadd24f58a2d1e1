package fr.asp.segur.system;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URL;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every browser journey starts from: the portal's EAR deployed as it ships (the test runs as a
 * client), the tests' SMTP server, a headless Chromium, the portal's base URL and a folder for the files
 * to upload.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserJourney {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @RegisterExtension
    static final GreenMailExtension greenMail = Mailbox.greenMail();

    @RegisterExtension
    final Browser browser = new Browser();

    @ArquillianResource
    URL base;

    @TempDir
    Path tmp;
}
