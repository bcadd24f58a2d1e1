package fr.asp.segur.application.referential;

/**
 * What the FINESS referential says of a client: a site (ET) or a legal entity (EJ, then {@code finessEj}
 * is its own number and {@code siret} is empty). {@code category} is the FINESS category's label for a
 * site ("Pharmacie d'Officine", "Laboratoire de Biologie Médicale", ...), the legal status for an entity.
 */
public record FinessEstablishmentView(String finess, String finessEj, String siret, String name,
                                      String category, String postalCode, String city, boolean closed) {
}
