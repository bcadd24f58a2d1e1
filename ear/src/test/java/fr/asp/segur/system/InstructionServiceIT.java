package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.instruction.InstructionService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Agents' decisions through the life cycle, with history, audit, emails, locking and roles. */
@ExtendWith(ArquillianExtension.class)
class InstructionServiceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(InstructionServiceIT.class, Fixtures.class, People.class);
    }

    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @EJB
    InstructionService instruction;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private String submitted(String email) {
        return Fixtures.submit(enrolment, documents, captcha, Fixtures.representativeForm(email),
                Fixtures.REPRESENTATIVE_DOCUMENTS);
    }

    private long version(String number) throws Exception {
        return Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number);
    }

    private long count(String sql, String number) throws Exception {
        return Fixtures.count(ds, sql, number);
    }

    @Test
    void anAgentTakesThenValidatesAndTheSupplierIsTold() throws Exception {
        String number = submitted("valide-" + System.nanoTime() + "@kalinka.fr");

        People.as(People.AGENT, () -> instruction.take(number, version(number)));
        People.as(People.AGENT, () -> instruction.validate(number, version(number)));

        assertEquals(1, count("select count(*) from enrolment_request where request_number = ? and status = 'VALIDEE' "
                + "and assigned_agent = 'agent@asp-public.fr'", number));
        assertEquals(3, count("select count(*) from request_history h join enrolment_request r on r.id = h.request_id "
                + "where r.request_number = ?", number));
        assertEquals(1, count("select count(*) from request_history h join enrolment_request r on r.id = h.request_id "
                + "where r.request_number = ? and h.from_status = 'EN_INSTRUCTION' and h.to_status = 'VALIDEE' "
                + "and h.actor = 'agent@asp-public.fr'", number));
        assertEquals(2, count("select count(*) from audit_event where request_number = ?", number));
        assertEquals(1, count("select count(*) from mail_message where subject like '%Validation%' and subject like ?",
                "%" + number));
    }

    @Test
    void aRejectionNeedsAMotivationWhichTheSupplierReceives() throws Exception {
        String number = submitted("rejet-" + System.nanoTime() + "@kalinka.fr");
        People.as(People.AGENT, () -> instruction.take(number, version(number)));

        BusinessRuleException unexplained = assertThrows(BusinessRuleException.class,
                () -> People.as(People.AGENT, () -> instruction.reject(number, version(number), " ")));
        assertTrue(unexplained.getMessage().contains("motivation est obligatoire"), unexplained.getMessage());

        People.as(People.AGENT, () -> instruction.reject(number, version(number), "Le RIB ne correspond pas au titulaire."));
        assertEquals(1, count("select count(*) from mail_message where subject like '%Rejet%' and subject like ? "
                + "and text_body like '%Le RIB ne correspond pas au titulaire.%'", "%" + number));
    }

    @Test
    void whenTwoAgentsActOnTheSameRequestOneWinsAndTheOtherIsTold() throws Exception {
        String number = submitted("conflit-" + System.nanoTime() + "@kalinka.fr");
        long seen = version(number);

        People.as(People.AGENT, () -> instruction.take(number, seen));
        BusinessRuleException late = assertThrows(BusinessRuleException.class,
                () -> People.as(People.SUPERVISEUR, () -> instruction.take(number, seen)));

        assertEquals(InstructionService.CHANGED_MEANWHILE, late.getMessage());
        assertEquals(1, count("select count(*) from enrolment_request where request_number = ? "
                + "and assigned_agent = 'agent@asp-public.fr'", number));
    }

    @Test
    void theLifeCycleRefusesToSkipInstruction() throws Exception {
        String number = submitted("saut-" + System.nanoTime() + "@kalinka.fr");
        BusinessRuleException refused = assertThrows(BusinessRuleException.class,
                () -> People.as(People.AGENT, () -> instruction.validate(number, version(number))));
        assertEquals("Une demande « Soumise » ne peut pas passer à l'état « Validée ».", refused.getMessage());
    }

    @Test
    void onlyAgentsDecideAndOnlySupervisorsReassign() throws Exception {
        String number = submitted("roles-" + System.nanoTime() + "@kalinka.fr");
        assertThrows(EJBAccessException.class, () -> instruction.take(number, version(number)));
        assertThrows(EJBAccessException.class,
                () -> People.as(People.ADMIN, () -> instruction.take(number, version(number))));
        assertThrows(EJBAccessException.class,
                () -> People.as(People.AGENT, () -> instruction.reassign(number, version(number), People.SUPERVISEUR)));
        BusinessRuleException unknown = assertThrows(BusinessRuleException.class, () -> People.as(People.SUPERVISEUR,
                () -> instruction.reassign(number, version(number), "personne@asp-public.fr")));
        assertEquals("Aucun agent actif ne correspond à cet identifiant.", unknown.getMessage());
        assertThrows(BusinessRuleException.class, () -> People.as(People.SUPERVISEUR,
                () -> instruction.reassign(number, version(number), People.ADMIN)), "an administrator instructs nothing");
        People.as(People.SUPERVISEUR, () -> instruction.reassign(number, version(number), People.SUPERVISEUR));
        assertEquals(1, count("select count(*) from enrolment_request where request_number = ? "
                + "and assigned_agent = 'superviseur@asp-public.fr'", number));
    }
}
