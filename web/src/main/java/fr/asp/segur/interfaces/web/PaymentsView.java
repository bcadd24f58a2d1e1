package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.payment.BatchView;
import fr.asp.segur.application.payment.PaymentBatches;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * "Paiements" (superviseur): the day's batch is prepared, its count and total shown, then exported
 * once the supervisor confirms what they saw; exported batches' files can be downloaded again.
 */
@Named
@ViewScoped
public class PaymentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient PaymentBatches batches;

    private List<BatchView> list;
    /** The batch shown for confirmation, with the count and total the supervisor confirms. */
    private BatchView shown;

    @PostConstruct
    void load() {
        list = batches.list();
    }

    public void prepare() {
        try {
            shown = batches.prepareToday();
            list = batches.list();
            if (shown.count() == 0) {
                FormMessages.info("Aucune avance ni aucun solde validé n'attend de paiement.");
            }
        } catch (BusinessRuleException e) {
            FormMessages.show("paiements", e, java.util.Map.of());
        }
    }

    public void export() {
        if (shown == null) {
            return;
        }
        try {
            BatchView exported = batches.export(shown.id(), shown.count(), shown.total());
            FormMessages.info("Lot " + exported.messageId() + " exporté : " + exported.count()
                    + " virement(s). Téléchargez son fichier de virement ci-dessous.");
            shown = null;
        } catch (BusinessRuleException e) {
            FormMessages.show("paiements", e, java.util.Map.of());
            shown = batches.find(shown.id());
        }
        list = batches.list();
    }

    public void cancel() {
        shown = null;
    }

    public List<BatchView> getList() { return list; }
    public BatchView getShown() { return shown; }
}
