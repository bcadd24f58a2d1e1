package fr.asp.segur.application.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two model documents offered for download to a tiers déclarant at step 5 of the
 * enrolment request, next to "Merci de préciser votre qualité en tant que tiers
 * déclarant":
 * <ul>
 *   <li>the "Modèle contrat de prestation", between the supplier (its legal
 *       representative) and the management centre or chartered accountant who files the
 *       enrolment and funding requests on its behalf;</li>
 *   <li>the "Modèle de mandat", by which the legal representative empowers an employee of
 *       the company to file them.</li>
 * </ul>
 *
 * <p>The wording lives in UTF-8 templates next to this class
 * ({@code contrat-prestation.txt}, {@code mandat.txt}) so that it can be proofread and
 * amended without touching code; the PDF is generated from them.
 *
 * <p>Plain Java and thread-safe. Each PDF is generated once per class loader and then
 * served from memory: the text only changes with a new release.
 */
public class ModelDocuments {

    /** File name to offer for download. */
    public static final String CONTRAT_DE_PRESTATION_FILE_NAME = "modele-contrat-de-prestation.pdf";
    /** File name to offer for download. */
    public static final String MANDAT_FILE_NAME = "modele-mandat.pdf";

    public static final String CONTRAT_DE_PRESTATION_TITLE = "Modèle de contrat de prestation – tiers déclarant";
    public static final String MANDAT_TITLE = "Modèle de mandat – tiers déclarant";

    static final String CONTRAT_DE_PRESTATION_TEMPLATE = "contrat-prestation.txt";
    static final String MANDAT_TEMPLATE = "mandat.txt";

    private static final Map<String, byte[]> GENERATED = new ConcurrentHashMap<>();

    /** The service contract model for a management centre or chartered accountant, as an A4 PDF. */
    public byte[] contratDePrestationPdf() {
        return pdf(CONTRAT_DE_PRESTATION_TEMPLATE, CONTRAT_DE_PRESTATION_TITLE);
    }

    /** The mandate model for an employee of the supplier, as an A4 PDF. */
    public byte[] mandatPdf() {
        return pdf(MANDAT_TEMPLATE, MANDAT_TITLE);
    }

    private static byte[] pdf(String template, String title) {
        byte[] generated = GENERATED.computeIfAbsent(template,
                name -> new TemplatePdfRenderer().render(title, template(name)));
        // A copy, so that no caller can alter what the next one downloads.
        return generated.clone();
    }

    static String template(String name) {
        try (InputStream in = ModelDocuments.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing model document template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
