package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.captcha.IssuedCaptcha;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.ratelimit.ClientAddress;
import fr.asp.segur.application.ratelimit.RateLimit;
import fr.asp.segur.application.ratelimit.TooManyRequestsException;
import fr.asp.segur.application.support.ContactForm;
import fr.asp.segur.application.support.SupportService;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate limits against the attacks of issue 11, through the EJBs as the pages call them, the client address set
 * as the web filter sets it (a TEST-NET address of its own for each test): the counts are PostgreSQL's, shared by
 * every node. A test that straddles two windows of its limit is skipped (fixed windows start afresh).
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(RateLimitIT.class, Fixtures.class);
    }

    @EJB
    SupportService support;
    @EJB
    EnrolmentService enrolment;
    @EJB
    AccountService accounts;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @Inject
    ClientAddress client;
    @Inject
    RequestContextController requestContext;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private LocalDateTime window;
    private final String tag = Long.toString(System.nanoTime(), 36);

    /** As during an HTTP request of the portal: a request context, in which the filter set the client's address. */
    @BeforeEach
    void aClientOfItsOwn() {
        requestContext.activate();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        client.set("203.0." + r.nextInt(0, 256) + "." + r.nextInt(1, 255));
    }

    @AfterEach
    void endOfRequest() {
        requestContext.deactivate();
    }

    private void startCounting(RateLimit limit) {
        window = limit.currentWindow();
    }

    private void assumeSameWindow(RateLimit limit) {
        assumeTrue(window.equals(limit.currentWindow()), "the test straddled two windows");
    }

    private ContactForm contactForm(String email) {
        ContactForm form = new ContactForm();
        form.setCouloir("HOPITAL");
        form.setPhase("ENROLEMENT");
        form.setLastName("Robot");
        form.setFirstName("Script");
        form.setEmail(email);
        form.setPhone("0612345678");
        form.setDescription("Message " + tag);
        IssuedCaptcha challenge = captcha.issue();
        form.setCaptchaId(challenge.id());
        form.setCaptchaAnswer(Fixtures.solveCaptcha(challenge));
        return form;
    }

    @Test
    void thirtyContactTicketsFromOneClientGiveFiveAndNoMoreEmails() throws Exception {
        startCounting(RateLimit.CONTACT);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            try {
                support.submit(contactForm("victime-" + i + "-" + tag + "@example.org"));
                accepted++;
            } catch (TooManyRequestsException e) {
                assertEquals(TooManyRequestsException.MESSAGE, e.getMessage());
                refused++;
            }
        }
        assumeSameWindow(RateLimit.CONTACT);
        assertEquals(5, accepted);
        assertEquals(25, refused);
        assertEquals(5, Fixtures.count(ds, "select count(*) from support_ticket where description = ?", "Message " + tag));
        assertEquals(5, Fixtures.count(ds, "select count(*) from mail_message where recipient like ?", "victime-%-" + tag + "@example.org"));
    }

    @Test
    void oneRecipientReceivesAtMostThreeAcknowledgementsWhateverTheClients() throws Exception {
        startCounting(RateLimit.CONTACT);
        String victim = "cible-" + tag + "@example.org";
        int accepted = 0;
        for (int i = 0; i < 6; i++) {
            client.set("198.51.100." + (i + 1));
            try {
                support.submit(contactForm(victim));
                accepted++;
            } catch (TooManyRequestsException e) {
                // the recipient's limit
            }
        }
        assumeSameWindow(RateLimit.CONTACT);
        assertEquals(3, accepted);
        assertEquals(3, Fixtures.count(ds, "select count(*) from mail_message where recipient = ?", victim));
    }

    @Test
    void siretAndAnsLookupsStopAtTheirLimit() {
        startCounting(RateLimit.SIRET_LOOKUP);
        for (int i = 0; i < 30; i++) {
            IssuedCaptcha challenge = captcha.issue();
            enrolment.findCompany(Fixtures.KALINKA_SIRET, Fixtures.SOFTWARE, challenge.id(), Fixtures.solveCaptcha(challenge));
        }
        IssuedCaptcha challenge = captcha.issue();
        TooManyRequestsException siret = assertThrows(TooManyRequestsException.class,
                () -> enrolment.findCompany(Fixtures.KALINKA_SIRET, Fixtures.SOFTWARE, challenge.id(), Fixtures.solveCaptcha(challenge)));
        assertEquals("siret", siret.errors().get(0).field());
        for (int i = 0; i < 30; i++) {
            enrolment.findSoftware(Fixtures.SOFTWARE);
            enrolment.findSoftware(Fixtures.SOFTWARE);
        }
        assertThrows(TooManyRequestsException.class, () -> enrolment.findSoftware(Fixtures.SOFTWARE));
        assumeSameWindow(RateLimit.SIRET_LOOKUP);
    }

    @Test
    void captchaAttemptsStopAtThirtyEvenWithGarbage() {
        startCounting(RateLimit.CAPTCHA);
        for (int i = 0; i < 30; i++) {
            BusinessRuleException wrong = assertThrows(BusinessRuleException.class,
                    () -> captcha.check("captcha", null, "bm90IGEgc29sdXRpb24="));
            assertEquals(CaptchaService.WRONG, wrong.getMessage());
        }
        IssuedCaptcha challenge = captcha.issue();
        BusinessRuleException stopped = assertThrows(BusinessRuleException.class,
                () -> captcha.check("captcha", challenge.id(), Fixtures.solveCaptcha(challenge)));
        assertInstanceOf(TooManyRequestsException.class, stopped, "even a right answer, once over the limit");
        assumeSameWindow(RateLimit.CAPTCHA);
    }

    @Test
    void passwordLinksForOneLoginStopAtThree() throws Exception {
        startCounting(RateLimit.PASSWORD_RESET);
        String login = "agent@asp-public.fr";
        long before = Fixtures.count(ds, "select count(*) from access_token");
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            client.set("192.0.2." + ThreadLocalRandom.current().nextInt(1, 255));
            IssuedCaptcha challenge = captcha.issue();
            try {
                accounts.requestPasswordLink(login, challenge.id(), Fixtures.solveCaptcha(challenge));
            } catch (TooManyRequestsException e) {
                refused++;
            }
        }
        assumeSameWindow(RateLimit.PASSWORD_RESET);
        // Earlier runs within the hour may have spent some of the three already.
        assertEquals(true, refused >= 2, "refused " + refused);
        assertEquals(true, Fixtures.count(ds, "select count(*) from access_token") - before <= 3);
    }

    @Test
    void uploadsToOneDraftStopAtSixty() {
        startCounting(RateLimit.UPLOAD);
        String draft = Fixtures.newDraft();
        for (int i = 0; i < 60; i++) {
            documents.stage(draft, DocumentKind.RIB, "rib.pdf", new ByteArrayInputStream(Fixtures.pdf()));
        }
        assertThrows(TooManyRequestsException.class,
                () -> documents.stage(draft, DocumentKind.RIB, "rib.pdf", new ByteArrayInputStream(Fixtures.pdf())));
        assumeSameWindow(RateLimit.UPLOAD);
    }
}
