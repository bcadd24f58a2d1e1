package fr.asp.segur.domain.enrolment;

/** Life cycle of an enrolment request; the instruction issue adds the transitions between them. */
public enum RequestStatus {
    SOUMISE,
    EN_INSTRUCTION,
    COMPLEMENTS_DEMANDES,
    VALIDEE,
    REJETEE,
    CLASSEE_SANS_SUITE
}
