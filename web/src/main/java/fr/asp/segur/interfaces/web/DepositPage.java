package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.deposit.ApiAccessException;
import fr.asp.segur.application.deposit.DepositError;
import fr.asp.segur.application.deposit.DepositOutcome;
import fr.asp.segur.application.deposit.DepositRefusedException;
import fr.asp.segur.application.deposit.DepositReport;
import fr.asp.segur.application.deposit.SupplierDeposits;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * "Dépôt en masse" in the supplier's space: upload a deposit file, simulate it (every error with its
 * JSON path and line), then deposit it. The file's bytes are kept for the view, so that "Déposer"
 * after "Simuler" sends exactly the file that was simulated; the EJBs decide everything.
 */
@Named
@ViewScoped
public class DepositPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The Faces servlet's multipart limit (web.xml): larger deposits go through the API. */
    static final long MAX_UPLOAD = 10L * 1024 * 1024;

    @EJB
    private SupplierDeposits deposits;

    private transient Part file;
    private byte[] content;
    private String fileName;
    private DepositReport report;
    private DepositOutcome outcome;
    private String refusal;

    public void simulate() {
        if (!readUpload()) {
            return;
        }
        outcome = null;
        try {
            report = deposits.simulate(content);
        } catch (ApiAccessException e) {
            refusal = e.getMessage();
        }
    }

    public void deposit() {
        if (!readUpload()) {
            return;
        }
        report = null;
        outcome = null;
        try {
            outcome = deposits.deposit(content);
        } catch (DepositRefusedException e) {
            report = e.report();
        } catch (ApiAccessException e) {
            refusal = e.getMessage();
        }
    }

    private boolean readUpload() {
        refusal = null;
        if (file != null && file.getSize() > 0) {
            if (file.getSize() > MAX_UPLOAD) {
                refusal = "Le fichier dépasse 10 Mo : déposez-le par l'API, ou en plusieurs fichiers.";
                return false;
            }
            try (InputStream in = file.getInputStream()) {
                content = in.readAllBytes();
                fileName = file.getSubmittedFileName();
            } catch (IOException e) {
                refusal = "Le fichier n'a pas pu être lu : déposez-le à nouveau.";
                return false;
            }
        }
        if (content == null) {
            refusal = "Choisissez le fichier de dépôt (JSON).";
            return false;
        }
        return true;
    }

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public String getFileName() { return fileName; }
    public DepositReport getReport() { return report; }
    public List<DepositError> getErrors() { return report == null ? List.of() : report.errors(); }
    public DepositOutcome getOutcome() { return outcome; }
    public String getRefusal() { return refusal; }
}
