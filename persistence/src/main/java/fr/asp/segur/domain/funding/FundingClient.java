package fr.asp.segur.domain.funding;

/**
 * The client of a funding request: its kind and normalised identifier (FINESS, RPPS or SIRET), its
 * name, and whether its referential knew it when the request was filed (an unknown client is
 * accepted and flagged for agents).
 */
public record FundingClient(ClientKind kind, String identifier, String name, boolean known) {
}
