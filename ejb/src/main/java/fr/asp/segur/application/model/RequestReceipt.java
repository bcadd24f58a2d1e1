package fr.asp.segur.application.model;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.PersonRole;
import fr.asp.segur.domain.enrolment.RequestPerson;
import fr.asp.segur.domain.enrolment.SiretVerification;
import fr.asp.segur.domain.referential.StreetTypes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "récapitulatif" of a submitted enrolment request as an A4 PDF, in French: its number and date, every
 * field of the four steps of the wizard (labelled as in its step 4) and the list of documents. The wording is
 * the Mustache template {@code recapitulatif.txt.mustache} next to this class, in the markup of
 * {@link TemplatePdfRenderer}; the values are filled in from the stored request, never from a page.
 *
 * <p>The PDF shows the IBAN: it is the filer's own receipt. Never log what this class produces.
 */
public class RequestReceipt {

    public static final String TITLE = "Récapitulatif de la demande d'enrôlement";
    static final String TEMPLATE = "recapitulatif.txt.mustache";
    static final String NOT_PROVIDED = "non renseigné";
    private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    /** Values are text, not HTML: the template is never escaped. */
    private static final Mustache MUSTACHE = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }.compile(new java.io.StringReader(ModelDocuments.template(TEMPLATE)), TEMPLATE);

    /** The download's and attachment's file name. */
    public static String fileName(String requestNumber) {
        return "recapitulatif-" + requestNumber + ".pdf";
    }

    public byte[] pdf(EnrolmentRequest request) {
        return new TemplatePdfRenderer().render(TITLE + " " + request.getRequestNumber(),
                "Récapitulatif de demande – Portail SEGUR Numérique", text(request));
    }

    /** The template filled in: the PDF's text, markup included. */
    static String text(EnrolmentRequest request) {
        StringWriter out = new StringWriter();
        MUSTACHE.execute(out, model(request));
        return out.toString();
    }

    private static Map<String, Object> model(EnrolmentRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", r.getRequestNumber());
        m.put("submittedAt", FRENCH_DATE_TIME.format(r.getSubmittedAt()));
        EnrolmentRequest.Software s = r.software();
        m.put("referencingNumber", s.referencingNumber());
        m.put("softwareName", s.name());
        m.put("softwareVersion", s.version());
        m.put("dsr", s.dsrLabel());
        EnrolmentRequest.Company c = r.company();
        EnrolmentRequest.PostalAddress a = c.address();
        m.put("siret", c.siret());
        m.put("siretUnverified", r.getSiretVerification() == SiretVerification.NON_VERIFIE);
        m.put("denomination", c.denomination());
        m.put("commercialName", value(c.commercialName()));
        m.put("recipientIdentity", value(a.recipientIdentity()));
        m.put("entrance", value(a.entrance()));
        m.put("streetNumber", value(a.streetNumber()));
        m.put("streetExtension", value(a.streetExtension()));
        String streetType = a.streetType() == null ? null : StreetTypes.label(a.streetType());
        m.put("streetType", value(streetType == null ? a.streetType() : streetType));
        m.put("streetName", value(a.streetName()));
        m.put("addressComplement", value(a.complement()));
        m.put("postalCode", value(a.postalCode()));
        m.put("city", value(a.city()));
        m.put("distributor", c.distributor());
        m.put("editorName", value(c.editorName()));
        m.put("legalRepresentative", r.isFilerIsRepresentative() ? "Oui" : "Non");
        m.put("representative", r.person(PersonRole.REPRESENTANT).map(RequestReceipt::person).orElse(null));
        m.put("depositaire", r.person(PersonRole.DEPOSITAIRE).map(RequestReceipt::person).orElse(null));
        m.put("tiersQuality", r.getTiersQuality() == null ? null : r.getTiersQuality().label());
        EnrolmentRequest.BankAccount b = r.bankAccount();
        m.put("iban", b.iban());
        m.put("bic", b.bic());
        m.put("holder", b.holder());
        m.put("domiciliation", b.domiciliation());
        List<Map<String, String>> documents = new ArrayList<>();
        for (Document d : r.getDocuments()) {
            documents.add(Map.of("label", d.getKind().label(), "name", d.getFileName()));
        }
        m.put("documents", documents);
        m.put("noDocument", documents.isEmpty());
        return m;
    }

    private static Map<String, String> person(RequestPerson p) {
        return Map.of("lastName", p.getLastName(), "firstName", p.getFirstName(), "email", p.getEmail(),
                "phone", p.getPhone());
    }

    /** One line per value: whitespace (a line break typed in a field) is folded so the markup stays intact. */
    private static String value(String raw) {
        return raw == null || raw.isBlank() ? NOT_PROVIDED : raw.strip().replaceAll("\\s+", " ");
    }
}
