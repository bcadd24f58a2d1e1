package fr.asp.segur.application.funding;

import fr.asp.segur.domain.funding.FundingAmounts;
import fr.asp.segur.domain.funding.FundingClient;
import java.io.Serializable;

/**
 * What a request would be if filed now, as the step before "Confirmer" shows it: the client as
 * identified (and whether its referential knows it), the amounts formatted in French ("1 234,56 €"),
 * and whether another undecided request already holds the client for the call (the request would then
 * go to agents as a conflict).
 *
 * @param conflictWith the number of the undecided request holding the client, or null
 */
public record FundingQuote(String callCode, String callLabel, String avancePercent, String clientKindLabel,
                           String clientIdentifier, String clientName, boolean clientKnown, String ceilingTranche,
                           String orderHt, String ceilingHt, String grantedHt, String grantedTtc, String avanceHt,
                           String avanceTtc, String soldeHt, String soldeTtc, boolean capped, String conflictWith)
        implements Serializable {

    static FundingQuote of(String callCode, String callLabel, String avancePercent, FundingClient client,
                           String ceilingTranche, FundingAmounts a, String conflictWith) {
        return new FundingQuote(callCode, callLabel, avancePercent, client.kind().identifierLabel(), client.identifier(),
                client.name(), client.known(), ceilingTranche, a.orderHt().formatted(), a.ceilingHt().formatted(),
                a.grantedHt().formatted(), a.grantedTtc().formatted(), a.avanceHt().formatted(),
                a.avanceTtc().formatted(), a.soldeHt().formatted(), a.soldeTtc().formatted(), a.capped(), conflictWith);
    }
}
