package fr.asp.segur.batch.funding;

import fr.asp.segur.application.funding.FundingNightly;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/** Step {@code close-calls}: closes the funding calls whose window has ended; the exit status names them. */
@Named
@Dependent
public class CloseEndedCallsBatchlet extends AbstractBatchlet {

    @EJB
    private FundingNightly nightly;

    @Override
    public String process() {
        List<String> closed = nightly.closeEndedCalls();
        return closed.isEmpty() ? "appels clos : aucun" : "appels clos : " + String.join(", ", closed);
    }
}
