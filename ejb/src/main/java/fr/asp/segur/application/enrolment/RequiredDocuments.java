package fr.asp.segur.application.enrolment;

import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.TiersQuality;
import java.util.EnumSet;
import java.util.Set;

/** Which supporting documents a request needs, from the situation the supplier describes (guide steps 2 to 6). */
public final class RequiredDocuments {

    private RequiredDocuments() {
    }

    public static Set<DocumentKind> of(boolean denominationChanged, boolean distributor, Boolean legalRepresentative,
                                       TiersQuality tiersQuality) {
        Set<DocumentKind> required = EnumSet.of(DocumentKind.CERTIFICAT_REFERENCEMENT,
                DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB);
        if (denominationChanged) {
            required.add(DocumentKind.KBIS);
        }
        if (distributor) {
            required.add(DocumentKind.MANDAT_EDITEUR);
        }
        if (Boolean.FALSE.equals(legalRepresentative)) {
            required.add(DocumentKind.PIECE_IDENTITE_DEPOSITAIRE);
            if (tiersQuality != null) {
                required.add(tiersQuality.requiredDocument());
            }
        }
        return required;
    }
}
