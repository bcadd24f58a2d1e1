package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.instruction.RequestFilter;
import fr.asp.segur.application.instruction.RequestQueries;
import fr.asp.segur.domain.enrolment.RequestStatus;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The filtered list of requests as CSV, streamed as it is read (constant memory whatever the number
 * of rows). Semicolon-separated with a byte-order mark, as French spreadsheet software expects.
 */
@WebServlet("/backoffice/export.csv")
public class RequestExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @EJB
    private RequestQueries queries;
    @EJB
    private AuditTrail audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestFilter filter;
        try {
            filter = filterOf(request);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Critères de recherche invalides.");
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"demandes-enrolement.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            csv.printRecord("N° de demande", "Déposée le", "SIRET", "Dénomination sociale", "Logiciel",
                    "DSR concerné", "État", "Agent");
            queries.forEach(filter, row -> {
                try {
                    csv.printRecord(row.requestNumber(), DATE_TIME.format(row.submittedAt()), row.siret(),
                            row.denomination(), row.softwareName(), row.dsrLabel(), row.statusLabel(),
                            row.assignedAgent());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        audit.recordAlone(request.getUserPrincipal().getName(), "EXPORT_CSV", null, request.getQueryString());
    }

    static RequestFilter filterOf(HttpServletRequest request) {
        RequestFilter filter = new RequestFilter();
        String status = request.getParameter("statut");
        filter.setStatus(status == null || status.isBlank() ? null : RequestStatus.valueOf(status));
        filter.setCouloir(request.getParameter("couloir"));
        filter.setDsr(request.getParameter("dsr"));
        String from = request.getParameter("du");
        filter.setSubmittedFrom(from == null || from.isBlank() ? null : LocalDate.parse(from));
        String to = request.getParameter("au");
        filter.setSubmittedTo(to == null || to.isBlank() ? null : LocalDate.parse(to));
        filter.setSiret(request.getParameter("siret"));
        filter.setCompany(request.getParameter("societe"));
        filter.setRequestNumber(request.getParameter("numero"));
        filter.setAssignedAgent(request.getParameter("agent"));
        return filter;
    }
}
