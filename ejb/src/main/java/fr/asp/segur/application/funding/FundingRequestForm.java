package fr.asp.segur.application.funding;

import java.io.Serializable;

/**
 * An avance request as a supplier types it (page, bulk deposit, API): every field raw, as typed; the
 * funding rules read and check them.
 *
 * @param callCode            the funding call's code, e.g. AF-RAD-RIS-VA1
 * @param enrolmentRequestId  the id of the supplier's validated enrolment (software + company)
 * @param clientIdentifier    FINESS, RPPS or SIRET as the call's kind of client requires; spaces ignored
 * @param clientName          the client's name; the referential's name wins when it knows the client
 * @param ceilingTranche      the line of the call's ceiling table; ignored for a flat ceiling
 * @param orderSignedOn       the order form's signature date, dd/MM/yyyy
 * @param orderAmountHt       the order form's amount excluding VAT, French or plain notation
 */
public record FundingRequestForm(String callCode, Long enrolmentRequestId, String clientIdentifier, String clientName,
                                 String ceilingTranche, String orderSignedOn, String orderAmountHt)
        implements Serializable {
}
