package fr.asp.segur.application.funding;

import fr.asp.segur.domain.funding.FundingAmounts;
import fr.asp.segur.domain.funding.FundingClient;
import java.io.Serializable;

/**
 * What a request would be if filed now: the client as identified (and whether its referential knows
 * it), the amounts, and whether another undecided request already holds the client for the call (the
 * request would then go to agents as a conflict).
 *
 * @param conflictWith the number of the undecided request holding the client, or null
 */
public record FundingQuote(String callCode, String callLabel, String avancePercent, FundingClient client,
                           String ceilingTranche, FundingAmounts amounts, String conflictWith) implements Serializable {

    public boolean capped() { return amounts.capped(); }
    public boolean clientKnown() { return client.known(); }
    public String orderHt() { return amounts.orderHt().formatted(); }
    public String ceilingHt() { return amounts.ceilingHt().formatted(); }
    public String grantedHt() { return amounts.grantedHt().formatted(); }
    public String grantedTtc() { return amounts.grantedTtc().formatted(); }
    public String avanceHt() { return amounts.avanceHt().formatted(); }
    public String avanceTtc() { return amounts.avanceTtc().formatted(); }
    public String soldeHt() { return amounts.soldeHt().formatted(); }
    public String soldeTtc() { return amounts.soldeTtc().formatted(); }
}
