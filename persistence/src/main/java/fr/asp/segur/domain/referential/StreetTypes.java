package fr.asp.segur.domain.referential;

import java.util.Locale;
import java.util.Map;

/** SIRENE's street type codes (typeVoieEtablissement) and the words a French address spells out. */
public final class StreetTypes {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("ALL", "allée"), Map.entry("AV", "avenue"), Map.entry("BD", "boulevard"),
            Map.entry("CAR", "carrefour"), Map.entry("CHE", "chemin"), Map.entry("CHS", "chaussée"),
            Map.entry("CITE", "cité"), Map.entry("COR", "corniche"), Map.entry("CRS", "cours"),
            Map.entry("DOM", "domaine"), Map.entry("DSC", "descente"), Map.entry("ECA", "écart"),
            Map.entry("ESP", "esplanade"), Map.entry("FG", "faubourg"), Map.entry("GR", "grande rue"),
            Map.entry("HAM", "hameau"), Map.entry("HLE", "halle"), Map.entry("IMP", "impasse"),
            Map.entry("LD", "lieu-dit"), Map.entry("LOT", "lotissement"), Map.entry("MAR", "marché"),
            Map.entry("MTE", "montée"), Map.entry("PAS", "passage"), Map.entry("PL", "place"),
            Map.entry("PLN", "plaine"), Map.entry("PLT", "plateau"), Map.entry("PRO", "promenade"),
            Map.entry("PRV", "parvis"), Map.entry("QUA", "quartier"), Map.entry("QUAI", "quai"),
            Map.entry("RES", "résidence"), Map.entry("RLE", "ruelle"), Map.entry("ROC", "rocade"),
            Map.entry("RPT", "rond-point"), Map.entry("RTE", "route"), Map.entry("RUE", "rue"),
            Map.entry("SEN", "sentier"), Map.entry("SQ", "square"), Map.entry("TPL", "terre-plein"),
            Map.entry("TRA", "traverse"), Map.entry("VLA", "villa"), Map.entry("VLGE", "village"));

    private StreetTypes() {
    }

    /** Every known code, sorted by its label: the choices offered when the supplier types an address. */
    public static java.util.List<String> codes() {
        return LABELS.keySet().stream().sorted(java.util.Comparator.comparing(LABELS::get)).toList();
    }

    /** Whether SIRENE knows this street type code. */
    public static boolean isKnown(String code) {
        return code != null && LABELS.containsKey(code.trim().toUpperCase(Locale.ROOT));
    }

    /** "PL" gives "PLACE", as the guide's screens show it; an unknown code is shown as it is. */
    public static String label(String code) {
        if (code == null) {
            return null;
        }
        String label = LABELS.get(code.trim().toUpperCase(Locale.ROOT));
        return label == null ? code : label.toUpperCase(Locale.FRENCH);
    }
}
