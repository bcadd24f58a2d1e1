package fr.asp.segur.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * Small SIRENE files in INSEE's format (StockEtablissement, 54 columns; StockUniteLegale, 35 columns),
 * zipped as data.gouv.fr publishes them, for the sirene-sync tests. Valid SIRENs and SIRETs are
 * computed from a prefix so that each test owns its companies.
 */
final class SireneFiles {

    static final String[] ESTABLISHMENT_HEADER = ("siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,"
            + "trancheEffectifsEtablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,"
            + "dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,"
            + "complementAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,"
            + "dernierNumeroVoieEtablissement,indiceRepetitionDernierNumeroVoieEtablissement,typeVoieEtablissement,"
            + "libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,"
            + "libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,"
            + "codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,"
            + "libellePaysEtrangerEtablissement,identifiantAdresseEtablissement,coordonneeLambertAbscisseEtablissement,"
            + "coordonneeLambertOrdonneeEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissement,"
            + "indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,codePostal2Etablissement,"
            + "libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,distributionSpeciale2Etablissement,"
            + "codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,"
            + "codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,"
            + "etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,"
            + "denominationUsuelleEtablissement,activitePrincipaleEtablissement,"
            + "nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement,"
            + "activitePrincipaleNAF25Etablissement").split(",");

    static final String[] LEGAL_UNIT_HEADER = ("siren,statutDiffusionUniteLegale,unitePurgeeUniteLegale,"
            + "dateCreationUniteLegale,sigleUniteLegale,sexeUniteLegale,prenom1UniteLegale,prenom2UniteLegale,"
            + "prenom3UniteLegale,prenom4UniteLegale,prenomUsuelUniteLegale,pseudonymeUniteLegale,"
            + "identifiantAssociationUniteLegale,trancheEffectifsUniteLegale,anneeEffectifsUniteLegale,"
            + "dateDernierTraitementUniteLegale,nombrePeriodesUniteLegale,categorieEntreprise,anneeCategorieEntreprise,"
            + "dateDebut,etatAdministratifUniteLegale,nomUniteLegale,nomUsageUniteLegale,denominationUniteLegale,"
            + "denominationUsuelle1UniteLegale,denominationUsuelle2UniteLegale,denominationUsuelle3UniteLegale,"
            + "categorieJuridiqueUniteLegale,activitePrincipaleUniteLegale,nomenclatureActivitePrincipaleUniteLegale,"
            + "nicSiegeUniteLegale,economieSocialeSolidaireUniteLegale,societeMissionUniteLegale,"
            + "caractereEmployeurUniteLegale,activitePrincipaleNAF25UniteLegale").split(",");

    private SireneFiles() {
    }

    /** A valid SIREN from 8 digits. */
    static String siren(String eightDigits) {
        return withLuhn(eightDigits);
    }

    /** A valid SIRET of the SIREN, from a 4-digit establishment number. */
    static String siret(String siren, String fourDigits) {
        return withLuhn(siren + fourDigits);
    }

    private static String withLuhn(String digits) {
        try {
            return digits + LuhnCheckDigit.LUHN_CHECK_DIGIT.calculate(digits);
        } catch (CheckDigitException e) {
            throw new IllegalArgumentException(digits, e);
        }
    }

    /** An establishment line: rue, postal code and city, state A or F, sign, dateDernierTraitement. */
    static String establishment(String siret, String street, String state, String sign, String processed) {
        String[] v = new String[ESTABLISHMENT_HEADER.length];
        Arrays.fill(v, "");
        set(v, "siren", siret.substring(0, 9));
        set(v, "nic", siret.substring(9));
        set(v, "siret", siret);
        set(v, "statutDiffusionEtablissement", "O");
        set(v, "dateCreationEtablissement", "2019-01-15");
        set(v, "dateDernierTraitementEtablissement", processed);
        set(v, "etablissementSiege", siret.endsWith("0001" + siret.charAt(13)) ? "true" : "false");
        set(v, "numeroVoieEtablissement", "12");
        set(v, "typeVoieEtablissement", "RUE");
        set(v, "libelleVoieEtablissement", street);
        set(v, "codePostalEtablissement", "13001");
        set(v, "libelleCommuneEtablissement", "MARSEILLE 01");
        set(v, "codeCommuneEtablissement", "13201");
        set(v, "dateDebut", "2019-01-15");
        set(v, "etatAdministratifEtablissement", state);
        set(v, "enseigne1Etablissement", sign);
        set(v, "activitePrincipaleEtablissement", "62.01Z");
        set(v, "nomenclatureActivitePrincipaleEtablissement", "NAFRev2");
        return csv(v);
    }

    static String legalUnit(String siren, String denomination, String state, String processed) {
        String[] v = new String[LEGAL_UNIT_HEADER.length];
        Arrays.fill(v, "");
        v[index(LEGAL_UNIT_HEADER, "siren")] = siren;
        v[index(LEGAL_UNIT_HEADER, "statutDiffusionUniteLegale")] = "O";
        v[index(LEGAL_UNIT_HEADER, "dateDernierTraitementUniteLegale")] = processed;
        v[index(LEGAL_UNIT_HEADER, "etatAdministratifUniteLegale")] = state;
        v[index(LEGAL_UNIT_HEADER, "denominationUniteLegale")] = denomination;
        v[index(LEGAL_UNIT_HEADER, "categorieJuridiqueUniteLegale")] = "5710";
        return csv(v);
    }

    static Path establishments(Path dir, String name, List<String> lines) throws IOException {
        return zip(dir.resolve(name + ".zip"), "StockEtablissement_utf8.csv", ESTABLISHMENT_HEADER, lines);
    }

    static Path legalUnits(Path dir, String name, List<String> lines) throws IOException {
        return zip(dir.resolve(name + ".zip"), "StockUniteLegale_utf8.csv", LEGAL_UNIT_HEADER, lines);
    }

    private static Path zip(Path file, String entry, String[] header, List<String> lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(String.join(",", header));
        all.addAll(lines);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write((String.join("\n", all) + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static void set(String[] values, String column, String value) {
        values[index(ESTABLISHMENT_HEADER, column)] = value;
    }

    private static int index(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(column);
    }

    private static String csv(String[] values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String v = values[i];
            line.append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return line.toString();
    }
}
