/*
 * Portail SEGUR Numérique - deterministic generator of the sample referential data.
 *
 * Single-file Java 17 program, no dependencies. Run from the repository root:
 *
 *   java bench/generator/ReferentialGenerator.java --seed 42 --establishments 400 \
 *        --out persistence/src/main/resources/sample
 *
 * Options:
 *   --seed N              random seed (default 42); same seed + same options = byte-identical files
 *   --establishments N    number of RANDOM establishments (the fixed test rows are added on top), default 400
 *   --out DIR             output directory (created if missing)
 *   --only sirene|ans|banks   write only one family of files (sirene = both INSEE stock files)
 *   --zip                 write the INSEE files as ZIPs holding the CSV (StockEtablissement_utf8.zip
 *                         containing StockEtablissement_utf8.csv, same for StockUniteLegale), like data.gouv.fr
 *   --zip-level 0-9       deflate level of --zip (default 6; 1 is about 3 times faster for big benchmarks)
 *   --solutions N         number of ANS solutions (default 170, fixed rows included)
 *   --editors N           number of distinct ANS editors (default 100, fixed editors included)
 *   --banks-utf16         write banks.tsv in UTF-16 with a BOM, the encoding of the real ECB download
 *   --check               after writing (or alone, with --only none), re-read the files in --out and validate them
 *
 * Everything streams (one row in memory at a time): 10M+ establishments are fine. Company i is a pure
 * function of (seed, i), so the ANS editors can be recomputed without re-reading the SIRENE files.
 */

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

public class ReferentialGenerator {

    // ------------------------------------------------------------------------------------------------
    // File formats
    // ------------------------------------------------------------------------------------------------

    /** INSEE StockEtablissement, format 3.11: 54 columns, in this order. */
    static final String[] ETAB_HEADER = {
        "siren", "nic", "siret", "statutDiffusionEtablissement", "dateCreationEtablissement",
        "trancheEffectifsEtablissement", "anneeEffectifsEtablissement",
        "activitePrincipaleRegistreMetiersEtablissement", "dateDernierTraitementEtablissement",
        "etablissementSiege", "nombrePeriodesEtablissement", "complementAdresseEtablissement",
        "numeroVoieEtablissement", "indiceRepetitionEtablissement", "dernierNumeroVoieEtablissement",
        "indiceRepetitionDernierNumeroVoieEtablissement", "typeVoieEtablissement", "libelleVoieEtablissement",
        "codePostalEtablissement", "libelleCommuneEtablissement", "libelleCommuneEtrangerEtablissement",
        "distributionSpecialeEtablissement", "codeCommuneEtablissement", "codeCedexEtablissement",
        "libelleCedexEtablissement", "codePaysEtrangerEtablissement", "libellePaysEtrangerEtablissement",
        "identifiantAdresseEtablissement", "coordonneeLambertAbscisseEtablissement",
        "coordonneeLambertOrdonneeEtablissement",
        "complementAdresse2Etablissement", "numeroVoie2Etablissement", "indiceRepetition2Etablissement",
        "typeVoie2Etablissement", "libelleVoie2Etablissement", "codePostal2Etablissement",
        "libelleCommune2Etablissement", "libelleCommuneEtranger2Etablissement",
        "distributionSpeciale2Etablissement", "codeCommune2Etablissement", "codeCedex2Etablissement",
        "libelleCedex2Etablissement", "codePaysEtranger2Etablissement", "libellePaysEtranger2Etablissement",
        "dateDebut", "etatAdministratifEtablissement", "enseigne1Etablissement", "enseigne2Etablissement",
        "enseigne3Etablissement", "denominationUsuelleEtablissement", "activitePrincipaleEtablissement",
        "nomenclatureActivitePrincipaleEtablissement", "caractereEmployeurEtablissement",
        "activitePrincipaleNAF25Etablissement"
    };

    /** INSEE StockUniteLegale, 2025 layout of format 3.11: 35 columns, in this order. */
    static final String[] UL_HEADER = {
        "siren", "statutDiffusionUniteLegale", "unitePurgeeUniteLegale", "dateCreationUniteLegale",
        "sigleUniteLegale", "sexeUniteLegale", "prenom1UniteLegale", "prenom2UniteLegale", "prenom3UniteLegale",
        "prenom4UniteLegale", "prenomUsuelUniteLegale", "pseudonymeUniteLegale",
        "identifiantAssociationUniteLegale", "trancheEffectifsUniteLegale", "anneeEffectifsUniteLegale",
        "dateDernierTraitementUniteLegale", "nombrePeriodesUniteLegale", "categorieEntreprise",
        "anneeCategorieEntreprise", "dateDebut", "etatAdministratifUniteLegale", "nomUniteLegale",
        "nomUsageUniteLegale", "denominationUniteLegale", "denominationUsuelle1UniteLegale",
        "denominationUsuelle2UniteLegale", "denominationUsuelle3UniteLegale", "categorieJuridiqueUniteLegale",
        "activitePrincipaleUniteLegale", "nomenclatureActivitePrincipaleUniteLegale", "nicSiegeUniteLegale",
        "economieSocialeSolidaireUniteLegale", "societeMissionUniteLegale", "caractereEmployeurUniteLegale",
        "activitePrincipaleNAF25UniteLegale"
    };

    /** Our own ANS import format (no public machine-readable format exists). */
    static final String[] ANS_HEADER = {
        "numero_referencement", "nom_logiciel", "version", "siren_editeur", "nom_editeur", "couloir",
        "type_logiciel", "dsr", "vague", "date_referencement", "statut"
    };

    /** ECB "list of financial institutions" (fi_mrr_csv_YYMMDD.csv): tab separated, 14 columns. */
    static final String[] BANK_HEADER = {
        "RIAD_CODE", "BIC", "COUNTRY_OF_REGISTRATION", "NAME", "BOX", "ADDRESS", "POSTAL", "CITY", "CATEGORY",
        "HEAD_COUNTRY_OF_REGISTRATION", "HEAD_NAME", "HEAD_RIAD_CODE", "RESERVE", "EXEMPT"
    };

    static final String ETAB_FILE = "StockEtablissement_utf8";
    static final String UL_FILE = "StockUniteLegale_utf8";
    static final String ANS_FILE = "ans_solutions.csv";
    static final String BANK_FILE = "banks.tsv";

    // column indexes (StockEtablissement)
    static final int E_SIREN = ei("siren"), E_NIC = ei("nic"), E_SIRET = ei("siret"),
        E_STATUT = ei("statutDiffusionEtablissement"), E_DATE_CREA = ei("dateCreationEtablissement"),
        E_TRANCHE = ei("trancheEffectifsEtablissement"), E_ANNEE_EFF = ei("anneeEffectifsEtablissement"),
        E_DDT = ei("dateDernierTraitementEtablissement"), E_SIEGE = ei("etablissementSiege"),
        E_NB_PER = ei("nombrePeriodesEtablissement"), E_COMPL = ei("complementAdresseEtablissement"),
        E_NUM = ei("numeroVoieEtablissement"), E_IND = ei("indiceRepetitionEtablissement"),
        E_TYPE = ei("typeVoieEtablissement"), E_LIB = ei("libelleVoieEtablissement"),
        E_CP = ei("codePostalEtablissement"), E_COMMUNE = ei("libelleCommuneEtablissement"),
        E_DIST = ei("distributionSpecialeEtablissement"), E_CODE_COMMUNE = ei("codeCommuneEtablissement"),
        E_CEDEX = ei("codeCedexEtablissement"), E_LIB_CEDEX = ei("libelleCedexEtablissement"),
        E_ID_ADR = ei("identifiantAdresseEtablissement"),
        E_LAMB_X = ei("coordonneeLambertAbscisseEtablissement"),
        E_LAMB_Y = ei("coordonneeLambertOrdonneeEtablissement"),
        E_NUM2 = ei("numeroVoie2Etablissement"), E_TYPE2 = ei("typeVoie2Etablissement"),
        E_LIB2 = ei("libelleVoie2Etablissement"), E_CP2 = ei("codePostal2Etablissement"),
        E_COMMUNE2 = ei("libelleCommune2Etablissement"), E_CODE_COMMUNE2 = ei("codeCommune2Etablissement"),
        E_DATE_DEBUT = ei("dateDebut"), E_ETAT = ei("etatAdministratifEtablissement"),
        E_ENS1 = ei("enseigne1Etablissement"), E_ENS2 = ei("enseigne2Etablissement"),
        E_DENOM_USU = ei("denominationUsuelleEtablissement"), E_APE = ei("activitePrincipaleEtablissement"),
        E_NOMENCL = ei("nomenclatureActivitePrincipaleEtablissement"),
        E_EMPLOYEUR = ei("caractereEmployeurEtablissement");

    // column indexes (StockUniteLegale)
    static final int U_SIREN = ui("siren"), U_STATUT = ui("statutDiffusionUniteLegale"),
        U_DATE_CREA = ui("dateCreationUniteLegale"), U_SIGLE = ui("sigleUniteLegale"),
        U_SEXE = ui("sexeUniteLegale"), U_PRENOM1 = ui("prenom1UniteLegale"), U_PRENOM2 = ui("prenom2UniteLegale"),
        U_PRENOM_USUEL = ui("prenomUsuelUniteLegale"), U_ID_ASSO = ui("identifiantAssociationUniteLegale"),
        U_TRANCHE = ui("trancheEffectifsUniteLegale"), U_ANNEE_EFF = ui("anneeEffectifsUniteLegale"),
        U_DDT = ui("dateDernierTraitementUniteLegale"), U_NB_PER = ui("nombrePeriodesUniteLegale"),
        U_CAT_ENT = ui("categorieEntreprise"), U_ANNEE_CAT = ui("anneeCategorieEntreprise"),
        U_DATE_DEBUT = ui("dateDebut"), U_ETAT = ui("etatAdministratifUniteLegale"), U_NOM = ui("nomUniteLegale"),
        U_NOM_USAGE = ui("nomUsageUniteLegale"), U_DENOM = ui("denominationUniteLegale"),
        U_DENOM_USU1 = ui("denominationUsuelle1UniteLegale"), U_CAT_JUR = ui("categorieJuridiqueUniteLegale"),
        U_APE = ui("activitePrincipaleUniteLegale"), U_NOMENCL = ui("nomenclatureActivitePrincipaleUniteLegale"),
        U_NIC_SIEGE = ui("nicSiegeUniteLegale"), U_ESS = ui("economieSocialeSolidaireUniteLegale"),
        U_MISSION = ui("societeMissionUniteLegale"), U_EMPLOYEUR = ui("caractereEmployeurUniteLegale");

    static int ei(String c) { return indexOf(ETAB_HEADER, c); }
    static int ui(String c) { return indexOf(UL_HEADER, c); }
    static int indexOf(String[] h, String c) {
        for (int i = 0; i < h.length; i++) if (h[i].equals(c)) return i;
        throw new IllegalStateException("no column " + c);
    }

    // ------------------------------------------------------------------------------------------------
    // Reference lists
    // ------------------------------------------------------------------------------------------------

