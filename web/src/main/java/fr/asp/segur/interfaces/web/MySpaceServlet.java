package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.domain.account.Role;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * "Se connecter": any role may enter; the server's FORM login comes first, then each person is sent
 * to their own space. A successful login clears the account's count of failures.
 */
@WebServlet("/mon-espace")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE,
        Role.ADMINISTRATEUR_ROLE, Role.FOURNISSEUR_ROLE}))
public class MySpaceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountService accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        accounts.recordSuccessfulLogin(request.getUserPrincipal().getName());
        String target = request.isUserInRole(Role.FOURNISSEUR_ROLE) ? "/espace/index.xhtml" : "/backoffice/index.xhtml";
        response.sendRedirect(request.getContextPath() + target);
    }
}
