package fr.asp.segur.application.instruction;

/** The columns the list of requests can be sorted by, mapped to entity attributes here only. */
public enum RequestSort {
    SUBMITTED_AT("submittedAt"),
    REQUEST_NUMBER("requestNumber"),
    SIRET("siret"),
    DENOMINATION("denomination"),
    STATUS("status"),
    ASSIGNED_AGENT("assignedAgent");

    final String attribute;

    RequestSort(String attribute) {
        this.attribute = attribute;
    }
}
