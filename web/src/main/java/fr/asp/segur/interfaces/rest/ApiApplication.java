package fr.asp.segur.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The portal's REST API, under /segurnum/api/: bulk funding deposits for suppliers' software. Thin
 * resources: authentication, rules and audit are the EJBs' ({@code application.deposit.DepositApi}).
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Portail SEGUR Numérique - API de dépôt des demandes de financement", version = "1",
                description = "Dépôts en masse de demandes de financement (avances) au format JSON décrit par "
                        + "/segurnum/api/schema/depot-financement.schema.json : simulation (rien n'est enregistré), "
                        + "dépôt (tout ou rien, idempotent), liste des demandes du compte. Authentification par jeton "
                        + "d'API (en-tête Authorization: Bearer sgr_…), créé dans l'espace fournisseur."),
        servers = @Server(url = "/segurnum/api"),
        security = @SecurityRequirement(name = "jeton"))
@SecurityScheme(securitySchemeName = "jeton", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Jeton d'API créé dans l'espace fournisseur (Mes jetons d'API), affiché une seule fois.")
public class ApiApplication extends Application {
}