    /** Real communes: postal code; SIRENE-style label; INSEE code; approx. latitude; longitude. */
    static final String COMMUNE_DATA = """
        75001;PARIS 01;75101;48.8625;2.3363
        75002;PARIS 02;75102;48.8683;2.3428
        75003;PARIS 03;75103;48.8630;2.3601
        75004;PARIS 04;75104;48.8543;2.3576
        75005;PARIS 05;75105;48.8445;2.3507
        75006;PARIS 06;75106;48.8491;2.3329
        75007;PARIS 07;75107;48.8562;2.3122
        75008;PARIS 08;75108;48.8727;2.3125
        75009;PARIS 09;75109;48.8770;2.3375
        75010;PARIS 10;75110;48.8761;2.3607
        75011;PARIS 11;75111;48.8591;2.3800
        75012;PARIS 12;75112;48.8350;2.4213
        75013;PARIS 13;75113;48.8283;2.3623
        75014;PARIS 14;75114;48.8292;2.3266
        75015;PARIS 15;75115;48.8401;2.2929
        75016;PARIS 16;75116;48.8604;2.2620
        75017;PARIS 17;75117;48.8873;2.3067
        75018;PARIS 18;75118;48.8925;2.3484
        75019;PARIS 19;75119;48.8871;2.3848
        75020;PARIS 20;75120;48.8634;2.4011
        13001;MARSEILLE 01;13201;43.2999;5.3841
        13002;MARSEILLE 02;13202;43.3128;5.3650
        13003;MARSEILLE 03;13203;43.3120;5.3805
        13004;MARSEILLE 04;13204;43.3065;5.4005
        13005;MARSEILLE 05;13205;43.2927;5.3980
        13006;MARSEILLE 06;13206;43.2870;5.3810
        13007;MARSEILLE 07;13207;43.2826;5.3617
        13008;MARSEILLE 08;13208;43.2410;5.3748
        13009;MARSEILLE 09;13209;43.2349;5.4498
        13010;MARSEILLE 10;13210;43.2759;5.4267
        13011;MARSEILLE 11;13211;43.2884;5.4838
        13012;MARSEILLE 12;13212;43.3073;5.4390
        13013;MARSEILLE 13;13213;43.3498;5.4333
        13014;MARSEILLE 14;13214;43.3455;5.3914
        13015;MARSEILLE 15;13215;43.3590;5.3632
        13016;MARSEILLE 16;13216;43.3635;5.3133
        69001;LYON 01;69381;45.7699;4.8292
        69002;LYON 02;69382;45.7485;4.8268
        69003;LYON 03;69383;45.7599;4.8497
        69004;LYON 04;69384;45.7787;4.8260
        69005;LYON 05;69385;45.7567;4.8024
        69006;LYON 06;69386;45.7727;4.8520
        69007;LYON 07;69387;45.7456;4.8420
        69008;LYON 08;69388;45.7352;4.8694
        69009;LYON 09;69389;45.7741;4.8055
        31000;TOULOUSE;31555;43.6045;1.4442
        06000;NICE;06088;43.7034;7.2663
        44000;NANTES;44109;47.2184;-1.5536
        67000;STRASBOURG;67482;48.5734;7.7521
        34000;MONTPELLIER;34172;43.6108;3.8767
        33000;BORDEAUX;33063;44.8378;-0.5792
        59000;LILLE;59350;50.6292;3.0573
        35000;RENNES;35238;48.1173;-1.6778
        51100;REIMS;51454;49.2583;4.0317
        76600;LE HAVRE;76351;49.4944;0.1079
        42000;SAINT-ETIENNE;42218;45.4397;4.3872
        83000;TOULON;83137;43.1242;5.9280
        38000;GRENOBLE;38185;45.1885;5.7245
        21000;DIJON;21231;47.3220;5.0415
        49000;ANGERS;49007;47.4784;-0.5632
        30000;NIMES;30189;43.8367;4.3601
        69100;VILLEURBANNE;69266;45.7719;4.8902
        63000;CLERMONT-FERRAND;63113;45.7772;3.0870
        72000;LE MANS;72181;48.0061;0.1996
        13100;AIX-EN-PROVENCE;13001;43.5297;5.4474
        29200;BREST;29019;48.3904;-4.4861
        37000;TOURS;37261;47.3941;0.6848
        80000;AMIENS;80021;49.8941;2.2958
        87000;LIMOGES;87085;45.8336;1.2611
        74000;ANNECY;74010;45.8992;6.1294
        66000;PERPIGNAN;66136;42.6887;2.8948
        92100;BOULOGNE-BILLANCOURT;92012;48.8397;2.2399
        57000;METZ;57463;49.1193;6.1757
        25000;BESANCON;25056;47.2378;6.0241
        45000;ORLEANS;45234;47.9030;1.9093
        93200;SAINT-DENIS;93066;48.9362;2.3574
        95100;ARGENTEUIL;95018;48.9472;2.2467
        76000;ROUEN;76540;49.4432;1.0999
        68100;MULHOUSE;68224;47.7508;7.3359
        93100;MONTREUIL;93048;48.8638;2.4485
        14000;CAEN;14118;49.1829;-0.3707
        54000;NANCY;54395;48.6921;6.1844
        59200;TOURCOING;59599;50.7239;3.1612
        59100;ROUBAIX;59512;50.6942;3.1746
        92000;NANTERRE;92050;48.8924;2.2071
        94400;VITRY-SUR-SEINE;94081;48.7875;2.3928
        84000;AVIGNON;84007;43.9493;4.8055
        94000;CRETEIL;94028;48.7904;2.4556
        86000;POITIERS;86194;46.5802;0.3404
        64000;PAU;64445;43.2951;-0.3708
        17000;LA ROCHELLE;17300;46.1603;-1.1511
        92700;COLOMBES;92025;48.9226;2.2522
        92600;ASNIERES-SUR-SEINE;92004;48.9145;2.2876
        78000;VERSAILLES;78646;48.8049;2.1204
        92400;COURBEVOIE;92026;48.8973;2.2531
        93300;AUBERVILLIERS;93001;48.9146;2.3821
        92500;RUEIL-MALMAISON;92063;48.8778;2.1803
        94500;CHAMPIGNY-SUR-MARNE;94017;48.8172;2.5156
        94100;SAINT-MAUR-DES-FOSSES;94068;48.7939;2.4936
        62100;CALAIS;62193;50.9513;1.8587
        06400;CANNES;06029;43.5528;7.0174
        06600;ANTIBES;06004;43.5808;7.1251
        34500;BEZIERS;34032;43.3442;3.2158
        68000;COLMAR;68066;48.0794;7.3585
        18000;BOURGES;18033;47.0810;2.3988
        33700;MERIGNAC;33281;44.8386;-0.6436
        44600;SAINT-NAZAIRE;44184;47.2735;-2.2138
        20000;AJACCIO;2A004;41.9192;8.7386
        20200;BASTIA;2B033;42.6973;9.4509
        26000;VALENCE;26362;44.9334;4.8924
        29000;QUIMPER;29232;47.9960;-4.1024
        92130;ISSY-LES-MOULINEAUX;92040;48.8245;2.2743
        92300;LEVALLOIS-PERRET;92044;48.8950;2.2875
        92200;NEUILLY-SUR-SEINE;92051;48.8846;2.2697
        10000;TROYES;10387;48.2973;4.0744
        73000;CHAMBERY;73065;45.5646;5.9178
        79000;NIORT;79191;46.3237;-0.4588
        56100;LORIENT;56121;47.7483;-3.3700
        56000;VANNES;56260;47.6582;-2.7608
        35400;SAINT-MALO;35288;48.6493;-2.0257
        82000;MONTAUBAN;82121;44.0176;1.3550
        81000;ALBI;81004;43.9289;2.1464
        47000;AGEN;47001;44.2033;0.6163
        64100;BAYONNE;64102;43.4929;-1.4748
        64200;BIARRITZ;64122;43.4832;-1.5586
        13200;ARLES;13004;43.6766;4.6278
        13500;MARTIGUES;13056;43.4053;5.0475
        13400;AUBAGNE;13005;43.2927;5.5708
        13127;VITROLLES;13117;43.4600;5.2486
        13700;MARIGNANE;13054;43.4160;5.2145
        13800;ISTRES;13047;43.5151;4.9895
        13300;SALON-DE-PROVENCE;13103;43.6403;5.0970
        13600;LA CIOTAT;13028;43.1748;5.6046
        05000;GAP;05061;44.5594;6.0786
        04000;DIGNE-LES-BAINS;04070;44.0925;6.2356
        83600;FREJUS;83061;43.4330;6.7370
        83400;HYERES;83069;43.1204;6.1286
        83300;DRAGUIGNAN;83050;43.5366;6.4646
        06130;GRASSE;06069;43.6589;6.9236
        06500;MENTON;06083;43.7747;7.4975
        06560;VALBONNE;06152;43.6411;7.0089
        06250;MOUGINS;06085;43.6000;6.9950
        34200;SETE;34301;43.4028;3.6970
        11000;CARCASSONNE;11069;43.2130;2.3491
        11100;NARBONNE;11262;43.1840;3.0042
        12000;RODEZ;12202;44.3506;2.5750
        65000;TARBES;65440;43.2328;0.0781
        81100;CASTRES;81065;43.6060;2.2400
        32000;AUCH;32013;43.6465;0.5855
        46000;CAHORS;46042;44.4475;1.4419
        31700;BLAGNAC;31069;43.6370;1.3900
        31770;COLOMIERS;31149;43.6112;1.3358
        31670;LABEGE;31254;43.5333;1.5333
        31130;BALMA;31044;43.6111;1.4994
        24000;PERIGUEUX;24322;45.1840;0.7218
        16000;ANGOULEME;16015;45.6484;0.1562
        19100;BRIVE-LA-GAILLARDE;19031;45.1589;1.5331
        19000;TULLE;19272;45.2670;1.7700
        40000;MONT-DE-MARSAN;40192;43.8902;-0.4999
        40100;DAX;40088;43.7102;-1.0536
        33600;PESSAC;33318;44.8067;-0.6311
        33400;TALENCE;33522;44.8060;-0.5880
        33120;ARCACHON;33009;44.6586;-1.1689
        69200;VENISSIEUX;69259;45.6970;4.8860
        69500;BRON;69029;45.7386;4.9132
        69130;ECULLY;69081;45.7745;4.7775
        69400;VILLEFRANCHE-SUR-SAONE;69264;45.9894;4.7186
        01000;BOURG-EN-BRESSE;01053;46.2052;5.2255
        42300;ROANNE;42187;46.0360;4.0680
        38200;VIENNE;38544;45.5255;4.8745
        38130;ECHIROLLES;38151;45.1436;5.7183
        38240;MEYLAN;38229;45.2096;5.7806
        74100;ANNEMASSE;74012;46.1934;6.2342
        73100;AIX-LES-BAINS;73008;45.6886;5.9153
        71000;MACON;71270;46.3069;4.8287
        71100;CHALON-SUR-SAONE;71076;46.7806;4.8539
        89000;AUXERRE;89024;47.7982;3.5733
        58000;NEVERS;58194;46.9908;3.1590
        25200;MONTBELIARD;25388;47.5100;6.7983
        90000;BELFORT;90010;47.6380;6.8628
        88000;EPINAL;88160;48.1724;6.4496
        57100;THIONVILLE;57672;49.3579;6.1683
        08000;CHARLEVILLE-MEZIERES;08105;49.7620;4.7260
        51000;CHALONS-EN-CHAMPAGNE;51108;48.9566;4.3631
        53000;LAVAL;53130;48.0707;-0.7734
        49300;CHOLET;49099;47.0600;-0.8792
        22000;SAINT-BRIEUC;22278;48.5141;-2.7603
        22300;LANNION;22113;48.7326;-3.4566
        50100;CHERBOURG-EN-COTENTIN;50129;49.6337;-1.6222
        61000;ALENCON;61001;48.4329;0.0913
        27000;EVREUX;27229;49.0241;1.1508
        76200;DIEPPE;76217;49.9225;1.0781
        60000;BEAUVAIS;60057;49.4295;2.0807
        60200;COMPIEGNE;60159;49.4179;2.8261
        02100;SAINT-QUENTIN;02691;49.8465;3.2876
        02000;LAON;02408;49.5641;3.6199
        62000;ARRAS;62041;50.2910;2.7775
        62300;LENS;62498;50.4320;2.8330
        59140;DUNKERQUE;59183;51.0344;2.3768
        59300;VALENCIENNES;59606;50.3570;3.5234
        59650;VILLENEUVE-D'ASCQ;59009;50.6233;3.1450
        59500;DOUAI;59178;50.3714;3.0800
        28000;CHARTRES;28085;48.4439;1.4890
        41000;BLOIS;41018;47.5861;1.3359
        36000;CHATEAUROUX;36044;46.8103;1.6913
        23000;GUERET;23096;46.1710;1.8716
        15000;AURILLAC;15014;44.9264;2.4397
        43000;LE PUY-EN-VELAY;43157;45.0434;3.8858
        03200;VICHY;03310;46.1277;3.4259
        03000;MOULINS;03190;46.5660;3.3330
        03100;MONTLUCON;03185;46.3400;2.6033
        77000;MELUN;77288;48.5421;2.6554
        77100;MEAUX;77284;48.9601;2.8788
        91000;EVRY-COURCOURONNES;91228;48.6290;2.4410
        91300;MASSY;91377;48.7309;2.2713
        95000;CERGY;95127;49.0364;2.0761
        78100;SAINT-GERMAIN-EN-LAYE;78551;48.8989;2.0938
        78140;VELIZY-VILLACOUBLAY;78640;48.7820;2.1920
        92800;PUTEAUX;92062;48.8845;2.2389
        92110;CLICHY;92024;48.9045;2.3061
        92210;SAINT-CLOUD;92064;48.8440;2.2190
        92120;MONTROUGE;92049;48.8163;2.3166
        94200;IVRY-SUR-SEINE;94041;48.8157;2.3849
        94800;VILLEJUIF;94076;48.7919;2.3634
        94130;NOGENT-SUR-MARNE;94052;48.8367;2.4827
        93000;BOBIGNY;93008;48.9086;2.4397
        93500;PANTIN;93055;48.8944;2.4092
        93160;NOISY-LE-GRAND;93051;48.8486;2.5526
        44800;SAINT-HERBLAIN;44162;47.2122;-1.6497
        44400;REZE;44143;47.1833;-1.5500
        35510;CESSON-SEVIGNE;35051;48.1211;-1.6030
        67500;HAGUENAU;67180;48.8156;7.7906
        67300;SCHILTIGHEIM;67447;48.6067;7.7497
        67400;ILLKIRCH-GRAFFENSTADEN;67218;48.5297;7.7150
        54500;VANDOEUVRE-LES-NANCY;54547;48.6567;6.1683
        97400;SAINT-DENIS;97411;-20.8821;55.4507
        97200;FORT-DE-FRANCE;97209;14.6161;-61.0588
        97110;POINTE-A-PITRE;97120;16.2411;-61.5331
        97300;CAYENNE;97302;4.9224;-52.3135
        """;

