package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.instruction.RequestFilter;
import fr.asp.segur.application.instruction.RequestQueries;
import fr.asp.segur.application.instruction.RequestSummary;
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
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The filtered list of requests as CSV or XLSX, streamed as it is read (constant memory whatever the
 * number of rows). The CSV is semicolon-separated with a byte-order mark, as French spreadsheet
 * software expects; the XLSX is written row by row (fastexcel), never as a whole workbook.
 */
@WebServlet({"/backoffice/export.csv", "/backoffice/export.xlsx"})
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
        boolean xlsx = request.getServletPath().endsWith(".xlsx");
        response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"demandes-enrolement."
                + (xlsx ? "xlsx" : "csv") + "\"");
        response.setHeader("Cache-Control", "no-store");
        if (xlsx) {
            writeXlsx(filter, response);
        } else {
            writeCsv(filter, response);
        }
        audit.recordAlone(request.getUserPrincipal().getName(), xlsx ? "EXPORT_XLSX" : "EXPORT_CSV", null,
                request.getQueryString());
    }

    private void writeCsv(RequestFilter filter, HttpServletResponse response) throws IOException {
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            csv.printRecord((Object[]) HEADERS);
            queries.forEach(filter, row -> {
                try {
                    csv.printRecord((Object[]) cells(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void writeXlsx(RequestFilter filter, HttpServletResponse response) throws IOException {
        Workbook workbook = new Workbook(response.getOutputStream(), "Portail SEGUR Numerique", "1.0");
        Worksheet sheet = workbook.newWorksheet("Demandes");
        for (int c = 0; c < HEADERS.length; c++) {
            sheet.value(0, c, HEADERS[c]);
        }
        sheet.style(0, 0).bold().set();
        int[] next = {1};
        queries.forEach(filter, row -> {
            String[] cells = cells(row);
            // Inline strings: sheet.value() would put every distinct string (request numbers, dates) in the
            // workbook's shared-strings table, held in memory until finish(): the heap grew with the rows.
            for (int c = 0; c < cells.length; c++) {
                sheet.inlineString(next[0], c, cells[c]);
            }
            if (next[0] % 1000 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            next[0]++;
        });
        workbook.finish();
    }

    private static final String[] HEADERS = {"N° de demande", "Déposée le", "SIRET", "Dénomination sociale",
            "Logiciel", "DSR concerné", "État", "Agent"};

    /** One row of the export; every cell neutralised against formula injection (see {@link SpreadsheetCells}). */
    private static String[] cells(RequestSummary row) {
        String[] cells = {row.requestNumber(), DATE_TIME.format(row.submittedAt()), row.siret(), row.denomination(),
                row.softwareName(), row.dsrLabel(), row.statusLabel(), row.assignedAgent()};
        for (int i = 0; i < cells.length; i++) {
            cells[i] = SpreadsheetCells.neutralise(cells[i]);
        }
        return cells;
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
