package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.batch.BatchExecutions;
import fr.asp.segur.application.batch.BatchJobs;
import fr.asp.segur.application.batch.ExecutionSummary;
import fr.asp.segur.application.batch.SkippedLine;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The administrators' "Traitements" page: per job, "Lancer" (with an optional source file), its latest
 * executions with their counts and progress, "Arrêter", "Relancer", and an execution's skipped lines.
 * Every action goes through {@link BatchJobs} (administrators only, on the server).
 */
@Named
@ViewScoped
public class BatchJobsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int EXECUTIONS_SHOWN = 20;
    private static final Map<String, String> LABELS = Map.of(
            "ans-referential-sync", "Référentiel ANS des solutions référencées",
            "sirene-sync", "Répertoire SIRENE des entreprises et établissements",
            "bank-referential-sync", "Référentiel des banques (liste BCE des institutions financières)",
            "finess-sync", "Répertoire FINESS des établissements sanitaires et sociaux",
            "rpps-sync", "Répertoire RPPS des professionnels de santé",
            "reminders", "Relances des demandes de compléments et synthèses des agents",
            "funding-nightly", "Clôture des appels à financement et rappels des soldes à déposer");
    private static final List<String> WITH_SOURCE = List.of("ans-referential-sync", "sirene-sync", "bank-referential-sync",
            "finess-sync", "rpps-sync");

    @EJB
    private BatchJobs jobs;
    @EJB
    private BatchExecutions executions;

    private final Map<String, String> sources = new HashMap<>();
    private List<JobPanel> panels;
    private Long shownExecution;
    private List<SkippedLine> skippedLines = List.of();

    @PostConstruct
    void init() {
        refresh();
    }

    /** Reads the executions again (the poll calls it while something runs). */
    public void refresh() {
        panels = jobs.jobNames().stream()
                .map(name -> new JobPanel(name, LABELS.getOrDefault(name, name), WITH_SOURCE.contains(name),
                        executions.executions(name, EXECUTIONS_SHOWN)))
                .toList();
    }

    public void start(String jobName) {
        Properties parameters = new Properties();
        String source = sources.get(jobName);
        if (source != null && !source.isBlank()) {
            parameters.setProperty("source", source.trim());
        }
        try {
            long id = jobs.start(jobName, parameters);
            info("Traitement « " + LABELS.getOrDefault(jobName, jobName) + " » lancé : exécution n° " + id + ".");
        } catch (BusinessRuleException e) {
            errors(e);
        }
        refresh();
    }

    public void stop(long executionId) {
        try {
            jobs.stop(executionId);
            info("Arrêt demandé pour l'exécution n° " + executionId + " : elle s'arrêtera à son prochain point de reprise.");
        } catch (RuntimeException e) {
            error("L'exécution n° " + executionId + " ne peut pas être arrêtée : elle n'est plus en cours.");
        }
        refresh();
    }

    public void restart(long executionId) {
        try {
            long id = jobs.restart(executionId);
            info("Exécution n° " + executionId + " relancée depuis son dernier point de reprise : exécution n° " + id + ".");
        } catch (BusinessRuleException e) {
            errors(e);
        } catch (RuntimeException e) {
            error("L'exécution n° " + executionId + " ne peut pas être relancée (seule la dernière exécution "
                    + "échouée ou arrêtée d'un traitement peut l'être).");
        }
        refresh();
    }

    public void showSkippedLines(long executionId) {
        shownExecution = executionId;
        skippedLines = executions.skippedLines(executionId);
    }

    /** A batch status in French (the code is shown beside it). */
    public String statusLabel(String status) {
        return switch (status) {
            case "STARTING" -> "Démarrage";
            case "STARTED" -> "En cours";
            case "STOPPING" -> "Arrêt en cours";
            case "STOPPED" -> "Arrêté";
            case "FAILED" -> "Échec";
            case "COMPLETED" -> "Terminé";
            case "ABANDONED" -> "Abandonné";
            default -> status;
        };
    }

    public boolean isAnyRunning() {
        return panels.stream().anyMatch(JobPanel::isRunning);
    }

    public String getImportFolder() {
        return jobs.importFolder();
    }

    private static void errors(BusinessRuleException e) {
        for (FieldError error : e.errors()) {
            error(error.message());
        }
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    public List<JobPanel> getPanels() { return panels; }
    public Map<String, String> getSources() { return sources; }
    public Long getShownExecution() { return shownExecution; }
    public List<SkippedLine> getSkippedLines() { return skippedLines; }

    /** One job and its latest executions. */
    public static class JobPanel implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String name;
        private final String label;
        private final boolean withSource;
        private final List<ExecutionSummary> executions;

        JobPanel(String name, String label, boolean withSource, List<ExecutionSummary> executions) {
            this.name = name;
            this.label = label;
            this.withSource = withSource;
            this.executions = executions;
        }

        public boolean isRunning() {
            return executions.stream().anyMatch(ExecutionSummary::isRunning);
        }

        public String getName() { return name; }
        public String getLabel() { return label; }
        public boolean isWithSource() { return withSource; }
        public List<ExecutionSummary> getExecutions() { return executions; }
    }
}
