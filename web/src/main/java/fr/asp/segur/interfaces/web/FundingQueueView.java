package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.funding.FundingCallView;
import fr.asp.segur.application.funding.FundingCalls;
import fr.asp.segur.application.funding.FundingFilter;
import fr.asp.segur.application.funding.FundingInstruction;
import fr.asp.segur.application.funding.FundingQueries;
import fr.asp.segur.application.funding.FundingSort;
import fr.asp.segur.application.funding.FundingSummary;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.funding.FundingStatus;
import fr.asp.segur.domain.support.Couloir;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The agents' funding queue (backoffice/financements.xhtml): the search form's criteria, a lazy model
 * asking the server for one page at a time (count, then the page, deep pages read from the end), and
 * "Valider la sélection" over the checked rows, each validated again on the server on its own.
 */
@Named
@ViewScoped
public class FundingQueueView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, FundingSort> SORTS = Map.of("filedAt", FundingSort.FILED_AT,
            "requestNumber", FundingSort.REQUEST_NUMBER, "statusLabel", FundingSort.STATUS,
            "supplierSiret", FundingSort.SUPPLIER_SIRET);

    @EJB
    private FundingQueries queries;
    @EJB
    private FundingInstruction instruction;
    @EJB
    private FundingCalls calls;

    private final FundingFilter filter = new FundingFilter();
    /** The rows checked for "Valider la sélection", by number, and the version each row showed. */
    private final Map<String, Boolean> checked = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private List<FundingInstruction.Outcome> outcomes = List.of();
    private List<FundingCallView> callList;
    private final LazyDataModel<FundingSummary> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;
        private final Map<String, FundingSummary> shown = new LinkedHashMap<>();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, queries.count(filter));
        }

        @Override
        public List<FundingSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
            FundingSort column = sort == null ? FundingSort.FILED_AT
                    : SORTS.getOrDefault(sort.getField(), FundingSort.FILED_AT);
            boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
            List<FundingSummary> page = queries.page(filter, column, ascending, first, pageSize, getRowCount());
            shown.clear();
            // The version the agent saw is the one rendered: the table also reads its page again while it
            // decodes the checked boxes, and that reading must not pass for what was shown.
            boolean rendering = FacesContext.getCurrentInstance().getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
            page.forEach(s -> {
                shown.put(s.requestNumber(), s);
                if (rendering) {
                    versions.put(s.requestNumber(), s.version());
                }
            });
            return page;
        }

        @Override
        public String getRowKey(FundingSummary row) {
            return row.requestNumber();
        }

        @Override
        public FundingSummary getRowData(String rowKey) {
            return shown.get(rowKey);
        }
    };

    /** "Valider la sélection": one outcome per checked request, shown as a list. */
    public void validateSelected() {
        if (!isInstructor()) {
            error(RequestDetailView.FORBIDDEN);
            return;
        }
        Map<String, Long> seen = new LinkedHashMap<>();
        checked.forEach((number, on) -> {
            if (Boolean.TRUE.equals(on) && versions.containsKey(number)) {
                seen.put(number, versions.get(number));
            }
        });
        try {
            outcomes = instruction.validateAll(seen);
        } catch (BusinessRuleException e) {
            e.errors().stream().map(FieldError::message).forEach(FundingQueueView::error);
            return;
        } catch (EJBAccessException e) {
            error(RequestDetailView.FORBIDDEN);
            return;
        }
        long done = outcomes.stream().filter(FundingInstruction.Outcome::validated).count();
        String text = done + " demande(s) validée(s) sur " + outcomes.size() + ".";
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(
                done == outcomes.size() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN, text, text));
        checked.clear();
    }

    public boolean isInstructor() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getExternalContext().isUserInRole(Role.AGENT_ROLE)
                || faces.getExternalContext().isUserInRole(Role.SUPERVISEUR_ROLE);
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public FundingFilter getFilter() { return filter; }
    public LazyDataModel<FundingSummary> getModel() { return model; }
    public Map<String, Boolean> getChecked() { return checked; }
    public List<FundingInstruction.Outcome> getOutcomes() { return outcomes; }
    public List<FundingStatus> getStatuses() { return List.of(FundingStatus.values()); }
    public List<Couloir> getCouloirs() { return List.of(Couloir.values()); }
    /** Read once per view: the drop-down is evaluated at every phase of every request of the page. */
    public List<FundingCallView> getCalls() {
        if (callList == null) {
            callList = calls.all();
        }
        return callList;
    }
}
