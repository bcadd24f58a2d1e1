package fr.asp.segur.application.enrolment;

import java.io.Serializable;

/**
 * What the SIRET search shows on "2 - Demandeur": the company as SIRENE knows it, and whether the
 * supplier is the software's editor or a distributor of it. When the local SIRENE referential does not
 * know the SIRET yet ({@code verified} false), only the SIRET and the editor/distributor answer (from the
 * SIREN) are known: the supplier types the name and the address.
 */
public record ApplicantCompany(String siret, String legalName, String commercialName, String streetNumber,
                               String streetExtension, String streetType, String streetName,
                               String addressComplement, String postalCode, String city, boolean distributor,
                               String editorName, boolean verified) implements Serializable {

    /** A valid SIRET the referential does not know: everything but the SIREN comes from the supplier. */
    static ApplicantCompany unverified(String siret, boolean distributor, String editorName) {
        return new ApplicantCompany(siret, null, null, null, null, null, null, null, null, null, distributor,
                editorName, false);
    }
}
