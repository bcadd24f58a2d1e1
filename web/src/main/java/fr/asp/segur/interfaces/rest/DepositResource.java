package fr.asp.segur.interfaces.rest;

import fr.asp.segur.application.deposit.DepositApi;
import fr.asp.segur.application.deposit.DepositOutcome;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** POST /depots/simulation and POST /depots: the deposit file as the body, the token in Authorization. */
@Path("depots")
@Tag(name = "Dépôts", description = "Dépôts en masse de demandes de financement")
public class DepositResource {

    @EJB
    private DepositApi api;

    @POST
    @Path("simulation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Simuler un dépôt",
            description = "Valide le fichier contre le schéma et toutes les règles de dépôt ; n'enregistre rien. "
                    + "Chaque erreur est donnée avec son chemin JSON, sa ligne et le message des règles.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "/segurnum/api/schema/depot-financement.schema.json")))
    @APIResponse(responseCode = "200", description = "Le rapport (accepte : true si le dépôt serait accepté tel quel)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiJson.Rapport.class)))
    @APIResponse(responseCode = "401", description = "Jeton absent, inconnu ou révoqué",
            content = @Content(schema = @Schema(implementation = ApiJson.Refus.class)))
    @APIResponse(responseCode = "403", description = "L'enrôlement nommé est celui d'une société hors du compte",
            content = @Content(schema = @Schema(implementation = ApiJson.Refus.class)))
    public Response simulate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return Response.ok(ApiJson.Rapport.of(api.simulate(Bearer.secret(authorization), body))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Déposer",
            description = "Tout ou rien : chaque ligne devient une demande de financement, ou aucune. Idempotent : "
                    + "le même fichier (même contenu canonique) déposé deux fois ne crée rien de nouveau et renvoie "
                    + "les numéros du premier dépôt (200).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "/segurnum/api/schema/depot-financement.schema.json")))
    @APIResponse(responseCode = "201", description = "Dépôt enregistré : les numéros des demandes créées",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiJson.Depot.class)))
    @APIResponse(responseCode = "200", description = "Ce fichier avait déjà été déposé : rien de nouveau",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiJson.Depot.class)))
    @APIResponse(responseCode = "400", description = "Fichier mal formé (JSON ou schéma) : les erreurs, comme la simulation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiJson.Rapport.class)))
    @APIResponse(responseCode = "422", description = "Règles de dépôt non respectées : les erreurs, comme la simulation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiJson.Rapport.class)))
    @APIResponse(responseCode = "401", description = "Jeton absent, inconnu ou révoqué",
            content = @Content(schema = @Schema(implementation = ApiJson.Refus.class)))
    @APIResponse(responseCode = "403", description = "L'enrôlement nommé est celui d'une société hors du compte",
            content = @Content(schema = @Schema(implementation = ApiJson.Refus.class)))
    public Response deposit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        DepositOutcome outcome = api.deposit(Bearer.secret(authorization), body);
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ApiJson.Depot.of(outcome)).build();
    }
}
