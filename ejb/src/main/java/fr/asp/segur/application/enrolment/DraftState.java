package fr.asp.segur.application.enrolment;

import java.io.Serializable;

/**
 * What an enrolment wizard needs to carry on where the supplier left it: the step shown, the form as
 * typed, and the software and company its searches found (found once, with the captcha, so never looked
 * up again). Stored as JSON in the draft's row (JSON-B: public no-arg constructor and properties).
 */
public class DraftState implements Serializable {

    private static final long serialVersionUID = 1L;

    private String step = "logiciel";
    private EnrolmentForm form = new EnrolmentForm();
    private SoftwareSummary software;
    private ApplicantCompany company;

    public DraftState() {
    }

    public DraftState(String step, EnrolmentForm form, SoftwareSummary software, ApplicantCompany company) {
        this.step = step;
        this.form = form;
        this.software = software;
        this.company = company;
    }

    public String getStep() { return step; }
    public void setStep(String step) { this.step = step; }
    public EnrolmentForm getForm() { return form; }
    public void setForm(EnrolmentForm form) { this.form = form; }
    public SoftwareSummary getSoftware() { return software; }
    public void setSoftware(SoftwareSummary software) { this.software = software; }
    public ApplicantCompany getCompany() { return company; }
    public void setCompany(ApplicantCompany company) { this.company = company; }
}
