package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentRetention;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.instruction.InstructionService;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Documents of a request rejected more than the retention delay ago lose their content, with an audit row;
 * a request rejected recently, and a request still in instruction, keep theirs. A second run purges nothing.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentRetentionIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(DocumentRetentionIT.class, Fixtures.class, People.class);
    }

    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @EJB
    InstructionService instruction;
    @EJB
    DocumentRetention retention;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    @Test
    void documentsOfALongRejectedRequestArePurgedOnceWithAnAuditRow() throws Exception {
        String old = rejected();
        String recent = rejected();
        String pending = submit();
        Fixtures.execute(ds, "update request_history set occurred_at = occurred_at - interval '"
                + (DocumentRetention.retentionDays() + 1) + " days' where request_id = "
                + "(select id from enrolment_request where request_number = ?)", old);

        People.as(People.ADMIN, () -> retention.purgeNow());

        assertEquals(0, contents(old), "old rejected request");
        assertEquals(3, Fixtures.count(ds, "select count(*) from document d join enrolment_request r "
                + "on r.id = d.request_id where r.request_number = ? and d.purged_at is not null", old),
                "the rows stay, marked");
        assertEquals(3, contents(recent), "rejected just now");
        assertEquals(3, contents(pending), "still submitted");
        assertEquals(1, audits(old));

        People.as(People.ADMIN, () -> retention.purgeNow());
        assertEquals(1, audits(old), "nothing left to purge");
    }

    private long audits(String number) throws Exception {
        return Fixtures.count(ds, "select count(*) from audit_event where action = 'PURGE_DOCUMENTS' "
                + "and request_number = ?", number);
    }

    private long contents(String number) throws Exception {
        return Fixtures.count(ds, "select count(*) from document_content c join document d on d.id = c.document_id "
                + "join enrolment_request r on r.id = d.request_id where r.request_number = ?", number);
    }

    private String submit() {
        return Fixtures.submit(enrolment, documents, captcha,
                Fixtures.representativeForm("retention-" + System.nanoTime() + "@kalinka.fr"),
                DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB);
    }

    private String rejected() throws Exception {
        String number = submit();
        People.as(People.AGENT, () -> instruction.take(number, version(number)));
        People.as(People.AGENT, () -> instruction.reject(number, version(number), "Pièces non conformes"));
        return number;
    }

    private long version(String number) throws Exception {
        return Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number);
    }
}
