package fr.asp.segur.interfaces.rest;

import fr.asp.segur.application.deposit.ApiAccessException;
import fr.asp.segur.application.deposit.DepositRefusedException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** How the API answers a refusal: always a JSON body, in French; a malformed body is a 400, never a 500. */
final class ApiExceptionMappers {

    private ApiExceptionMappers() {
    }

    @Provider
    public static class Refused implements ExceptionMapper<DepositRefusedException> {
        @Override
        public Response toResponse(DepositRefusedException e) {
            return Response.status(e.malformed() ? 400 : 422).type(MediaType.APPLICATION_JSON)
                    .entity(ApiJson.Rapport.of(e.report())).build();
        }
    }

    @Provider
    public static class Access implements ExceptionMapper<ApiAccessException> {
        @Override
        public Response toResponse(ApiAccessException e) {
            if (e.reason() == ApiAccessException.Reason.UNAUTHENTICATED) {
                return Response.status(401).header("WWW-Authenticate", "Bearer realm=\"segur\"")
                        .type(MediaType.APPLICATION_JSON).entity(new ApiJson.Refus(401, e.getMessage())).build();
            }
            return Response.status(403).type(MediaType.APPLICATION_JSON).entity(new ApiJson.Refus(403, e.getMessage()))
                    .build();
        }
    }

    /** JAX-RS's own refusals (404, 405, 415…) keep their status, with a JSON body. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiJson.Refus(status, status == 413 ? "Le fichier est trop volumineux."
                            : "Requête refusée (" + status + ").")).build();
        }
    }

    /** Anything else is the portal's fault: logged (without the body, which carries personal data), 500. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof DepositRefusedException refused) {
                return new Refused().toResponse(refused);
            }
            if (cause instanceof ApiAccessException access) {
                return new Access().toResponse(access);
            }
            if (cause instanceof EJBAccessException) {
                return new Access().toResponse(new ApiAccessException(ApiAccessException.Reason.UNAUTHENTICATED,
                        "Jeton d'accès absent, inconnu ou révoqué."));
            }
            LOG.log(Level.SEVERE, "API call failed: " + cause.getClass().getName());
            return Response.status(500).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiJson.Refus(500, "Erreur interne du portail : réessayez plus tard.")).build();
        }
    }
}
