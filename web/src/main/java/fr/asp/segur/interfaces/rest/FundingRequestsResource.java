package fr.asp.segur.interfaces.rest;

import fr.asp.segur.application.deposit.DepositApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /demandes: the account's funding requests, JSON or CSV. */
@Path("demandes")
@Tag(name = "Demandes", description = "Les demandes de financement du compte")
public class FundingRequestsResource {

    static final String CSV = "text/csv;charset=UTF-8";

    @EJB
    private DepositApi api;

    @GET
    @Produces({"application/json", CSV})
    @Operation(summary = "Lister les demandes du compte",
            description = "Chaque demande reprend les noms du format de dépôt (appel, enrolement, identifiant, nom, "
                    + "tranche, dateSignatureBonDeCommande, montantHt), plus numero, etat, montants et depot.")
    @APIResponse(responseCode = "200", description = "Les demandes", content = {
            @Content(mediaType = "application/json"), @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "401", description = "Jeton absent, inconnu ou révoqué")
    @APIResponse(responseCode = "403", description = "SIRET d'une société hors du compte")
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @Parameter(description = "json (par défaut) ou csv",
                                 schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"}))
                         @QueryParam("format") String format,
                         @Parameter(description = "Une seule des sociétés du compte") @QueryParam("siret") String siret) {
        boolean csv = "csv".equalsIgnoreCase(format);
        byte[] body = api.requests(Bearer.secret(authorization), siret, csv ? "csv" : "json");
        return Response.ok(body, csv ? CSV : "application/json")
                .header("Content-Disposition", "attachment; filename=\"demandes-financement." + (csv ? "csv" : "json") + "\"")
                .build();
    }
}
