package fr.asp.segur.interfaces.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an ajax request that failed gets: Mojarra would answer a partial response naming the exception's class and
 * message; this handler logs the failure with an incident number and redirects the page instead, to
 * session-expiree.xhtml for an expired view and to the error page (ErrorPageServlet) for anything else. Full page requests are left to
 * the container, whose web.xml error pages say the same.
 */
public class SafeExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(SafeExceptionHandler.class.getName());

    public SafeExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && context.getPartialViewContext().isAjaxRequest()) {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            Throwable failure = null;
            while (events.hasNext()) {
                Throwable t = events.next().getContext().getException();
                failure = failure == null ? t : failure;
                events.remove();
            }
            if (failure != null) {
                redirect(context, failure);
                return;
            }
        }
        getWrapped().handle();
    }

    private static void redirect(FacesContext context, Throwable failure) {
        ExternalContext external = context.getExternalContext();
        boolean expired = causedBy(failure, ViewExpiredException.class);
        String page = expired ? "/session-expiree.xhtml" : "/erreur";
        if (!expired) {
            LOG.log(Level.SEVERE, "Ajax request failed, incident " + UUID.randomUUID(), failure);
        }
        try {
            if (!external.isResponseCommitted()) {
                external.responseReset();
                external.redirect(external.getRequestContextPath() + page);
            }
            context.responseComplete();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not redirect a failed ajax request", e);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new SafeExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
