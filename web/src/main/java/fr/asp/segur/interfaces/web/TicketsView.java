package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.support.SupportService;
import fr.asp.segur.application.support.TicketSummary;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The back office's list of support tickets (backoffice/assistance.xhtml), open ones first. */
@Named
@RequestScoped
public class TicketsView {

    @EJB
    private SupportService support;

    private List<TicketSummary> tickets;

    public List<TicketSummary> getTickets() {
        if (tickets == null) {
            tickets = support.tickets();
        }
        return tickets;
    }
}