    record Commune(String cp, String name, String baseName, String insee, double lat, double lon) {
        boolean metropolitan() { return !insee.startsWith("97"); }
    }

    static final Commune[] COMMUNES = parseCommunes();

    static Commune[] parseCommunes() {
        List<Commune> l = new ArrayList<>();
        for (String line : COMMUNE_DATA.split("\n")) {
            line = line.trim();
            if (line.isEmpty()) continue;
            String[] f = line.split(";");
            String base = f[1].replaceAll(" \\d\\d$", "");
            l.add(new Commune(f[0], f[1], base, f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4])));
        }
        return l.toArray(new Commune[0]);
    }

    static final String[] STREETS = {
        "DE LA REPUBLIQUE", "JEAN JAURES", "VICTOR HUGO", "DU GENERAL DE GAULLE", "DU GENERAL LECLERC",
        "PASTEUR", "GAMBETTA", "DE LA GARE", "DU MARECHAL FOCH", "DE LA LIBERATION", "DE PARIS", "NATIONALE",
        "DES ECOLES", "DU MOULIN", "DE L EGLISE", "DES LILAS", "DU CHATEAU", "DE LA PAIX", "JULES FERRY",
        "ANATOLE FRANCE", "JEAN MOULIN", "SAINT-MICHEL", "DE LA MAIRIE", "DES ACACIAS", "EMILE ZOLA", "CARNOT",
        "DU 8 MAI 1945", "DU 11 NOVEMBRE 1918", "GEORGES CLEMENCEAU", "ALBERT CAMUS", "DES TILLEULS", "DU STADE",
        "DE VERDUN", "DE LA LIBERTE", "LOUIS PASTEUR", "DES FRERES LUMIERE", "PIERRE ET MARIE CURIE",
        "DU DOCTEUR SCHWEITZER", "CHARLES DE GAULLE", "DE LA FONTAINE", "DES CHAMPS", "DU PORT", "DES PINS",
        "ARISTIDE BRIAND", "JEAN JACQUES ROUSSEAU", "VOLTAIRE", "DE STRASBOURG", "DE LYON", "DE BORDEAUX",
        "DU COMMERCE", "DE L HOPITAL", "DE L INDUSTRIE", "DES ARTISANS", "DE L EUROPE", "DES PRES", "DES VIGNES",
        "HENRI BARBUSSE", "PAUL VAILLANT COUTURIER", "SALVADOR ALLENDE", "GABRIEL PERI", "DE LA CROIX ROUGE",
        "ANDRE MALRAUX", "ANTOINE DE SAINT EXUPERY", "MAURICE RAVEL", "FRANCOIS MITTERRAND", "ROBERT SCHUMAN",
        "DES MIMOSAS", "DES PEUPLIERS", "DE LA POSTE", "DES BLEUETS", "THIERS", "SADI CARNOT", "DU PARC",
        "DES ROSIERS", "DE LA FORET", "DES CERISIERS", "MARCEL PAGNOL", "EDOUARD HERRIOT", "DU FOUR",
        "DE LA SOURCE", "LOUIS BLERIOT", "AMPERE", "DENIS PAPIN", "GUSTAVE EIFFEL", "DE LA TECHNOPOLE"
    };

    /** typeVoie codes with weights. */
    static final String[] TYPE_VOIE = {
        "RUE", "AV", "BD", "PL", "CHE", "ALL", "IMP", "RTE", "QUAI", "CRS", "PAS", "SQ", "RES", "FG",
        "PRO", "ESP", "CITE", "LOT", "TRA", "HAM", "LD", "RPT", "PRV", "SEN"
    };
    static final int[] TYPE_VOIE_W = {
        520, 150, 70, 35, 50, 30, 30, 35, 10, 10, 6, 5, 4, 6, 4, 3, 4, 5, 4, 3, 5, 2, 1, 2
    };

    static final String[] COMPLEMENTS = {
        "BATIMENT A", "BATIMENT B2", "RESIDENCE LES PINS", "IMMEUBLE LE NEPTUNE", "ZI DES PALUDS",
        "ZAC DU GRAND PARC", "PARC TECHNOLOGIQUE", "CENTRE COMMERCIAL LES ARCADES", "ESPACE SANTE",
        "POLE MEDICAL", "2EME ETAGE", "LOCAL 12", "TOUR EUROPE", "ZA LES PRES", "LE PATIO",
        "PEPINIERE D ENTREPRISES", "HOTEL D ENTREPRISES", "MAISON DE SANTE", "LES BUREAUX DU LAC", "ENTREE C"
    };

    static final String[] LAST_NAMES = {
        "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
        "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
        "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE", "ANDRE",
        "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER", "FRANCOIS", "LEGRAND", "GAUTHIER",
        "GARCIA", "PERRIN", "ROBIN", "CLEMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "MASSON",
        "MARCHAND", "DUVAL", "DENIS", "DUMONT", "LEMAIRE", "NOEL", "MEYER", "DUFOUR", "MEUNIER", "BRUN",
        "BLANCHARD", "GIRAUD", "JOLY", "RIVIERE", "LUCAS", "BRUNET", "GAILLARD", "BARBIER", "ARNAUD",
        "MARTINEZ", "GERARD", "ROCHE", "RENARD", "SCHMITT", "ROY", "LEROUX", "COLIN", "VIDAL", "CARON",
        "PICARD", "FABRE", "AUBERT", "LEMOINE", "RENAUD", "DUMAS", "LACROIX", "OLIVIER", "BENOIT", "REY",
        "LECLERC", "PAYET", "ROLLAND", "LOPEZ", "DUPUY", "HUBERT", "BERGER", "SANCHEZ", "MOULIN", "LE GALL",
        "KIHHAL", "BENALI", "NGUYEN", "DA SILVA", "LE GOFF", "HOARAU", "GRONDIN", "SCHNEIDER", "WEBER"
    };
    static final String[] FIRST_NAMES_M = {
        "JEAN", "PIERRE", "MICHEL", "ANDRE", "PHILIPPE", "ALAIN", "NICOLAS", "CHRISTOPHE", "LAURENT",
        "FREDERIC", "STEPHANE", "DAVID", "OLIVIER", "THOMAS", "JULIEN", "SEBASTIEN", "ANTOINE", "MAXIME",
        "HUGO", "LUCAS", "KARIM", "MEHDI", "YANN", "FRANCOIS", "BENOIT"
    };
    static final String[] FIRST_NAMES_F = {
        "MARIE", "NATHALIE", "ISABELLE", "SYLVIE", "CATHERINE", "SOPHIE", "CELINE", "AURELIE", "JULIE",
        "CAMILLE", "LEA", "EMMA", "CHLOE", "SANDRINE", "VALERIE", "SAMIRA", "MAELYS", "INES", "CLAIRE", "ANNE",
        "HELENE", "LAURA", "PAULINE", "MANON", "SARAH"
    };

    static final String[] SYLLABLES = {
        "KA", "LI", "ZO", "RA", "VE", "LO", "MI", "TA", "NO", "SI", "DE", "XA", "BO", "RU", "PE", "LA", "VI",
        "TO", "MA", "NE", "RI", "SO", "DA", "NA", "KO", "LU", "GA", "TI", "VA", "ZE", "AL", "OR", "EL", "IS"
    };
    static final String[] SYLLABLE_ENDS = {
        "NKA", "RIS", "LIS", "VIA", "NEO", "TEK", "XIS", "LYS", "DOC", "MED", "SYS", "NET", "PHI", "ONE", "RA",
        "LIA", "TIS", "VIO", "CARE", "LINK", "SOFT", "WARE", "DATA", "SANTE"
    };
    static final String[] HEALTH_PREFIXES = {
        "MEDI", "SANTE", "CLINI", "HOSPI", "PHARMA", "RADIO", "BIO", "DOC", "CARE", "NUMERI", "TELE", "SOIN",
        "VITA", "NOVA", "OPTI", "AZUR", "ARGO", "E-", "CARDIO", "PEDIA", "GERIA", "IMAGE", "PATIENT", "DENTA"
    };
    static final String[] SOFT_SUFFIXES = {
        "LOGICIELS", "SOFTWARE", "SYSTEMES", "INFORMATIQUE", "TECHNOLOGIES", "SOLUTIONS", "DATA", "NUMERIQUE",
        "SANTE", "MEDICAL", "EDITIONS", "DEVELOPPEMENT", "FRANCE", "GROUPE", "E-SANTE", "CONSEIL", "INNOVATION",
        "INFORMATIQUE MEDICALE", "HEALTHCARE", "LAB"
    };
    static final String[] SAINTS = {
        "SAINT-JOSEPH", "SAINTE-MARIE", "SAINT-MARTIN", "SAINT-LOUIS", "SAINT-JEAN", "SAINTE-ANNE",
        "SAINT-ROCH", "SAINT-GEORGES", "DES LILAS", "DU PARC", "DES CEDRES", "DU LAC", "DE L EUROPE",
        "DES CHATAIGNIERS", "DU MIDI", "PASTEUR", "DES ALPES", "DU VAL D OR", "BEAU SITE", "LES FRANCISCAINES"
    };

    // ------------------------------------------------------------------------------------------------
    // Company kinds
    // ------------------------------------------------------------------------------------------------

    enum Kind {
        SOFTWARE(50, new String[]{"58.29C", "58.29C", "62.01Z", "62.01Z", "58.29A", "62.02A", "62.09Z", "63.11Z"},
            new String[]{"5710", "5710", "5710", "5499", "5720", "5599", "5498"}),
        IT_SERVICES(7, new String[]{"46.51Z", "62.02B", "95.11Z", "47.41Z", "62.03Z", "62.02A"},
            new String[]{"5710", "5499", "5720", "5498"}),
        HOSPITAL(3, new String[]{"86.10Z"}, new String[]{"7364"}),
        CLINIC(4, new String[]{"86.10Z"}, new String[]{"5710", "5599", "5499"}),
        LAB(4, new String[]{"86.90B"}, new String[]{"5785", "5485"}),
        RADIOLOGY(4, new String[]{"86.22A"}, new String[]{"5485", "5785", "6589"}),
        PHARMACY(7, new String[]{"47.73Z"}, new String[]{"5485", "5499", "5785"}),
        ESMS(6, new String[]{"87.10A", "87.30A", "88.10A", "87.20A"}, new String[]{"9220", "5710", "5499"}),
        PHYSICIAN(8, new String[]{"86.21Z", "86.21Z", "86.22C", "86.23Z", "86.90E", "86.90D", "86.90A"},
            new String[]{"1000"}),
        ASSOCIATION(4, new String[]{"94.99Z", "88.99B", "86.90F", "85.59A"}, new String[]{"9220"}),
        OTHER(3, new String[]{"70.22Z", "82.11Z", "74.90B", "71.12B", "72.19Z"},
            new String[]{"5710", "5499", "5720"});

        final int weight;
        final String[] apes;
        final String[] catJurs;

        Kind(int weight, String[] apes, String[] catJurs) {
            this.weight = weight;
            this.apes = apes;
            this.catJurs = catJurs;
        }
    }

    static final Kind[] KINDS = Kind.values();
    static final int KIND_TOTAL = Arrays.stream(KINDS).mapToInt(k -> k.weight).sum();

    // ------------------------------------------------------------------------------------------------
    // Fixed rows (tests and demo rely on them)
    // ------------------------------------------------------------------------------------------------

    static final String SIREN_ASSO = "479928822";     // guide: SIRET 47992882200069
    static final String SIREN_KALINKA = "811207059";  // guide: SIRET 81120705900015
    static final String SIREN_CEGEDIM = "902350719";  // generated, editor of cegedim01a
    static final String SIREN_DISTRIMED = "906814538"; // generated, distributor (edits nothing)
    static final String SIREN_FERMEE = "905778122";   // generated, closed company
    static final String SIREN_LA_POSTE = "356000000"; // La Poste: SIRET rule = sum of digits multiple of 5

    static final Set<Long> FIXED_BASES = new HashSet<>(Arrays.asList(
        47992882L, 81120705L, 90235071L, 90681453L, 90577812L, 35600000L));

    // ------------------------------------------------------------------------------------------------
    // Options
    // ------------------------------------------------------------------------------------------------

    long seed = 42;
    long establishments = 400;
    Path out = Paths.get("persistence/src/main/resources/sample");
    String only = null;
    boolean zip = false;
    int zipLevel = 6;
    int solutions = 170;
    int editors = 100;
    boolean banksUtf16 = false;
    boolean check = false;

    public static void main(String[] args) throws IOException {
        ReferentialGenerator g = new ReferentialGenerator();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--seed" -> g.seed = Long.parseLong(args[++i]);
                case "--establishments" -> g.establishments = Long.parseLong(args[++i]);
                case "--out" -> g.out = Paths.get(args[++i]);
                case "--only" -> g.only = args[++i].toLowerCase(Locale.ROOT);
                case "--zip" -> g.zip = true;
                case "--zip-level" -> {
                    g.zip = true;
                    g.zipLevel = Integer.parseInt(args[++i]);
                }
                case "--solutions" -> g.solutions = Integer.parseInt(args[++i]);
                case "--editors" -> g.editors = Integer.parseInt(args[++i]);
                case "--banks-utf16" -> g.banksUtf16 = true;
                case "--check" -> g.check = true;
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option " + a);
                    usage();
                    System.exit(2);
                }
            }
        }
        if (g.only != null && !Set.of("sirene", "ans", "banks", "none").contains(g.only)) {
            System.err.println("--only must be sirene, ans, banks (or none with --check)");
            System.exit(2);
        }
        if (!selfCheck()) System.exit(3);
        Files.createDirectories(g.out);
        long t0 = System.nanoTime();
        if (g.only == null || g.only.equals("sirene")) g.writeSirene();
        if (g.only == null || g.only.equals("ans")) g.writeAns();
        if (g.only == null || g.only.equals("banks")) g.writeBanks();
        System.out.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (g.check) {
            if (!new Checker(g.out).run()) System.exit(1);
        }
    }

    static void usage() {
        System.out.println("java bench/generator/ReferentialGenerator.java [--seed 42] [--establishments 400]"
            + " [--out DIR] [--only sirene|ans|banks|none] [--zip] [--zip-level 6] [--solutions 170] [--editors 100]"
            + " [--banks-utf16] [--check]");
    }

    /** Verifies the fixed identifiers; returns false on an internal inconsistency. */
    static boolean selfCheck() {
        boolean ok = ETAB_HEADER.length == 54 && UL_HEADER.length == 35 && BANK_HEADER.length == 14;
        if (!ok) System.err.println("header length mismatch: " + ETAB_HEADER.length + "/" + UL_HEADER.length);
        String[] guide = {"47992882200069", "81120705900015"};
        for (String s : guide) {
            if (!luhn(s)) System.err.println("WARNING: SIRET from the user guide fails the Luhn check: " + s);
        }
        for (String s : new String[]{SIREN_ASSO, SIREN_KALINKA, SIREN_CEGEDIM, SIREN_DISTRIMED, SIREN_FERMEE}) {
            if (!luhn(s)) {
                System.err.println("fixed SIREN fails Luhn: " + s);
                ok = false;
            }
        }
        return ok;
    }

    // ------------------------------------------------------------------------------------------------
    // Check digits
    // ------------------------------------------------------------------------------------------------

    static boolean luhn(CharSequence s) {
        int sum = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            int d = s.charAt(n - 1 - i) - '0';
            if (d < 0 || d > 9) return false;
            if ((i & 1) == 1) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** Appends the Luhn check digit to a digit string. */
    static String withLuhn(String prefix) {
        for (char c = '0'; c <= '9'; c++) {
            String s = prefix + c;
            if (luhn(s)) return s;
        }
        throw new IllegalStateException();
    }

    static boolean validSiret(String siret) {
        if (siret.length() != 14) return false;
        if (siret.startsWith(SIREN_LA_POSTE)) {
            int sum = 0;
            for (int i = 0; i < 14; i++) sum += siret.charAt(i) - '0';
            return sum % 5 == 0 || luhn(siret);
        }
        return luhn(siret);
    }

    /** NIC = 4-digit sequence + 1 check digit chosen so that SIREN+NIC passes Luhn. */
    static String nic(String siren, int seq) {
        String p = siren + pad(seq, 4);
        return withLuhn(p).substring(9);
    }

    // ------------------------------------------------------------------------------------------------
    // Random helpers
    // ------------------------------------------------------------------------------------------------

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long mix(long seed, long i, long stream) {
        return mix(mix(seed * 0x9E3779B97F4A7C15L + stream) + i * 0xD1B54A32D192ED03L);
    }

    static <T> T pick(SplittableRandom r, T[] a) { return a[r.nextInt(a.length)]; }

    static boolean chance(SplittableRandom r, double p) { return r.nextDouble() < p; }

    static String pad(long v, int w) {
        String s = Long.toString(v);
        if (s.length() >= w) return s;
        return "0".repeat(w - s.length()) + s;
    }

    static final long DAY_1950 = LocalDate.of(1950, 1, 1).toEpochDay();
    static final long DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    static final long DAY_2015 = LocalDate.of(2015, 1, 1).toEpochDay();
    static final long DAY_MAX = LocalDate.of(2025, 6, 30).toEpochDay(); // fixed "now": no clock dependence

    static long day(SplittableRandom r, long from, long to) {
        if (to <= from) return from;
        return r.nextLong(from, to + 1);
    }

    static String date(long epochDay) { return LocalDate.ofEpochDay(epochDay).toString(); }

    static String timestamp(SplittableRandom r, long epochDay) {
        return date(epochDay) + "T" + pad(r.nextInt(6, 23), 2) + ":" + pad(r.nextInt(60), 2) + ":"
            + pad(r.nextInt(60), 2);
    }

    static String weighted(SplittableRandom r, String[] v, int[] w) {
        int total = 0;
        for (int x : w) total += x;
        int p = r.nextInt(total);
        for (int i = 0; i < v.length; i++) {
            p -= w[i];
            if (p < 0) return v[i];
        }
        return v[v.length - 1];
    }

    // ------------------------------------------------------------------------------------------------
    // Lambert 93 (IGN formulas, GRS80) for the coordonneeLambert* columns
    // ------------------------------------------------------------------------------------------------

    static double[] lambert93(double latDeg, double lonDeg) {
        final double n = 0.7256077650, c = 11754255.426, xs = 700000.0, ys = 12655612.050;
        final double e = 0.0818191910428;
        double phi = Math.toRadians(latDeg);
        double lambda = Math.toRadians(lonDeg - 3.0);
        double esin = e * Math.sin(phi);
        double l = Math.log(Math.tan(Math.PI / 4 + phi / 2) * Math.pow((1 - esin) / (1 + esin), e / 2));
        double r = c * Math.exp(-n * l);
        double g = n * lambda;
        return new double[]{xs + r * Math.sin(g), ys - r * Math.cos(g)};
    }

    static String oneDecimal(double v) {
        long t = Math.round(v * 10);
        return (t / 10) + "." + Math.abs(t % 10);
    }

    // ------------------------------------------------------------------------------------------------
    // Company model
    // ------------------------------------------------------------------------------------------------

    static final class Company {
        long index;
        String siren;
        Kind kind;
        int plannedEstabs;
        boolean closed;          // legal unit ceased: every establishment closed
        boolean movedSiege;      // first establishment = old head office (closed), last = current one
        String denomination;     // null for an individual
        String nom, prenom1, prenom2, sexe, nomUsage;
        String sigle;
        String catJur;
        String ape;
        String statut;           // O or P
        long creationDay;
        long closureDay;
        String tranche;
        String enseigneBase;
        Commune home;            // commune of the first establishment (and of names such as hospitals)
        long rngSeed;            // seed of the establishment stream
        SplittableRandom ulRandom;

        String displayName() {
            return denomination != null ? denomination : (prenom1 + " " + nom);
        }
    }

    static final long MOD8 = 100_000_000L;
    static final long MULT = 48_271_037L; // odd, not a multiple of 5: a bijection of [0, 10^8)

    /** Company number i for this seed, or null when its SIREN would collide with a fixed one. */
    static Company company(long seed, long i) {
        long off = Math.floorMod(mix(seed ^ 0x5EEDL), MOD8);
        long add = Math.floorMod(mix(seed ^ 0xADDL), MOD8);
        long base = Math.floorMod(Math.floorMod(MULT * Math.floorMod(i + off, MOD8), MOD8) + add, MOD8);
        if (FIXED_BASES.contains(base)) return null;
        Company c = new Company();
        c.index = i;
        c.siren = withLuhn(pad(base, 8));
        SplittableRandom r = new SplittableRandom(mix(seed, i, 1));
        c.rngSeed = mix(seed, i, 2);
        int p = r.nextInt(KIND_TOTAL);
        Kind kind = KINDS[KINDS.length - 1];
        for (Kind k : KINDS) {
            p -= k.weight;
            if (p < 0) {
                kind = k;
                break;
            }
        }
        c.kind = kind;
        c.catJur = pick(r, kind.catJurs);
        c.ape = pick(r, kind.apes);
        c.statut = "O";
        Commune home = pick(r, COMMUNES);
        c.home = home;
        switch (kind) {
            case SOFTWARE -> c.denomination = softwareCompanyName(r);
            case IT_SERVICES -> c.denomination = brand(r) + " " + pick(r, new String[]{
                "INFORMATIQUE", "SERVICES", "DISTRIBUTION", "SYSTEMES", "RESEAUX", "INTEGRATION", "BUREAUTIQUE"});
            case HOSPITAL -> c.denomination = chance(r, 0.8)
                ? "CENTRE HOSPITALIER DE " + home.baseName()
                : "CENTRE HOSPITALIER INTERCOMMUNAL " + home.baseName();
            case CLINIC -> c.denomination = (chance(r, 0.3) ? "POLYCLINIQUE " : "CLINIQUE ") + pick(r, SAINTS);
            case LAB -> c.denomination = pick(r, new String[]{"LABORATOIRE ", "BIOLOGIE MEDICALE ", "LABM ",
                "BIOLAB "}) + (chance(r, 0.5) ? pick(r, LAST_NAMES) : home.baseName());
            case RADIOLOGY -> c.denomination = pick(r, new String[]{"CABINET DE RADIOLOGIE ",
                "IMAGERIE MEDICALE ", "CENTRE D IMAGERIE ", "SCANNER IRM "}) + (chance(r, 0.5)
                ? pick(r, SAINTS) : home.baseName());
            case PHARMACY -> c.denomination = "PHARMACIE " + pick(r, new String[]{"DU CENTRE", "DE LA GARE",
                "DU MARCHE", "DES ARCADES", "DE LA MAIRIE", "CENTRALE", "DU PORT", "DES HALLES",
                pick(r, LAST_NAMES), pick(r, LAST_NAMES)});
            case ESMS -> c.denomination = pick(r, new String[]{"EHPAD ", "RESIDENCE ", "SERVICE D AIDE A DOMICILE ",
                "FOYER D ACCUEIL MEDICALISE ", "SSIAD "}) + pick(r, new String[]{"LES GLYCINES", "LES OLIVIERS",
                "LE BEL AGE", "LES JARDINS", "LA ROSERAIE", "LES TAMARIS", "BON SEJOUR", "LES CHARMILLES",
                home.baseName()});
            case PHYSICIAN -> {
                c.nom = pick(r, LAST_NAMES);
                boolean f = chance(r, 0.52);
                c.sexe = f ? "F" : "M";
                c.prenom1 = pick(r, f ? FIRST_NAMES_F : FIRST_NAMES_M);
                if (chance(r, 0.35)) c.prenom2 = pick(r, f ? FIRST_NAMES_F : FIRST_NAMES_M);
                if (f && chance(r, 0.15)) c.nomUsage = pick(r, LAST_NAMES);
                if (chance(r, 0.3)) c.statut = "P";
            }
            case ASSOCIATION -> c.denomination = "ASSOCIATION " + pick(r, new String[]{"SANTE ", "AIDE ",
                "PREVENTION ", "SOINS ", "SERVICES ", "ACCOMPAGNEMENT "}) + pick(r, new String[]{"ET PARTAGE",
                "A DOMICILE", "SOLIDAIRE", "MEDIATION", "DE " + home.baseName(), "POUR TOUS", "NUMERIQUE"});
            case OTHER -> c.denomination = brand(r) + " " + pick(r, new String[]{"CONSEIL", "PARTENAIRES",
                "ETUDES", "INGENIERIE", "FORMATION", "ASSOCIES"});
        }
        if (c.denomination != null && chance(r, 0.1)) c.sigle = initials(c.denomination);
        // establishments: mostly one, sometimes several (siège + secondary)
        int n;
        double x = r.nextDouble();
        if (kind == Kind.HOSPITAL) n = r.nextInt(2, 9);
        else if (x < 0.70) n = 1;
        else if (x < 0.90) n = 2;
        else if (x < 0.97) n = r.nextInt(3, 6);
        else n = r.nextInt(6, 12);
        c.plannedEstabs = n;
        c.creationDay = day(r, DAY_1950 + 20 * 365, DAY_MAX - 200);
        if (kind == Kind.SOFTWARE && chance(r, 0.6)) c.creationDay = day(r, DAY_2000, DAY_MAX - 200);
        c.closed = chance(r, 0.055);
        if (c.closed) c.closureDay = day(r, c.creationDay + 180, DAY_MAX - 30);
        c.movedSiege = n > 1 && !c.closed && chance(r, 0.15);
        c.tranche = tranche(r, kind);
        if (kind == Kind.PHARMACY || chance(r, 0.2)) c.enseigneBase = c.denomination;
        c.ulRandom = r;
        return c;
    }

    static String tranche(SplittableRandom r, Kind kind) {
        return switch (kind) {
            case HOSPITAL -> pick(r, new String[]{"41", "42", "51", "52", "53"});
            case CLINIC -> pick(r, new String[]{"22", "31", "32", "41"});
            case PHYSICIAN -> pick(r, new String[]{"NN", "NN", "NN", "00", "01"});
            case SOFTWARE -> pick(r, new String[]{"NN", "00", "01", "02", "03", "11", "12", "21", "22", "31",
                "32", "41"});
            default -> pick(r, new String[]{"NN", "NN", "00", "01", "02", "03", "11", "12", "21", "22"});
        };
    }

    static String brand(SplittableRandom r) {
        if (chance(r, 0.5)) return pick(r, HEALTH_PREFIXES).replace("-", "") + pick(r, SYLLABLE_ENDS);
        StringBuilder b = new StringBuilder(pick(r, SYLLABLES));
        if (chance(r, 0.5)) b.append(pick(r, SYLLABLES));
        b.append(pick(r, SYLLABLE_ENDS));
        return b.toString();
    }

    static String softwareCompanyName(SplittableRandom r) {
        double x = r.nextDouble();
        if (x < 0.35) return brand(r) + " " + pick(r, SOFT_SUFFIXES);
        if (x < 0.55) return pick(r, HEALTH_PREFIXES).replace("-", "") + " " + pick(r, SOFT_SUFFIXES);
        if (x < 0.75) return brand(r);
        if (x < 0.85) return brand(r) + ", " + pick(r, new String[]{"LOGICIELS ET SERVICES", "EDITION ET CONSEIL",
            "CONSEIL ET DEVELOPPEMENT", "ETUDES ET REALISATIONS", "SANTE ET NUMERIQUE", "INFORMATIQUE ET SANTE"});
        if (x < 0.93) return pick(r, LAST_NAMES) + " " + pick(r, SOFT_SUFFIXES);
        return "SOCIETE D EDITION DE LOGICIELS " + brand(r);
    }

    static String initials(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.split("[ ,\\-']+")) {
            if (w.length() > 2 && !w.equals("DES") && !w.equals("POUR")) b.append(w.charAt(0));
        }
        return b.length() >= 2 ? b.toString() : null;
    }

    // ------------------------------------------------------------------------------------------------
    // SIRENE files
    // ------------------------------------------------------------------------------------------------

    void writeSirene() throws IOException {
        try (RowWriter etab = RowWriter.open(out, ETAB_FILE, zip, ',', "\n", StandardCharsets.UTF_8, zipLevel);
             RowWriter ul = RowWriter.open(out, UL_FILE, zip, ',', "\n", StandardCharsets.UTF_8, zipLevel)) {
            etab.row(ETAB_HEADER);
            ul.row(UL_HEADER);
            long fixedEtab = writeFixedSirene(etab, ul);
            long written = 0;
            long companies = 0;
            long closed = 0;
            for (long i = 0; written < establishments; i++) {
                Company c = company(seed, i);
                if (c == null) continue;
                int count = (int) Math.min(c.plannedEstabs, establishments - written);
                closed += writeCompany(c, count, etab, ul);
                written += count;
                companies++;
                if (companies % 1_000_000 == 0) System.out.println("  " + written + " establishments...");
            }
            System.out.printf(Locale.ROOT,
                "%s: %d rows (%d fixed + %d random, %d closed random = %.1f %%); %s: %d rows%n",
                ETAB_FILE, fixedEtab + written, fixedEtab, written, closed,
                written == 0 ? 0.0 : 100.0 * closed / written, UL_FILE, companies + FIXED_UL_COUNT);
        }
    }

    /** Writes the establishments and the legal unit of c; returns the number of closed establishments. */
    static long writeCompany(Company c, int count, RowWriter etab, RowWriter ul) throws IOException {
        SplittableRandom r = new SplittableRandom(c.rngSeed);
        boolean moved = c.movedSiege && count > 1;
        int siegeIdx = moved ? count - 1 : 0;
        int seq = 1;
        long closedCount = 0;
        String nicSiege = null;
        long lastTreatment = 0;
        String[] siegeRow = null;
        long prevCreation = c.creationDay;
        Commune home = c.home;
        for (int k = 0; k < count; k++) {
            String[] e = new String[ETAB_HEADER.length];
            boolean siege = k == siegeIdx;
            String nic = nic(c.siren, seq);
            seq += 1 + (chance(r, 0.1) ? r.nextInt(1, 4) : 0);
            e[E_SIREN] = c.siren;
            e[E_NIC] = nic;
            e[E_SIRET] = c.siren + nic;
            e[E_STATUT] = c.statut;
            long created = k == 0 ? c.creationDay
                : day(r, prevCreation, c.closed ? c.closureDay : DAY_MAX - 60);
            prevCreation = created;
            e[E_DATE_CREA] = date(created);
            boolean closed = c.closed || (moved && k == 0) || (!siege && chance(r, 0.07));
            long closure = 0;
            if (closed) {
                closure = c.closed ? c.closureDay : day(r, created + 90, DAY_MAX - 10);
                if (closure < created) closure = created;
                closedCount++;
            }
            String tranche = closed ? (chance(r, 0.5) ? "NN" : null) : (siege ? c.tranche : tranche(r, c.kind));
            e[E_TRANCHE] = tranche;
            e[E_ANNEE_EFF] = tranche == null || tranche.equals("NN") ? null : Integer.toString(r.nextInt(2021, 2024));
            int periods = closed ? r.nextInt(2, 5) : (chance(r, 0.55) ? 1 : r.nextInt(2, 6));
            long debut = closed ? closure : (periods == 1 ? created : day(r, created, DAY_MAX - 20));
            long treated = day(r, Math.max(debut, DAY_2015), DAY_MAX);
            lastTreatment = Math.max(lastTreatment, treated);
            e[E_DDT] = timestamp(r, treated);
            e[E_SIEGE] = siege ? "true" : "false";
            e[E_NB_PER] = Integer.toString(periods);
            Commune commune = k == 0 || chance(r, 0.4) ? home : pick(r, COMMUNES);
            fillAddress(e, r, commune, "P".equals(c.statut));
            if (chance(r, 0.01)) {
                Commune other = pick(r, COMMUNES);
                e[E_NUM2] = Integer.toString(r.nextInt(1, 80));
                e[E_TYPE2] = "RUE";
                e[E_LIB2] = pick(r, STREETS);
                e[E_CP2] = other.cp();
                e[E_COMMUNE2] = other.name();
                e[E_CODE_COMMUNE2] = other.insee();
            }
            e[E_DATE_DEBUT] = date(debut);
            e[E_ETAT] = closed ? "F" : "A";
            enseignes(e, r, c, commune);
            e[E_APE] = chance(r, 0.1) && !siege ? pick(r, c.kind.apes) : c.ape;
            e[E_NOMENCL] = "NAFRev2";
            e[E_EMPLOYEUR] = closed || tranche == null || tranche.equals("NN") || tranche.equals("00") ? "N" : "O";
            etab.row(e);
            if (siege) {
                nicSiege = nic;
                siegeRow = e;
            }
        }
        ul.row(legalUnit(c, nicSiege, siegeRow, lastTreatment));
        return closedCount;
    }

    static void fillAddress(String[] e, SplittableRandom r, Commune commune, boolean partial) {
        if (chance(r, 0.15)) e[E_COMPL] = pick(r, COMPLEMENTS);
        String type = weighted(r, TYPE_VOIE, TYPE_VOIE_W);
        Integer num = null;
        if (!type.equals("LD") && !type.equals("HAM") && chance(r, 0.88)) {
            double x = r.nextDouble();
            num = x < 0.6 ? r.nextInt(1, 40) : x < 0.9 ? r.nextInt(40, 150) : r.nextInt(150, 1200);
            e[E_NUM] = num.toString();
            if (chance(r, 0.05)) e[E_IND] = weighted(r, new String[]{"B", "T", "Q", "C"}, new int[]{70, 20, 6, 4});
        }
        e[E_TYPE] = type;
        e[E_LIB] = type.equals("LD") || type.equals("HAM")
            ? pick(r, new String[]{"LES CHENES", "LA BASTIDE", "LE MOULIN", "LES GRANGES", "LE BOURG"})
            : pick(r, STREETS);
        e[E_CP] = commune.cp();
        e[E_COMMUNE] = commune.name();
        e[E_CODE_COMMUNE] = commune.insee();
        if (chance(r, 0.04)) e[E_DIST] = chance(r, 0.5) ? "BP " + r.nextInt(1, 400) : "CS " + r.nextInt(10001, 90000);
        if (chance(r, 0.04)) {
            e[E_CEDEX] = commune.cp().substring(0, 2) + pad(r.nextInt(900, 1000), 3);
            e[E_LIB_CEDEX] = commune.baseName() + " CEDEX" + (chance(r, 0.5) ? " " + r.nextInt(1, 10) : "");
        }
        if (num != null && chance(r, 0.75)) {
            String voie = chance(r, 0.7) ? pad(r.nextInt(10000), 4)
                : (char) ('A' + r.nextInt(26)) + pad(r.nextInt(1000), 3);
            String suffix = e[E_IND] == null ? "" : switch (e[E_IND]) {
                case "B" -> "_bis";
                case "T" -> "_ter";
                case "Q" -> "_quater";
                default -> "_quinquies";
            };
            e[E_ID_ADR] = commune.insee() + "_" + voie + "_" + pad(num, 5) + suffix;
        }
        if (commune.metropolitan() && chance(r, 0.9)) {
            double[] xy = lambert93(commune.lat() + (r.nextDouble() - 0.5) * 0.03,
                commune.lon() + (r.nextDouble() - 0.5) * 0.04);
            e[E_LAMB_X] = oneDecimal(xy[0]);
            e[E_LAMB_Y] = oneDecimal(xy[1]);
        }
        if (partial) {
            // partially diffusible (individuals who opposed diffusion): only the commune is published
            for (int col : new int[]{E_COMPL, E_NUM, E_IND, E_TYPE, E_LIB, E_DIST, E_ID_ADR, E_LAMB_X, E_LAMB_Y}) {
                e[col] = "[ND]";
            }
        }
    }

    static void enseignes(String[] e, SplittableRandom r, Company c, Commune commune) {
        switch (c.kind) {
            case PHARMACY -> {
                if (chance(r, 0.6)) e[E_ENS1] = c.denomination;
            }
            case PHYSICIAN -> {
                if (chance(r, 0.12)) e[E_ENS1] = pick(r, new String[]{"CABINET MEDICAL", "CABINET DU DOCTEUR "
                    + c.nom, "MAISON DE SANTE " + commune.baseName(), "CENTRE DE SOINS " + commune.baseName()});
            }
            default -> {
                if (c.enseigneBase != null && chance(r, 0.8)) e[E_ENS1] = c.enseigneBase;
                else if (chance(r, 0.1)) e[E_ENS1] = brand(r);
            }
        }
        // a few values needing RFC 4180 quoting (comma, double quote), as in the real file
        double x = r.nextDouble();
        if ("P".equals(c.statut)) return; // partially diffusible: nothing that would reveal more
        if (x < 0.012) e[E_ENS1] = c.displayName() + ", " + commune.baseName();
        else if (x < 0.018) e[E_ENS2] = "LE \"" + brand(r) + "\"";
        if (c.denomination != null && chance(r, 0.06)) e[E_DENOM_USU] = c.sigle != null ? c.sigle : brand(r);
    }

    static String[] legalUnit(Company c, String nicSiege, String[] siegeRow, long lastTreatment) {
        SplittableRandom r = c.ulRandom;
        String[] u = new String[UL_HEADER.length];
        u[U_SIREN] = c.siren;
        u[U_STATUT] = c.statut;
        u[U_DATE_CREA] = date(c.creationDay);
        u[U_SIGLE] = c.sigle;
        if (c.denomination == null) {
            u[U_SEXE] = c.sexe;
            u[U_PRENOM1] = c.prenom1;
            u[U_PRENOM2] = c.prenom2;
            u[U_PRENOM_USUEL] = c.prenom1;
            u[U_NOM] = c.nom;
            u[U_NOM_USAGE] = c.nomUsage;
        } else {
            u[U_DENOM] = c.denomination;
            if (chance(r, 0.08)) u[U_DENOM_USU1] = brand(r);
        }
        if (c.catJur.equals("9220")) {
            u[U_ID_ASSO] = "W" + c.siren.substring(0, 2) + pad(r.nextInt(10_000_000), 7);
        }
        String tranche = c.closed ? null : c.tranche;
        u[U_TRANCHE] = tranche;
        u[U_ANNEE_EFF] = tranche == null || tranche.equals("NN") ? null : Integer.toString(r.nextInt(2021, 2024));
        u[U_DDT] = timestamp(r, Math.max(lastTreatment, DAY_2015));
        int periods = c.closed ? r.nextInt(2, 6) : (chance(r, 0.5) ? 1 : r.nextInt(2, 8));
        u[U_NB_PER] = Integer.toString(periods);
        if (!c.closed) {
            u[U_CAT_ENT] = switch (tranche) {
                case "51", "52", "53" -> "GE";
                case "41", "42" -> "ETI";
                default -> "PME";
            };
            u[U_ANNEE_CAT] = "2022";
        }
        long debut = c.closed ? c.closureDay : (periods == 1 ? c.creationDay : day(r, c.creationDay, DAY_MAX - 20));
        u[U_DATE_DEBUT] = date(debut);
        u[U_ETAT] = c.closed ? "C" : "A";
        u[U_CAT_JUR] = c.catJur;
        u[U_APE] = c.ape;
        u[U_NOMENCL] = "NAFRev2";
        u[U_NIC_SIEGE] = nicSiege;
        u[U_ESS] = c.catJur.equals("9220") ? "O" : (chance(r, 0.5) ? "N" : null);
        u[U_MISSION] = c.kind == Kind.SOFTWARE && chance(r, 0.02) ? "O" : null;
        u[U_EMPLOYEUR] = c.closed || tranche == null || tranche.equals("NN") || tranche.equals("00") ? "N" : "O";
        return u;
    }

    // ---- fixed SIRENE rows ---------------------------------------------------------------------------

    static final int FIXED_UL_COUNT = 6;

    /** Writes the fixed rows; returns the number of establishment rows written. */
    static long writeFixedSirene(RowWriter etab, RowWriter ul) throws IOException {
        long n = 0;
        // 1. ASSOCIATION SERVICES MEDIATION (user guide, step 4): current siège 47992882200069, old siège closed
        String oldAssoNic = nic(SIREN_ASSO, 1); // 00010
        etab.row(fixedEtab(SIREN_ASSO, oldAssoNic, "2009-11-02", "2015-03-31", false, "F", "NN", null,
            null, "14", null, "RUE", "DU DOCTEUR ROUX", "13700", "MARIGNANE", "13054", null, "88.99B", "N"));
        etab.row(fixedEtab(SIREN_ASSO, "00069", "2015-04-01", "2015-04-01", true, "A", "03", "2022",
            "CENTRE CIAL LE SAINT PIERRE", null, null, "RUE", "DE FIGUERAS", "13700", "ST VICTORET", "13102",
            null, "88.99B", "O"));
        n += 2;
        ul.row(fixedUl(SIREN_ASSO, "2009-11-02", null, "ASSOCIATION SERVICES MEDIATION", "9220", "88.99B",
            "00069", "03", "A", "W133012345", "O"));

        // 2. KALINKA (user guide, step 7): 23 PL THIARS 13001 MARSEILLE 01
        etab.row(fixedEtab(SIREN_KALINKA, "00015", "2015-04-20", "2015-04-20", true, "A", "02", "2022",
            null, "23", null, "PL", "THIARS", "13001", "MARSEILLE 01", "13201", "KALINKA", "62.01Z", "O"));
        n += 1;
        ul.row(fixedUl(SIREN_KALINKA, "2015-04-20", null, "KALINKA", "5710", "62.01Z", "00015", "02", "A", null,
            "N"));

        // 3. CEGEDIM LOGICIELS MEDICAUX FRANCE: software editor (cegedim01a)
        String cegSiege = nic(SIREN_CEGEDIM, 1);
        String cegSecond = nic(SIREN_CEGEDIM, 2);
        etab.row(fixedEtab(SIREN_CEGEDIM, cegSiege, "2021-09-01", "2021-09-01", true, "A", "22", "2022",
            "IMMEUBLE LE NEPTUNE", "12", null, "RUE", "DU DOCTEUR ROUX", "92100", "BOULOGNE-BILLANCOURT", "92012",
            null, "58.29C", "O"));
        etab.row(fixedEtab(SIREN_CEGEDIM, cegSecond, "2022-01-10", "2022-01-10", false, "A", "12", "2022",
            null, "5", "B", "AV", "DE LA TECHNOPOLE", "31670", "LABEGE", "31254", null, "58.29C", "O"));
        n += 2;
        ul.row(fixedUl(SIREN_CEGEDIM, "2021-09-01", "CLMF", "CEGEDIM LOGICIELS MEDICAUX FRANCE", "5710", "58.29C",
            cegSiege, "22", "A", null, "N"));

        // 4. DISTRIMED SERVICES: distributor, edits nothing (fields with a comma and a double quote on purpose)
        String distNic = nic(SIREN_DISTRIMED, 1);
        String[] dist = fixedEtab(SIREN_DISTRIMED, distNic, "2021-11-15", "2021-11-15", true, "A", "11", "2022",
            null, "8", null, "AV", "DE LA GARE", "69003", "LYON 03", "69383", "DISTRIMED, LOGICIELS ET SERVICES",
            "46.51Z", "O");
        dist[E_ENS2] = "DISTRIMED \"SANTE\"";
        etab.row(dist);
        n += 1;
        ul.row(fixedUl(SIREN_DISTRIMED, "2021-11-15", null, "DISTRIMED SERVICES", "5499", "46.51Z", distNic, "11",
            "A", null, "N"));

        // 5. SOCIETE FERMEE TEST: valid SIRET of a closed establishment (legal unit ceased)
        String fermeeNic = nic(SIREN_FERMEE, 1);
        etab.row(fixedEtab(SIREN_FERMEE, fermeeNic, "2021-10-04", "2023-06-30", true, "F", "NN", null,
            null, "12", "B", "RUE", "DES LILAS", "31000", "TOULOUSE", "31555", null, "62.01Z", "N"));
        n += 1;
        ul.row(fixedUl(SIREN_FERMEE, "2021-10-04", null, "SOCIETE FERMEE TEST", "5710", "62.01Z", fermeeNic, null,
            "C", null, "N"));

        // 6. LA POSTE: SIRETs follow the "sum of digits multiple of 5" rule instead of Luhn
        etab.row(fixedEtab(SIREN_LA_POSTE, "00048", "1991-01-01", "2010-03-01", true, "A", "53", "2022",
            null, "9", null, "RUE", "DU COLONEL PIERRE AVIA", "75015", "PARIS 15", "75115", null, "53.10Z", "O"));
        etab.row(fixedEtab(SIREN_LA_POSTE, "00042", "1991-01-01", "2016-05-01", false, "A", "11", "2022",
            null, "4", null, "PL", "DE LA POSTE", "13700", "MARIGNANE", "13054", "LA POSTE", "53.10Z", "O"));
        n += 2;
        ul.row(fixedUl(SIREN_LA_POSTE, "1991-01-01", null, "LA POSTE", "5599", "53.10Z", "00048", "53", "A", null,
            "N"));
        return n;
    }

    static String[] fixedEtab(String siren, String nic, String created, String debut, boolean siege, String etat,
                              String tranche, String anneeEff, String compl, String num, String ind, String type,
                              String lib, String cp, String commune, String codeCommune, String enseigne,
                              String ape, String employeur) {
        String[] e = new String[ETAB_HEADER.length];
        e[E_SIREN] = siren;
        e[E_NIC] = nic;
        e[E_SIRET] = siren + nic;
        e[E_STATUT] = "O";
        e[E_DATE_CREA] = created;
        e[E_TRANCHE] = tranche;
        e[E_ANNEE_EFF] = anneeEff;
        e[E_DDT] = debut.compareTo("2024-01-15") > 0 ? debut + "T09:12:44" : "2024-01-15T09:12:44";
        e[E_SIEGE] = siege ? "true" : "false";
        e[E_NB_PER] = created.equals(debut) ? "1" : "2";
        e[E_COMPL] = compl;
        e[E_NUM] = num;
        e[E_IND] = ind;
        e[E_TYPE] = type;
        e[E_LIB] = lib;
        e[E_CP] = cp;
        e[E_COMMUNE] = commune;
        e[E_CODE_COMMUNE] = codeCommune;
        e[E_DATE_DEBUT] = debut;
        e[E_ETAT] = etat;
        e[E_ENS1] = enseigne;
        e[E_APE] = ape;
        e[E_NOMENCL] = "NAFRev2";
        e[E_EMPLOYEUR] = employeur;
        return e;
    }

    static String[] fixedUl(String siren, String created, String sigle, String denomination, String catJur,
                            String ape, String nicSiege, String tranche, String etat, String idAsso,
                            String ess) {
        String[] u = new String[UL_HEADER.length];
        u[U_SIREN] = siren;
        u[U_STATUT] = "O";
        u[U_DATE_CREA] = created;
        u[U_SIGLE] = sigle;
        u[U_ID_ASSO] = idAsso;
        u[U_TRANCHE] = tranche;
        u[U_ANNEE_EFF] = tranche == null || tranche.equals("NN") ? null : "2022";
        u[U_DDT] = etat.equals("C") ? "2023-07-04T10:21:05" : "2024-01-15T09:12:44";
        u[U_NB_PER] = etat.equals("C") ? "2" : "1";
        if (etat.equals("A")) {
            u[U_CAT_ENT] = tranche != null && tranche.compareTo("50") > 0 ? "GE" : "PME";
            u[U_ANNEE_CAT] = "2022";
        }
        u[U_DATE_DEBUT] = etat.equals("C") ? "2023-06-30" : created;
        u[U_ETAT] = etat;
        u[U_DENOM] = denomination;
        u[U_CAT_JUR] = catJur;
        u[U_APE] = ape;
        u[U_NOMENCL] = "NAFRev2";
        u[U_NIC_SIEGE] = nicSiege;
        u[U_ESS] = ess;
        u[U_EMPLOYEUR] = tranche == null || tranche.equals("NN") || tranche.equals("00") ? "N" : "O";
        return u;
    }

    // ------------------------------------------------------------------------------------------------
    // ANS referenced solutions
    // ------------------------------------------------------------------------------------------------

    record Couloir(String label, String code, String[] types, boolean wave2) { }

    static final Couloir[] COULOIRS = {
        new Couloir("Hôpital", "HOP", new String[]{"DPI", "DPI", "PFI", "RI"}, true),
        new Couloir("Biologie médicale", "BIO", new String[]{"SGL"}, true),
        new Couloir("Radiologie", "RAD", new String[]{"RIS", "RIS", "DRIMbox"}, true),
        new Couloir("Médecin de ville", "MDV", new String[]{"LGC"}, true),
        new Couloir("Officine", "OFF", new String[]{"LGO"}, true),
        new Couloir("Social et médico-social", "ESMS", new String[]{"DUI"}, true),
        new Couloir("Opérateurs MSSanté", "MSS", new String[]{"MSS"}, false),
        new Couloir("Service d'accès aux soins", "SAS", new String[]{"SAS"}, false),
    };
    static final int[] COULOIR_W = {24, 8, 10, 22, 10, 15, 7, 4};

    record Editor(String siren, String name) { }

    void writeAns() throws IOException {
        // editors: the first eligible software companies of the SIRENE sample (same seed, same size)
        int randomEditors = Math.max(0, editors - 3);
        List<Editor> eds = new ArrayList<>();
        long written = 0;
        for (long i = 0; written < establishments && eds.size() < randomEditors; i++) {
            Company c = company(seed, i);
            if (c == null) continue;
            written += Math.min(c.plannedEstabs, establishments - written);
            if (c.kind == Kind.SOFTWARE && !c.closed) eds.add(new Editor(c.siren, c.denomination));
        }
        SplittableRandom r = new SplittableRandom(mix(seed, 0, 3));
        Set<String> numbers = new HashSet<>(List.of("0215jug63a", "aafy63256", "cegedim01a", "retire001x"));
        int rows = 0;
        try (RowWriter w = RowWriter.open(out, ANS_FILE, false, ',', "\n", StandardCharsets.UTF_8)) {
            w.row(ANS_HEADER);
            w.row(new String[]{"0215jug63a", "RADIO RIS LOGICIEL 1", "2.1", SIREN_KALINKA, "KALINKA", "Radiologie",
                "RIS", "DSR-RAD-RIS-Va1", "1", "2022-03-15", "REFERENCE"});
            w.row(new String[]{"aafy63256", "MY RADIO RIS", "1.1", SIREN_ASSO, "ASSOCIATION SERVICES MEDIATION",
                "Radiologie", "RIS", "DSR-RAD-RIS-Va1", "1", "2022-05-10", "REFERENCE"});
            w.row(new String[]{"cegedim01a", "CEGEDIM MEDECIN LGC", "12.0", SIREN_CEGEDIM,
                "CEGEDIM LOGICIELS MEDICAUX FRANCE", "Médecin de ville", "LGC", "DSR-MDV-LGC-Va1", "1", "2022-02-01",
                "REFERENCE"});
            w.row(new String[]{"retire001x", "ANCIEN DPI KALINKA", "3.4", SIREN_KALINKA, "KALINKA", "Hôpital", "DPI",
                "DSR-HOP-DPI-Va1", "1", "2021-12-06", "RETIRE"});
            rows += 4;
            int remaining = Math.max(0, solutions - rows);
            if (eds.isEmpty() && remaining > 0) {
                System.err.println("WARNING: no random editor available (too few establishments)");
                remaining = 0;
            }
            int e = 0;
            for (int s = 0; s < remaining; s++) {
                // every editor gets one solution, the rest go to random editors (some have several)
                Editor ed = s < eds.size() ? eds.get(e++) : eds.get(r.nextInt(eds.size()));
                Couloir c = COULOIRS[weightedIndex(r, COULOIR_W)];
                String type = pick(r, c.types());
                int vague = c.wave2() && chance(r, 0.28) ? 2 : 1;
                long d = vague == 1
                    ? day(r, LocalDate.of(2021, 9, 1).toEpochDay(), LocalDate.of(2023, 6, 30).toEpochDay())
                    : day(r, LocalDate.of(2023, 9, 1).toEpochDay(), LocalDate.of(2025, 6, 30).toEpochDay());
                String numero;
                do {
                    numero = referenceNumber(r);
                } while (!numbers.add(numero));
                w.row(new String[]{numero, softwareName(r, ed, type), version(r), ed.siren(), ed.name(), c.label(),
                    type, "DSR-" + c.code() + "-" + type + "-Va" + vague, Integer.toString(vague), date(d),
                    chance(r, 0.04) ? "RETIRE" : "REFERENCE"});
                rows++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d solutions from %d editors%n", ANS_FILE, rows,
            Math.min(eds.size(), Math.max(0, solutions - 4)) + 3);
    }

    static int weightedIndex(SplittableRandom r, int[] w) {
        int total = 0;
        for (int x : w) total += x;
        int p = r.nextInt(total);
        for (int i = 0; i < w.length; i++) {
            p -= w[i];
            if (p < 0) return i;
        }
        return w.length - 1;
    }

    static String referenceNumber(SplittableRandom r) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        int len = r.nextInt(9, 11);
        char[] c = new char[len];
        int digits = 0;
        for (int i = 0; i < len; i++) {
            boolean digit = chance(r, 0.45);
            c[i] = digit ? (char) ('0' + r.nextInt(10)) : letters.charAt(r.nextInt(26));
            if (digit) digits++;
        }
        if (digits < 2) {
            c[len - 1] = (char) ('0' + r.nextInt(10));
            c[len - 2] = (char) ('0' + r.nextInt(10));
        }
        if (digits > len - 2) {
            c[0] = letters.charAt(r.nextInt(26));
            c[1] = letters.charAt(r.nextInt(26));
        }
        return new String(c);
    }

    static String softwareName(SplittableRandom r, Editor ed, String type) {
        String first = ed.name().split("[ ,]")[0];
        String brand = first.length() >= 4 && !first.equals("SOCIETE") ? first : brand(r);
        String label = switch (type) {
            case "DRIMbox" -> "DRIMBOX";
            case "MSS" -> "MESSAGERIE";
            case "SAS" -> "SAS AGENDA";
            default -> type;
        };
        double x = r.nextDouble();
        if (x < 0.4) return brand + " " + label;
        if (x < 0.6) return brand + " " + label + " " + r.nextInt(1, 10);
        if (x < 0.8) return brand(r) + " " + label;
        return brand + pick(r, new String[]{" NEXT", " ONE", " PRO", " NG", " CLOUD", " SUITE"});
    }

    static String version(SplittableRandom r) {
        String v = r.nextInt(1, 13) + "." + r.nextInt(0, 10);
        return chance(r, 0.4) ? v + "." + r.nextInt(0, 20) : v;
    }

    // ------------------------------------------------------------------------------------------------
    // Banks (ECB list of financial institutions, French rows)
    // ------------------------------------------------------------------------------------------------

    /** bank code; BIC (11); name; address; postal; city. Only well-known, publicly documented facts. */
    static final String[][] BANKS = {
        {"30004", "BNPAFRPPXXX", "BNP PARIBAS", "16 BOULEVARD DES ITALIENS", "75009", "PARIS"},
        {"30003", "SOGEFRPPXXX", "SOCIETE GENERALE", "29 BOULEVARD HAUSSMANN", "75009", "PARIS"},
        {"20041", "PSSTFRPPXXX", "LA BANQUE POSTALE", "115 RUE DE SEVRES", "75006", "PARIS"},
        {"30002", "CRLYFRPPXXX", "LCL - LE CREDIT LYONNAIS", "18 RUE DE LA REPUBLIQUE", "69002", "LYON"},
        {"30066", "CMCIFRPPXXX", "CIC", "6 AVENUE DE PROVENCE", "75009", "PARIS"},
        {"10278", "CMCIFR2AXXX", "CREDIT MUTUEL", "4 RUE FREDERIC-GUILLAUME RAIFFEISEN", "67000", "STRASBOURG"},
        {"30006", "AGRIFRPPXXX", "CREDIT AGRICOLE S.A.", "12 PLACE DES ETATS-UNIS", "92120", "MONTROUGE"},
        {"10107", "BREDFRPPXXX", "BRED BANQUE POPULAIRE", "18 QUAI DE LA RAPEE", "75012", "PARIS"},
        {"16188", "BPCEFRPPXXX", "BPCE", "50 AVENUE PIERRE MENDES FRANCE", "75013", "PARIS"},
        {"30007", "NATXFRPPXXX", "NATIXIS", "30 AVENUE PIERRE MENDES FRANCE", "75013", "PARIS"},
        {"40618", "BOUSFRPPXXX", "BOURSOBANK", "44 RUE TRAVERSIERE", "92100", "BOULOGNE-BILLANCOURT"},
        {"30056", "CCFRFRPPXXX", "HSBC CONTINENTAL EUROPE", "38 AVENUE KLEBER", "75116", "PARIS"},
        {"12548", "AXABFRPPXXX", "AXA BANQUE", "", "", "FONTENAY-SOUS-BOIS"},
        {"42559", "CCOPFRPPXXX", "CREDIT COOPERATIF", "12 BOULEVARD PESARO", "92000", "NANTERRE"},
        {"40978", "BSPFFRPPXXX", "BANQUE PALATINE", "42 RUE D'ANJOU", "75008", "PARIS"},
        {"30788", "NSMBFRPPXXX", "BANQUE NEUFLIZE OBC", "3 AVENUE HOCHE", "75008", "PARIS"},
        {"15589", "CMBRFR2BXXX", "CREDIT MUTUEL DE BRETAGNE", "1 RUE LOUIS LICHOU", "29480", "LE RELECQ-KERHUON"},
        {"15629", "CMCIFR2AXXX", "CREDIT MUTUEL NORD EUROPE", "4 PLACE RICHEBE", "59000", "LILLE"},
        // Caisses d'Epargne (BIC CEPAFRPP + 3 digits)
        {"17515", "CEPAFRPP751", "CAISSE D'EPARGNE ILE DE FRANCE", "26 RUE NEUVE TOLBIAC", "75013", "PARIS"},
        {"13135", "CEPAFRPP313", "CE MID PYRENEES TOULOUSE", "10 AVENUE MAXWELL", "31100", "TOULOUSE"},
        {"11315", "CEPAFRPP131", "CAISSE D'EPARGNE PROVENCE ALPES CORSE", "", "", "MARSEILLE"},
        {"13485", "CEPAFRPP348", "CAISSE D'EPARGNE LANGUEDOC ROUSSILLON", "", "", "MONTPELLIER"},
        {"14445", "CEPAFRPP444", "CAISSE D'EPARGNE BRETAGNE PAYS DE LOIRE", "", "", "NANTES"},
        {"16275", "CEPAFRPP627", "CAISSE D'EPARGNE HAUTS DE FRANCE", "", "", "LILLE"},
        {"13825", "CEPAFRPP382", "CAISSE D'EPARGNE RHONE ALPES", "", "", "LYON"},
        {"18315", "CEPAFRPP831", "CAISSE D'EPARGNE COTE D'AZUR", "", "", "NICE"},
        {"14505", "CEPAFRPP450", "CAISSE D'EPARGNE LOIRE-CENTRE", "", "", "ORLEANS"},
        {"11425", "CEPAFRPP142", "CAISSE D'EPARGNE NORMANDIE", "", "", "BOIS-GUILLAUME"},
        {"13335", "CEPAFRPP333", "CAISSE D'EPARGNE AQUITAINE POITOU-CHARENTES", "", "", "BORDEAUX"},
        {"14265", "CEPAFRPP426", "CAISSE D'EPARGNE LOIRE DROME ARDECHE", "", "", "SAINT-ETIENNE"},
        {"12135", "CEPAFRPP213", "CAISSE D'EPARGNE BOURGOGNE FRANCHE-COMTE", "", "", "DIJON"},
        {"18715", "CEPAFRPP871", "CAISSE D'EPARGNE AUVERGNE LIMOUSIN", "", "", "CLERMONT-FERRAND"},
        // Banques Populaires (BIC CCBPFRPP + 3 letters)
        {"17807", "CCBPFRPPTLS", "BANQUE POPULAIRE OCCITANE", "33-43 AVENUE GEORGES POMPIDOU", "31130", "BALMA"},
        {"10907", "CCBPFRPPBDX", "BANQUE POPULAIRE AQUITAINE CENTRE ATLANTIQUE", "", "", "BORDEAUX"},
        {"16607", "CCBPFRPPPPG", "BANQUE POPULAIRE DU SUD", "", "", "PERPIGNAN"},
        {"14707", "CCBPFRPPMTZ", "BANQUE POPULAIRE ALSACE LORRAINE CHAMPAGNE", "", "", "METZ"},
        {"13807", "CCBPFRPPNAN", "BANQUE POPULAIRE GRAND OUEST", "", "", "SAINT-GREGOIRE"},
        {"10207", "CCBPFRPPMTG", "BANQUE POPULAIRE RIVES DE PARIS", "", "", "PARIS"},
        {"18707", "CCBPFRPPVER", "BANQUE POPULAIRE VAL DE FRANCE", "", "", "SAINT-QUENTIN-EN-YVELINES"},
        {"16807", "CCBPFRPPGRE", "BANQUE POPULAIRE AUVERGNE RHONE ALPES", "", "", "LYON"},
        {"14607", "CCBPFRPPMAR", "BANQUE POPULAIRE MEDITERRANEE", "", "", "MARSEILLE"},
        {"10807", "CCBPFRPPDJN", "BANQUE POPULAIRE BOURGOGNE FRANCHE-COMTE", "", "", "DIJON"},
        {"13507", "CCBPFRPPLIL", "BANQUE POPULAIRE DU NORD", "", "", "MARCQ-EN-BAROEUL"},
        // Caisses regionales de Credit Agricole (BIC AGRIFRPP + 3 digits)
        {"18206", "AGRIFRPP882", "CREDIT AGRICOLE DE PARIS ET D'ILE-DE-FRANCE", "", "", "PARIS"},
        {"13106", "AGRIFRPP831", "CREDIT AGRICOLE TOULOUSE 31", "", "", "TOULOUSE"},
        {"11306", "AGRIFRPP813", "CREDIT AGRICOLE ALPES PROVENCE", "", "", "AIX-EN-PROVENCE"},
        {"19106", "AGRIFRPP891", "CREDIT AGRICOLE PROVENCE COTE D'AZUR", "", "", "SAINT-LAURENT-DU-VAR"},
        {"13306", "AGRIFRPP833", "CREDIT AGRICOLE D'AQUITAINE", "", "", "BORDEAUX"},
        {"17806", "AGRIFRPP878", "CREDIT AGRICOLE CENTRE-EST", "", "", "CHAMPAGNE-AU-MONT-D'OR"},
        {"13506", "AGRIFRPP835", "CREDIT AGRICOLE DU LANGUEDOC", "", "", "MAUGUIO"},
        {"16706", "AGRIFRPP867", "CREDIT AGRICOLE NORD DE FRANCE", "", "", "LILLE"},
        {"18106", "AGRIFRPP881", "CREDIT AGRICOLE DES SAVOIE", "", "", "ANNECY"},
        {"13906", "AGRIFRPP839", "CREDIT AGRICOLE SUD RHONE ALPES", "", "", "GRENOBLE"},
        {"16906", "AGRIFRPP869", "CREDIT AGRICOLE PYRENEES GASCOGNE", "", "", "SERRES-CASTET"},
        {"12906", "AGRIFRPP829", "CREDIT AGRICOLE DU FINISTERE", "", "", "QUIMPER"},
        {"13606", "AGRIFRPP836", "CREDIT AGRICOLE ILLE-ET-VILAINE", "", "", "RENNES"},
        {"17206", "AGRIFRPP872", "CREDIT AGRICOLE NORD MIDI-PYRENEES", "", "", "ALBI"},
        {"12506", "AGRIFRPP825", "CREDIT AGRICOLE FRANCHE-COMTE", "", "", "BESANCON"},
        {"14806", "AGRIFRPP848", "CREDIT AGRICOLE CENTRE LOIRE", "", "", "ORLEANS"},
        {"12206", "AGRIFRPP822", "CREDIT AGRICOLE DE LA CORSE", "", "", "AJACCIO"},
    };

    void writeBanks() throws IOException {
        Charset cs = banksUtf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8; // UTF_16 writes a BOM
        int rows = 0;
        try (RowWriter w = RowWriter.open(out, BANK_FILE, false, '\t', "\r\n", cs)) {
            w.row(BANK_HEADER);
            for (String[] b : BANKS) {
                w.row(new String[]{"FR" + b[0], b[1], "FR", b[2], "", b[3], b[4], b[5], "Credit institution S122",
                    "", "", "", "Y", "N"});
                rows++;
            }
            // one foreign row: the real file lists the whole euro area, importers must filter on FR
            w.row(new String[]{"ES0049", "BSCHESMMXXX", "ES", "Banco Santander, S.A.", "", "Paseo de Pereda, 9-12",
                "39004", "Santander", "Credit institution S122", "", "", "", "Y", "N"});
            rows++;
        }
        System.out.printf(Locale.ROOT, "%s: %d institutions (%d FR + 1 ES)%n", BANK_FILE, rows, rows - 1);
    }

    // ------------------------------------------------------------------------------------------------
    // Writing
    // ------------------------------------------------------------------------------------------------

    /** Streams delimited rows; RFC 4180 quoting when a value holds the delimiter, a quote, CR or LF. */
    static final class RowWriter implements AutoCloseable {
        final Writer w;
        final char sep;
        final String eol;
        final StringBuilder sb = new StringBuilder(1024);
        final ZipOutputStream zipStream;

        private RowWriter(Writer w, char sep, String eol, ZipOutputStream zip) {
            this.w = w;
            this.sep = sep;
            this.eol = eol;
            this.zipStream = zip;
        }

        static RowWriter open(Path dir, String name, boolean zip, char sep, String eol, Charset cs)
            throws IOException {
            return open(dir, name, zip, sep, eol, cs, 6);
        }

        static RowWriter open(Path dir, String name, boolean zip, char sep, String eol, Charset cs, int level)
            throws IOException {
            String fileName = name.endsWith(".csv") || name.endsWith(".tsv") ? name : name + ".csv";
            if (zip) {
                String zipName = fileName.replaceAll("\\.[ct]sv$", "") + ".zip";
                OutputStream os = new BufferedOutputStream(Files.newOutputStream(dir.resolve(zipName)), 1 << 16);
                ZipOutputStream z = new ZipOutputStream(os);
                z.setLevel(level);
                ZipEntry entry = new ZipEntry(fileName);
                entry.setTimeLocal(LocalDate.of(2025, 7, 1).atStartOfDay()); // deterministic, time-zone free
                z.putNextEntry(entry);
                return new RowWriter(new BufferedWriter(new OutputStreamWriter(z, cs), 1 << 20), sep, eol, z);
            }
            OutputStream os = Files.newOutputStream(dir.resolve(fileName));
            return new RowWriter(new BufferedWriter(new OutputStreamWriter(os, cs), 1 << 20), sep, eol, null);
        }

        void row(String[] values) throws IOException {
            sb.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) sb.append(sep);
                String v = values[i];
                if (v == null || v.isEmpty()) continue;
                boolean quote = false;
                for (int k = 0; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    if (ch == sep || ch == '"' || ch == '\n' || ch == '\r') {
                        quote = true;
                        break;
                    }
                }
                if (quote) sb.append('"').append(v.replace("\"", "\"\"")).append('"');
                else sb.append(v);
            }
            sb.append(eol);
            w.append(sb);
        }

        @Override
        public void close() throws IOException {
            w.flush();
            if (zipStream != null) {
                zipStream.closeEntry();
                zipStream.finish();
            }
            w.close();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Checker (--check): streaming re-read and validation of the files in a directory
    // ------------------------------------------------------------------------------------------------

    static final class Checker {
        final Path dir;
        int errors;

        Checker(Path dir) { this.dir = dir; }

        void error(String m) {
            if (errors++ < 30) System.err.println("CHECK ERROR: " + m);
        }

        Reader open(String base, String ext, Charset cs) throws IOException {
            Path plain = dir.resolve(base + ext);
            if (Files.exists(plain)) return new BufferedReader(new InputStreamReader(
                new BufferedInputStream(Files.newInputStream(plain), 1 << 16), cs), 1 << 20);
            Path z = dir.resolve(base + ".zip");
            if (Files.exists(z)) {
                ZipInputStream zin = new ZipInputStream(new BufferedInputStream(Files.newInputStream(z), 1 << 16));
                ZipEntry en = zin.getNextEntry();
                if (en == null || !en.getName().equals(base + ext)) error(z + ": entry " + (en == null ? null
                    : en.getName()));
                return new BufferedReader(new InputStreamReader(zin, cs), 1 << 20);
            }
            return null;
        }

        boolean run() throws IOException {
            long[] ulSirens = checkUl();
            checkEtab(ulSirens);
            checkAns(ulSirens);
            checkBanks();
            System.out.println(errors == 0 ? "check: OK" : "check: " + errors + " error(s)");
            return errors == 0;
        }

        long[] checkUl() throws IOException {
            Reader in = open(UL_FILE, ".csv", StandardCharsets.UTF_8);
            if (in == null) {
                System.out.println("check: no " + UL_FILE);
                return null;
            }
            LongList sirens = new LongList();
            long active = 0;
            try (CsvReader r = new CsvReader(in, ',')) {
                List<String> h = r.next();
                if (!Arrays.asList(UL_HEADER).equals(h)) error(UL_FILE + " header differs");
                List<String> f;
                while ((f = r.next()) != null) {
                    if (f.size() != UL_HEADER.length) {
                        error(UL_FILE + " line " + r.line + ": " + f.size() + " columns");
                        continue;
                    }
                    String s = f.get(U_SIREN);
                    if (s.length() != 9 || !(luhn(s) || s.equals(SIREN_LA_POSTE))) error("bad siren " + s);
                    if ("A".equals(f.get(U_ETAT))) active++;
                    if (f.get(U_DENOM).isEmpty() && f.get(U_NOM).isEmpty()) error("no name for " + s);
                    sirens.add(Long.parseLong(s));
                }
            }
            long[] a = sirens.sorted();
            for (int i = 1; i < a.length; i++) if (a[i] == a[i - 1]) error("duplicate siren " + a[i]);
            System.out.printf(Locale.ROOT, "check: %s %d legal units (%d active)%n", UL_FILE, a.length, active);
            return a;
        }

        void checkEtab(long[] ulSirens) throws IOException {
            Reader in = open(ETAB_FILE, ".csv", StandardCharsets.UTF_8);
            if (in == null) {
                System.out.println("check: no " + ETAB_FILE);
                return;
            }
            LongList sirets = new LongList();
            long closed = 0;
            long quoted = 0;
            try (CsvReader r = new CsvReader(in, ',')) {
                List<String> h = r.next();
                if (h.size() != 54 || !Arrays.asList(ETAB_HEADER).equals(h)) error(ETAB_FILE + " header differs");
                List<String> f;
                while ((f = r.next()) != null) {
                    if (f.size() != 54) {
                        error(ETAB_FILE + " line " + r.line + ": " + f.size() + " columns");
                        continue;
                    }
                    String siren = f.get(E_SIREN), nic = f.get(E_NIC), siret = f.get(E_SIRET);
                    if (!siret.equals(siren + nic) || nic.length() != 5) error("siret != siren+nic: " + siret);
                    if (!validSiret(siret)) error("invalid SIRET " + siret);
                    if (!siren.equals(SIREN_LA_POSTE) && !luhn(siren)) error("invalid SIREN " + siren);
                    if (ulSirens != null && Arrays.binarySearch(ulSirens, Long.parseLong(siren)) < 0) {
                        error("siren without legal unit " + siren);
                    }
                    if ("F".equals(f.get(E_ETAT))) closed++;
                    if (r.lastRowQuoted) quoted++;
                    if (!f.get(E_DATE_CREA).matches("\\d{4}-\\d{2}-\\d{2}")) error("date " + f.get(E_DATE_CREA));
                    if (!f.get(E_DDT).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) error("ddt " + siret);
                    sirets.add(Long.parseLong(siret));
                }
            }
            long[] a = sirets.sorted();
            for (int i = 1; i < a.length; i++) if (a[i] == a[i - 1]) error("duplicate siret " + a[i]);
            System.out.printf(Locale.ROOT, "check: %s %d establishments, %d closed (%.1f %%), %d rows with quoted"
                + " fields%n", ETAB_FILE, a.length, closed, a.length == 0 ? 0.0 : 100.0 * closed / a.length, quoted);
        }

        void checkAns(long[] ulSirens) throws IOException {
            Reader in = open(ANS_FILE.replace(".csv", ""), ".csv", StandardCharsets.UTF_8);
            if (in == null) return;
            Set<String> numbers = new HashSet<>();
            Set<String> eds = new LinkedHashSet<>();
            Set<String> couloirs = new HashSet<>();
            for (Couloir c : COULOIRS) couloirs.add(c.label());
            Set<String> types = Set.of("DPI", "PFI", "RI", "SGL", "RIS", "DRIMbox", "LGC", "LGO", "DUI", "MSS",
                "SAS");
            int rows = 0;
            try (CsvReader r = new CsvReader(in, ',')) {
                if (!Arrays.asList(ANS_HEADER).equals(r.next())) error(ANS_FILE + " header differs");
                List<String> f;
                while ((f = r.next()) != null) {
                    rows++;
                    if (f.size() != ANS_HEADER.length) {
                        error(ANS_FILE + " line " + r.line + ": " + f.size() + " columns");
                        continue;
                    }
                    if (!numbers.add(f.get(0))) error("duplicate numero " + f.get(0));
                    if (!f.get(0).matches("[a-z0-9]{9,10}")) error("numero " + f.get(0));
                    if (!couloirs.contains(f.get(5))) error("couloir " + f.get(5));
                    if (!types.contains(f.get(6))) error("type " + f.get(6));
                    if (!f.get(7).matches("DSR-[A-Z]+-" + f.get(6) + "-Va" + f.get(8))) error("dsr " + f.get(7));
                    if (!Set.of("REFERENCE", "RETIRE").contains(f.get(10))) error("statut " + f.get(10));
                    if (ulSirens != null && Arrays.binarySearch(ulSirens, Long.parseLong(f.get(3))) < 0) {
                        error("editor not in SIRENE: " + f.get(3));
                    }
                    eds.add(f.get(3));
                }
            }
            System.out.printf(Locale.ROOT, "check: %s %d solutions, %d editors%n", ANS_FILE, rows, eds.size());
        }

        void checkBanks() throws IOException {
            Path p = dir.resolve(BANK_FILE);
            if (!Files.exists(p)) return;
            byte[] head = new byte[2];
            try (InputStream is = Files.newInputStream(p)) {
                is.read(head);
            }
            boolean utf16 = (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE);
            Reader in = open(BANK_FILE.replace(".tsv", ""), ".tsv",
                utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
            int rows = 0;
            try (CsvReader r = new CsvReader(in, '\t')) {
                if (!Arrays.asList(BANK_HEADER).equals(r.next())) error(BANK_FILE + " header differs");
                List<String> f;
                while ((f = r.next()) != null) {
                    rows++;
                    if (f.size() != BANK_HEADER.length) error(BANK_FILE + " line " + r.line + ": " + f.size());
                    else if (f.get(2).equals("FR") && !f.get(0).matches("FR\\d{5}")) error("riad " + f.get(0));
                    else if (!f.get(1).matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) error("bic " + f.get(1));
                }
            }
            System.out.printf(Locale.ROOT, "check: %s %d institutions (%s)%n", BANK_FILE, rows,
                utf16 ? "UTF-16" : "UTF-8");
        }
    }

    /** Minimal streaming RFC 4180 reader (quoted fields may hold separators, quotes and line breaks). */
    static final class CsvReader implements AutoCloseable {
        final Reader in;
        final char sep;
        long line;
        boolean lastRowQuoted;
        int peeked = -2;

        CsvReader(Reader in, char sep) {
            this.in = in;
            this.sep = sep;
        }

        int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        List<String> next() throws IOException {
            int c = read();
            if (c == -1) return null;
            if (c == 0xFEFF) c = read(); // BOM
            line++;
            lastRowQuoted = false;
            List<String> fields = new ArrayList<>(60);
            StringBuilder b = new StringBuilder();
            boolean inQuotes = false;
            while (true) {
                if (c == -1) {
                    fields.add(b.toString());
                    return fields;
                }
                if (inQuotes) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') b.append('"');
                        else {
                            inQuotes = false;
                            c = d;
                            continue;
                        }
                    } else b.append((char) c);
                } else if (c == '"' && b.length() == 0) {
                    inQuotes = true;
                    lastRowQuoted = true;
                } else if (c == sep) {
                    fields.add(b.toString());
                    b.setLength(0);
                } else if (c == '\r') {
                    int d = read();
                    if (d != '\n') peeked = d;
                    fields.add(b.toString());
                    return fields;
                } else if (c == '\n') {
                    fields.add(b.toString());
                    return fields;
                } else b.append((char) c);
                c = read();
            }
        }

        @Override
        public void close() throws IOException { in.close(); }
    }

    static final class LongList {
        long[] a = new long[1024];
        int n;

        void add(long v) {
            if (n == a.length) a = Arrays.copyOf(a, a.length * 2);
            a[n++] = v;
        }

        long[] sorted() {
            long[] r = Arrays.copyOf(a, n);
            Arrays.sort(r);
            return r;
        }
    }
}
