package fr.asp.segur.application.instruction;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.PersonRole;
import fr.asp.segur.domain.enrolment.RequestPerson;
import fr.asp.segur.domain.enrolment.RequestStatus;
import fr.asp.segur.domain.referential.StreetTypes;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Builds a {@link RequestDetail} from a stored request, in the caller's transaction. */
final class RequestDetailReader {

    private final EntityManager em;

    RequestDetailReader(EntityManager em) {
        this.em = em;
    }

    RequestDetail read(String requestNumber) {
        List<EnrolmentRequest> found = requestNumber == null ? List.of() : em.createQuery(
                        "select r from EnrolmentRequest r where r.requestNumber = :number", EnrolmentRequest.class)
                .setParameter("number", requestNumber.strip()).getResultList();
        if (found.isEmpty()) {
            throw new BusinessRuleException("request", InstructionService.NOT_FOUND);
        }
        EnrolmentRequest r = found.get(0);
        RequestDetail d = new RequestDetail();
        d.requestNumber = r.getRequestNumber();
        d.status = r.getStatus().name();
        d.statusLabel = r.getStatus().label();
        d.finalStatus = r.getStatus().isFinal();
        d.submittedAt = r.getSubmittedAt();
        d.commitmentsAcceptedAt = r.getCommitmentsAcceptedAt();
        d.version = r.getVersion();
        d.assignedAgent = r.getAssignedAgent();

        EnrolmentRequest.Software software = r.software();
        d.referencingNumber = software.referencingNumber();
        d.softwareName = software.name();
        d.softwareVersion = software.version();
        d.dsrLabel = software.dsrLabel();

        EnrolmentRequest.Company company = r.company();
        EnrolmentRequest.PostalAddress address = company.address();
        d.siret = company.siret();
        d.siretUnverified = r.getSiretVerification().pending();
        d.siretVerification = r.getSiretVerification().label();
        d.denomination = company.denomination();
        d.referentialDenomination = company.referentialDenomination();
        d.denominationChanged = r.isDenominationChanged();
        d.commercialName = company.commercialName();
        d.recipientIdentity = address.recipientIdentity();
        d.entrance = address.entrance();
        d.streetNumber = address.streetNumber();
        d.streetExtension = address.streetExtension();
        d.streetTypeLabel = StreetTypes.label(address.streetType());
        d.streetName = address.streetName();
        d.addressComplement = address.complement();
        d.postalCode = address.postalCode();
        d.city = address.city();
        d.distributor = company.distributor();
        d.editorName = company.editorName();

        d.filerIsRepresentative = r.isFilerIsRepresentative();
        if (r.getTiersQuality() != null) {
            d.tiersQuality = r.getTiersQuality().name();
            d.tiersQualityLabel = r.getTiersQuality().label();
        }
        d.representative = r.person(PersonRole.REPRESENTANT).map(RequestDetailReader::person).orElse(null);
        d.depositaire = r.person(PersonRole.DEPOSITAIRE).map(RequestDetailReader::person).orElse(null);

        EnrolmentRequest.BankAccount bank = r.bankAccount();
        d.iban = bank.iban();
        d.bic = bank.bic();
        d.accountHolder = bank.holder();
        d.bankDomiciliation = bank.domiciliation();

        d.documents = r.getDocuments().stream()
                .map(doc -> new RequestDetail.DocumentItem(doc.getId(), doc.getKind().name(), doc.getKind().label(),
                        doc.getFileName(), doc.getMediaType(), doc.getSizeBytes(), doc.getUploadedAt()))
                .toList();
        d.history = r.getHistory().stream()
                .map(h -> new RequestDetail.HistoryRow(h.getOccurredAt(), h.getActor(), label(h.getFromStatus()),
                        label(h.getToStatus()), h.getMotivation()))
                .toList();
        d.checks = new AutomaticChecks(em).of(r);
        return d;
    }

    private static RequestDetail.Person person(RequestPerson p) {
        return new RequestDetail.Person(p.getLastName(), p.getFirstName(), p.getEmail(), p.getPhone());
    }

    private static String label(RequestStatus status) {
        return status == null ? null : status.label();
    }
}
