package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.instruction.Dashboard;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Chart.js configurations for the supervisors' dashboard, from the server's figures. */
@Named
@RequestScoped
public class DashboardView {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    @EJB
    private Dashboard dashboard;
    private Dashboard.Figures figures;
    private Dashboard.FundingFigures funding;

    @PostConstruct
    void load() {
        figures = dashboard.figures(30);
    }

    public Dashboard.Figures getFigures() { return figures; }

    public String getStateChart() {
        return chart("bar", "Demandes par état", figures.perState());
    }

    public String getCouloirChart() {
        return chart("bar", "Demandes par couloir", figures.perCouloir());
    }

    public String getDayChart() {
        Map<String, Long> perDay = new java.util.LinkedHashMap<>();
        figures.perDay().forEach((day, count) -> perDay.put(DAY.format(day), count));
        return chart("line", "Demandes reçues par jour (30 derniers jours)", perDay);
    }

    /** Loaded with the enrolment figures: the supervisors' funding amounts per call and couloir. */
    public Dashboard.FundingFigures getFunding() {
        if (funding == null) {
            funding = dashboard.fundingFigures();
        }
        return funding;
    }

    public String getFundingCallChart() {
        return amountsChart("Montants HT par appel à financement", getFunding().perCall());
    }

    public String getFundingCouloirChart() {
        return amountsChart("Montants HT par couloir", getFunding().perCouloir());
    }

    /** A French amount for the tables, "1 234,56 €". */
    public String euros(java.math.BigDecimal amount) {
        return new fr.asp.segur.domain.funding.Amount(amount).formatted();
    }

    /** Three bars a label: requested, validated, paid. */
    private static String amountsChart(String title, Map<String, Dashboard.FundingAmounts> values) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder requested = Json.createArrayBuilder();
        JsonArrayBuilder validated = Json.createArrayBuilder();
        JsonArrayBuilder paid = Json.createArrayBuilder();
        values.forEach((label, a) -> {
            labels.add(label);
            requested.add(a.requested());
            validated.add(a.validated());
            paid.add(a.paid());
        });
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("label", "Demandé").add("data", requested)
                                        .add("backgroundColor", "#000091"))
                                .add(Json.createObjectBuilder().add("label", "Validé").add("data", validated)
                                        .add("backgroundColor", "#6a6af4"))
                                .add(Json.createObjectBuilder().add("label", "Payé").add("data", paid)
                                        .add("backgroundColor", "#18753c"))))
                .add("options", Json.createObjectBuilder()
                        .add("plugins", Json.createObjectBuilder()
                                .add("title", Json.createObjectBuilder().add("display", true).add("text", title)))
                        .add("scales", Json.createObjectBuilder()
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true))))
                .build().toString();
    }

    public String getMedian() {
        return figures.medianInstructionDays() == null ? "—"
                : String.format(java.util.Locale.FRANCE, "%.1f jour(s)", figures.medianInstructionDays());
    }

    private static String chart(String type, String title, Map<String, Long> values) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.forEach((label, count) -> {
            labels.add(label);
            data.add(count);
        });
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", title).add("data", data)
                                .add("backgroundColor", "#000091").add("borderColor", "#000091"))))
                .add("options", Json.createObjectBuilder()
                        .add("plugins", Json.createObjectBuilder()
                                .add("title", Json.createObjectBuilder().add("display", true).add("text", title))
                                .add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder()
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
