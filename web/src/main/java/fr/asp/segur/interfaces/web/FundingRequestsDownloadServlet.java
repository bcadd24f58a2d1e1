package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.deposit.SupplierDeposits;
import fr.asp.segur.domain.account.Role;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The supplier's funding requests, downloaded from their space as JSON or CSV (?format=csv). */
@WebServlet("/espace/demandes-financement")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.FOURNISSEUR_ROLE))
public class FundingRequestsDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private SupplierDeposits deposits;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean csv = "csv".equalsIgnoreCase(request.getParameter("format"));
        byte[] body = deposits.myRequests(csv ? "csv" : "json");
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"demandes-financement." + (csv ? "csv" : "json") + "\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
