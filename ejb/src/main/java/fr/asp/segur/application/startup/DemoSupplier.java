package fr.asp.segur.application.startup;

import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.account.PasswordHasher;
import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.PersonRole;
import fr.asp.segur.domain.enrolment.RequestStatus;
import fr.asp.segur.domain.model.RequestNumber;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * The demo's validated supplier ({@code -Dsegur.demo-data=true}, set by the demo only, never in
 * production nor in the tests): the guide's KALINKA enrolment (software 0215jug63a, SIRET
 * 81120705900015, the guide's bank account), validated, and the account
 * {@value #LOGIN} (password {@link InitialAccounts#DEMO_PASSWORD}) that sees it, so that a newcomer
 * can file a funding request at once.
 */
@Singleton
@Startup
@PermitAll
@DependsOn({"DatabaseMigration", "SampleReferentials", "InitialAccounts"})
public class DemoSupplier {

    public static final String LOGIN = "fournisseur@kalinka.fr";
    private static final Logger LOG = Logger.getLogger(DemoSupplier.class.getName());
    private static final String SIRET = "81120705900015";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    @PostConstruct
    void install() {
        if (!Settings.bool("segur.demo-data", false)
                || !em.createQuery("select a from Account a where a.login = :l", Account.class)
                        .setParameter("l", LOGIN).getResultList().isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now();
        long sequence = ((Number) em.createNativeQuery("select nextval('enrolment_number_seq')").getSingleResult())
                .longValue();
        EnrolmentRequest request = new EnrolmentRequest(RequestNumber.fromSequence(sequence).value(),
                new EnrolmentRequest.Software("0215jug63a", "RADIO RIS LOGICIEL 1", "2.1", "DSR-RAD-RIS-Va1"),
                new EnrolmentRequest.Company(SIRET, "KALINKA", "KALINKA", null,
                        new EnrolmentRequest.PostalAddress(null, null, "8", null, "RUE", "DE LA REPUBLIQUE", null,
                                "31000", "TOULOUSE"), false, "KALINKA"),
                new EnrolmentRequest.BankAccount("FR7613135000800800267924623", "CEPAFRPP313", "KALINKA",
                        "CE MID PYRENEES TOULOUSE"), true, null, now.minusDays(30));
        request.addPerson(PersonRole.REPRESENTANT, "MARTIN", "MAELYS", LOGIN, "0561000000");
        request.recordSubmission("fournisseur");
        request.moveTo(RequestStatus.EN_INSTRUCTION, "agent@asp-public.fr", null, now.minusDays(20));
        request.moveTo(RequestStatus.VALIDEE, "agent@asp-public.fr", null, now.minusDays(10));
        em.persist(request);
        Account account = new Account(LOGIN, LOGIN, "Maëlys MARTIN (KALINKA)", EnumSet.of(Role.FOURNISSEUR), now);
        account.grantCompany(SIRET);
        account.changePasswordHash(PasswordHasher.hash(InitialAccounts.DEMO_PASSWORD.toCharArray()));
        em.persist(account);
        LOG.info(() -> "Demo supplier created: " + LOGIN);
    }
}
