package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.funding.FundingCallForm;
import fr.asp.segur.application.funding.FundingCallFormat;
import fr.asp.segur.application.funding.FundingCallView;
import fr.asp.segur.application.funding.FundingCalls;
import fr.asp.segur.domain.funding.ClientKind;
import fr.asp.segur.domain.funding.SoldeDocument;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.support.Couloir;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The administrators' funding calls (admin/appels.xhtml): the list, a form to create or redefine a call
 * (every field of {@link fr.asp.segur.domain.funding.FundingCallDefinition}, the ceiling table editable), and
 * the import of a call file whose refused lines are listed by number.
 */
@Named
@ViewScoped
public class FundingCallsAdmin implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FundingCalls calls;

    private FundingCallForm form;
    private boolean editing;
    private transient Part file;
    private List<FundingCallFormat.LineError> importErrors = List.of();

    public List<FundingCallView> getCalls() { return calls.all(); }

    public void create() {
        form = new FundingCallForm();
        editing = false;
    }

    public void edit(String code) {
        form = calls.byCode(code).map(FundingCallForm::of).orElse(null);
        editing = form != null;
    }

    public void cancel() {
        form = null;
    }

    public void addTranche() {
        form.addTranche();
    }

    public void removeTranche(int index) {
        form.removeTranche(index);
    }

    public void save() {
        try {
            FundingCallView saved = calls.save(form.definition());
            info("L'appel à financement " + saved.code() + " est enregistré.");
            form = null;
        } catch (InvalidValueException e) {
            error(e.getMessage());
        } catch (BusinessRuleException e) {
            e.errors().stream().map(FieldError::message).forEach(FundingCallsAdmin::error);
        } catch (EJBAccessException e) {
            error(RequestDetailView.FORBIDDEN);
        }
    }

    /** "Importer": all or nothing; each refused line is listed with its number. */
    public void importFile() {
        importErrors = List.of();
        if (file == null || file.getSize() == 0) {
            error("Choisissez le fichier des appels à financement à importer.");
            return;
        }
        try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            FundingCalls.ImportReport report = calls.importFile(in);
            if (!report.errors().isEmpty()) {
                importErrors = report.errors();
                error("Le fichier n'a pas été importé : " + report.errors().size()
                        + " ligne(s) refusée(s). Aucun appel n'a été modifié.");
            } else {
                info("Import terminé : " + report.created() + " appel(s) créé(s), " + report.updated()
                        + " mis à jour.");
            }
        } catch (BusinessRuleException e) {
            e.errors().stream().map(FieldError::message).forEach(FundingCallsAdmin::error);
        } catch (EJBAccessException e) {
            error(RequestDetailView.FORBIDDEN);
        } catch (IOException e) {
            error("Le fichier des appels à financement est illisible.");
        }
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public FundingCallForm getForm() { return form; }
    public boolean isEditing() { return editing; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public List<FundingCallFormat.LineError> getImportErrors() { return importErrors; }
    public List<Couloir> getCouloirs() { return List.of(Couloir.values()); }
    public List<ClientKind> getClientKinds() { return List.of(ClientKind.values()); }
    public List<SoldeDocument> getSoldeDocuments() { return List.of(SoldeDocument.values()); }
}
