package fr.asp.segur.application.funding;

/** The columns the funding queue can be sorted by, mapped to entity attributes here only (each has an index ending with the id). */
public enum FundingSort {
    FILED_AT("filedAt"),
    REQUEST_NUMBER("requestNumber"),
    STATUS("status"),
    SUPPLIER_SIRET("supplierSiret");

    final String attribute;

    FundingSort(String attribute) {
        this.attribute = attribute;
    }
}
