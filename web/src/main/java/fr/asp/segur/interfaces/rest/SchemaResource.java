package fr.asp.segur.interfaces.rest;

import fr.asp.segur.application.deposit.DepositFormat;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The deposit format's JSON Schema, public (no token): editors build their files against it. */
@Path("schema")
@Tag(name = "Format")
public class SchemaResource {

    @GET
    @Path("depot-financement.schema.json")
    @Produces("application/schema+json;charset=UTF-8")
    @SecurityRequirements
    @Operation(summary = "Le schéma JSON (draft 2020-12) d'un fichier de dépôt")
    public String depositSchema() {
        return DepositFormat.schemaText();
    }
}
