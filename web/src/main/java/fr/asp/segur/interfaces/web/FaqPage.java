package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.faq.FaqEntry;
import fr.asp.segur.application.faq.FaqService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The public "Questions fréquentes" page: what is published, read once per request. */
@Named("faq")
@RequestScoped
public class FaqPage {

    @EJB
    private FaqService faq;

    private List<FaqEntry> rubriques;

    public List<FaqEntry> getRubriques() {
        if (rubriques == null) {
            rubriques = faq.published();
        }
        return rubriques;
    }
}
