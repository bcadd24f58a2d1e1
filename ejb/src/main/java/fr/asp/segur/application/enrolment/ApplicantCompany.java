package fr.asp.segur.application.enrolment;

import java.io.Serializable;

/**
 * What the SIRET search shows on "2 - Demandeur": the company as SIRENE knows it, and whether the
 * supplier is the software's editor or a distributor of it.
 */
public record ApplicantCompany(String siret, String legalName, String commercialName, String streetNumber,
                               String streetExtension, String streetType, String streetName,
                               String addressComplement, String postalCode, String city, boolean distributor,
                               String editorName) implements Serializable {
}
