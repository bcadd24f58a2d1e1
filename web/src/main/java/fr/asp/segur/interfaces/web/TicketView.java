package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.support.SupportService;
import fr.asp.segur.application.support.TicketDetail;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;

/** One support ticket (backoffice/assistance-ticket.xhtml?numero=AST-…): read, answer by email, close. */
@Named
@ViewScoped
public class TicketView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "ticket";

    @EJB
    private SupportService support;

    private String number;
    private TicketDetail detail;
    private String answer;

    public void load() {
        try {
            detail = support.ticket(number);
        } catch (BusinessRuleException e) {
            detail = null;
            FormMessages.show(FORM, e, Map.of());
        }
    }

    public void sendAnswer() {
        try {
            support.answer(detail.getNumber(), detail.getVersion(), answer);
            answer = null;
            FormMessages.info("Votre réponse a été envoyée par courriel à " + detail.getEmail() + ".");
        } catch (BusinessRuleException e) {
            FormMessages.show(FORM, e, Map.of());
        }
        load();
    }

    public void close() {
        try {
            support.close(detail.getNumber(), detail.getVersion());
            FormMessages.info("Le ticket " + detail.getNumber() + " est clos.");
        } catch (BusinessRuleException e) {
            FormMessages.show(FORM, e, Map.of());
        }
        load();
    }

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public TicketDetail getDetail() { return detail; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
}
