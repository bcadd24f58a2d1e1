package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.instruction.RequestFilter;
import fr.asp.segur.application.instruction.RequestQueries;
import fr.asp.segur.application.instruction.RequestSort;
import fr.asp.segur.application.instruction.RequestSummary;
import fr.asp.segur.domain.enrolment.RequestStatus;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The agents' list of requests: the search form's criteria, and a lazy model that asks the server
 * for one page at a time (count, then the page), sorted by the column the agent chose.
 */
@Named
@ViewScoped
public class RequestListView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, RequestSort> SORTS = Map.of(
            "submittedAt", RequestSort.SUBMITTED_AT, "requestNumber", RequestSort.REQUEST_NUMBER,
            "siret", RequestSort.SIRET, "denomination", RequestSort.DENOMINATION,
            "statusLabel", RequestSort.STATUS, "assignedAgent", RequestSort.ASSIGNED_AGENT);

    @EJB
    private RequestQueries queries;

    /**
     * At most this many requests are listed for a "Société contient" search (counting every match of a
     * frequent fragment would cost the whole table: docs/PERFORMANCE.md); the CSV/XLSX export has them all.
     */
    static final int FRAGMENT_COUNT_CAP = 10_000;

    private final RequestFilter filter = new RequestFilter();
    private boolean capped;
    private final LazyDataModel<RequestSummary> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            long total = queries.countForPager(filter, FRAGMENT_COUNT_CAP);
            capped = notBlank(filter.getCompany()) && total > FRAGMENT_COUNT_CAP;
            return (int) Math.min(Integer.MAX_VALUE, capped ? FRAGMENT_COUNT_CAP : total);
        }

        @Override
        public List<RequestSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
            RequestSort column = sort == null ? RequestSort.SUBMITTED_AT
                    : SORTS.getOrDefault(sort.getField(), RequestSort.SUBMITTED_AT);
            boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
            // The total counted just before (count() runs first) lets deep pages be read from the end.
            // A capped total is not the real one: those pages are read by offset (at most the cap).
            return queries.page(filter, column, ascending, first, pageSize, capped ? -1 : getRowCount());
        }

        @Override
        public String getRowKey(RequestSummary row) {
            return row.requestNumber();
        }
    };

    /** Whether the last search matched more requests than the list shows (see {@link #FRAGMENT_COUNT_CAP}). */
    public boolean isCapped() { return capped; }
    public String getCountCapLabel() { return java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRANCE).format(FRAGMENT_COUNT_CAP); }
    public RequestFilter getFilter() { return filter; }
    public LazyDataModel<RequestSummary> getModel() { return model; }

    public List<RequestStatus> getStatuses() {
        return List.of(RequestStatus.values());
    }

    public List<String> getCouloirs() {
        return List.of("Hôpital", "Biologie médicale", "Radiologie", "Médecin de ville", "Officine",
                "Social et médico-social", "Opérateurs MSSanté", "Service d'accès aux soins");
    }

    /** The export link carries the same criteria as the list. */
    public String getExportQuery() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("statut", filter.getStatus() == null ? null : filter.getStatus().name());
        params.put("couloir", filter.getCouloir());
        params.put("dsr", filter.getDsr());
        params.put("du", filter.getSubmittedFrom());
        params.put("au", filter.getSubmittedTo());
        params.put("siret", filter.getSiret());
        params.put("societe", filter.getCompany());
        params.put("numero", filter.getRequestNumber());
        params.put("agent", filter.getAssignedAgent());
        return params.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
