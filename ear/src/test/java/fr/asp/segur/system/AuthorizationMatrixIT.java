package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every role, anonymous included, against every protected page and download: the server lets in
 * exactly who the matrix says, asks anonymous visitors to log in, and refuses everyone else (403).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    /** What a role gets on a page. */
    enum Access { OPEN, LOGIN, FORBIDDEN, MISSING }

    private static final String ANONYMOUS = "anonyme";
    private static final String AGENT = "agent@asp-public.fr";
    private static final String SUPERVISEUR = "superviseur@asp-public.fr";
    private static final String ADMIN = "admin@asp-public.fr";
    private static final String FOURNISSEUR = "fournisseur-matrice@kalinka.fr";
    private static final List<String> ROLES = List.of(ANONYMOUS, AGENT, SUPERVISEUR, ADMIN, FOURNISSEUR);

    /** Page → access for, in order: anonymous, agent, superviseur, administrateur, fournisseur. */
    private static final Map<String, List<Access>> MATRIX = new LinkedHashMap<>();

    static {
        Access o = Access.OPEN;
        Access l = Access.LOGIN;
        Access f = Access.FORBIDDEN;
        Access m = Access.MISSING;
        MATRIX.put("index.xhtml", List.of(o, o, o, o, o));
        MATRIX.put("enrolement.xhtml", List.of(o, o, o, o, o));
        MATRIX.put("backoffice/index.xhtml", List.of(l, o, o, o, f));
        MATRIX.put("backoffice/export.csv", List.of(l, o, o, o, f));
        MATRIX.put("backoffice/demande.xhtml?numero=ENR00001X", List.of(l, o, o, o, f));
        MATRIX.put("backoffice/document?id=0", List.of(l, m, m, m, f));
        MATRIX.put("backoffice/tableau-de-bord.xhtml", List.of(l, f, o, f, f));
        MATRIX.put("backoffice/paiements.xhtml", List.of(l, f, o, f, f));
        MATRIX.put("backoffice/paiements/fichier?lot=0", List.of(l, f, m, f, f));
        MATRIX.put("admin/audit.xhtml", List.of(l, f, f, o, f));
        MATRIX.put("admin/traitements.xhtml", List.of(l, f, f, o, f));
        MATRIX.put("espace/index.xhtml", List.of(l, f, f, f, o));
        MATRIX.put("espace/document?id=0", List.of(l, f, f, f, m));
        MATRIX.put("espace/complements.xhtml?numero=ENR00001X", List.of(l, f, f, f, o));
        MATRIX.put("espace/financement.xhtml", List.of(l, f, f, f, o));
        MATRIX.put("espace/financements.xhtml", List.of(l, f, f, f, o));
        MATRIX.put("espace/demande-financement.xhtml?numero=DF00010Z", List.of(l, f, f, f, o));
        MATRIX.put("espace/financement/document?id=0", List.of(l, f, f, f, m));
        MATRIX.put("espace/depot.xhtml", List.of(l, f, f, f, o));
        MATRIX.put("espace/jetons.xhtml", List.of(l, f, f, f, o));
        MATRIX.put("espace/demandes-financement?format=csv", List.of(l, f, f, f, o));
        MATRIX.put("compte/mot-de-passe.xhtml", List.of(l, o, o, o, o));
        MATRIX.put("faq.xhtml", List.of(o, o, o, o, o));
        MATRIX.put("contact.xhtml", List.of(o, o, o, o, o));
        MATRIX.put("admin/faq.xhtml", List.of(l, f, f, o, f));
        MATRIX.put("backoffice/assistance.xhtml", List.of(l, o, o, o, f));
        MATRIX.put("backoffice/assistance-ticket.xhtml?numero=AST-2026-000000", List.of(l, o, o, o, f));
        MATRIX.put("backoffice/financements.xhtml", List.of(l, o, o, o, f));
        MATRIX.put("backoffice/financement.xhtml?numero=DF00001X", List.of(l, o, o, o, f));
        MATRIX.put("admin/appels.xhtml", List.of(l, f, f, o, f));
        MATRIX.put("espace/financement-complements.xhtml?numero=DF00001X", List.of(l, f, f, f, o));
        // The récapitulatif of a request the caller may not read, or that does not exist: the same 404.
        MATRIX.put("recapitulatif?numero=ENR00001X", List.of(m, m, m, m, m));
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    /** A supplier account without companies, with the demo password (hash copied from the demo agent). */
    private static void supplierAccount() throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("test.db.url"),
                System.getProperty("test.db.user"), System.getProperty("test.db.password"))) {
            try (PreparedStatement ps = c.prepareStatement("insert into app_account (login, email, display_name, "
                    + "password_hash, enabled, failed_logins, created_at, version) select ?, ?, 'Fournisseur', "
                    + "password_hash, true, 0, current_timestamp, 0 from app_account where login = ? "
                    + "and not exists (select 1 from app_account where login = ?)")) {
                ps.setString(1, FOURNISSEUR);
                ps.setString(2, FOURNISSEUR);
                ps.setString(3, AGENT);
                ps.setString(4, FOURNISSEUR);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into account_role (account_id, role) select id, "
                    + "'fournisseur' from app_account a where login = ? and not exists (select 1 from account_role r "
                    + "where r.account_id = a.id)")) {
                ps.setString(1, FOURNISSEUR);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void eachRoleReachesExactlyWhatTheMatrixSays() throws Exception {
        supplierAccount();
        List<String> mismatches = new ArrayList<>();
        for (int r = 0; r < ROLES.size(); r++) {
            String role = ROLES.get(r);
            WebClient client = new WebClient(base.toString());
            if (!role.equals(ANONYMOUS)) {
                HttpResponse<String> landing = client.loginThrough("mon-espace", role);
                assertEquals(200, landing.statusCode(), role + " logs in");
            }
            for (Map.Entry<String, List<Access>> page : MATRIX.entrySet()) {
                Access expected = page.getValue().get(r);
                Access actual = access(client.get(page.getKey()));
                if (actual != expected) {
                    mismatches.add(role + " on " + page.getKey() + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static Access access(HttpResponse<String> response) {
        if (response.statusCode() == 403) {
            return Access.FORBIDDEN;
        }
        if (response.statusCode() == 404) {
            return Access.MISSING;
        }
        if (response.statusCode() == 200 && response.body().contains("j_security_check")
                && response.body().contains("id=\"login\"")) {
            return Access.LOGIN;
        }
        return response.statusCode() == 200 ? Access.OPEN : Access.FORBIDDEN;
    }
}
