package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.audit.AuditQueries;
import fr.asp.segur.application.audit.AuditEntry;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The administrators' audit search: criteria and a lazy, paged table. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditQueries queries;

    private String actor;
    private String action;
    private String requestNumber;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<AuditEntry> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, queries.count(criteria()));
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            return queries.page(criteria(), first, pageSize);
        }

        @Override
        public String getRowKey(AuditEntry event) {
            return String.valueOf(event.getId());
        }
    };

    private AuditQueries.Criteria criteria() {
        return new AuditQueries.Criteria(actor, action, requestNumber, from, to);
    }

    public List<String> getActions() {
        return List.of("PRISE_EN_CHARGE", "DEMANDE_COMPLEMENTS", "REPONSE_COMPLEMENTS", "REPRISE_INSTRUCTION",
                "VALIDATION", "REJET", "REATTRIBUTION", "REOUVERTURE", "CONSULTATION_DOCUMENT", "EXPORT_CSV",
                "CONSULTATION_RECAPITULATIF", "REPONSE_ASSISTANCE", "CLOTURE_ASSISTANCE", "FAQ_RUBRIQUE_CREEE",
                "FAQ_RUBRIQUE_MODIFIEE", "FAQ_RUBRIQUE_PUBLIEE", "FAQ_RUBRIQUE_DEPUBLIEE", "FAQ_RUBRIQUE_DEPLACEE",
                "FAQ_QUESTION_CREEE", "FAQ_QUESTION_MODIFIEE", "FAQ_QUESTION_PUBLIEE", "FAQ_QUESTION_DEPUBLIEE",
                "FAQ_QUESTION_DEPLACEE");
    }

    public LazyDataModel<AuditEntry> getModel() { return model; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getRequestNumber() { return requestNumber; }
    public void setRequestNumber(String requestNumber) { this.requestNumber = requestNumber; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
