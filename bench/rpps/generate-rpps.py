#!/usr/bin/env python3
"""Writes an RPPS extraction shaped like the ANS's ps-libreacces-personne-activite.txt (same header, UTF-8,
'|'-separated with a trailing '|', one line per activity, 1 to 3 activities per professional, ADELI lines
among them) to stdout or a file, streamed: the real file is about 760 MB, so is this one by default.

    bench/rpps/generate-rpps.py /tmp/rpps-bench.txt            # ~760 MB
    bench/rpps/generate-rpps.py /tmp/rpps-quarter.txt 190      # ~190 MB
"""
import random
import sys

HEADER = ("Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|"
          "Libellé civilité exercice|Code civilité|Libellé civilité|Nom d'exercice|Prénom d'exercice|"
          "Code profession|Libellé profession|Code catégorie professionnelle|Libellé catégorie professionnelle|"
          "Code type savoir-faire|Libellé type savoir-faire|Code savoir-faire|Libellé savoir-faire|"
          "Code mode exercice|Libellé mode exercice|Numéro SIRET site|Numéro SIREN site|Numéro FINESS site|"
          "Numéro FINESS établissement juridique|Identifiant technique de la structure|Raison sociale site|"
          "Enseigne commerciale site|Complément destinataire (coord. structure)|"
          "Complément point géographique (coord. structure)|Numéro Voie (coord. structure)|"
          "Indice répétition voie (coord. structure)|Code type de voie (coord. structure)|"
          "Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|"
          "Mention distribution (coord. structure)|Bureau cedex (coord. structure)|"
          "Code postal (coord. structure)|Code commune (coord. structure)|Libellé commune (coord. structure)|"
          "Code pays (coord. structure)|Libellé pays (coord. structure)|Téléphone (coord. structure)|"
          "Téléphone 2 (coord. structure)|Télécopie (coord. structure)|Adresse e-mail (coord. structure)|"
          "Code département (coord. structure)|Libellé département (coord. structure)|"
          "Ancien identifiant de la structure|Autorité d'enregistrement|Code secteur d'activité|"
          "Libellé secteur d'activité|Code section tableau pharmaciens|Libellé section tableau pharmaciens|"
          "Code fonction|Libellé fonction|Code genre d'activité|Libellé genre d'activité|")
WIDTH = HEADER.count("|") + 1

PROFESSIONS = [("10", "Médecin", "S", "Spécialité ordinale", "SM54", "Médecine générale"),
               ("10", "Médecin", "S", "Spécialité ordinale", "SM04", "Cardiologie et maladies vasculaires"),
               ("21", "Pharmacien", "", "", "", ""),
               ("60", "Infirmier", "", "", "", ""),
               ("40", "Chirurgien-Dentiste", "S", "Spécialité ordinale", "SCD01", "Orthopédie dento-faciale"),
               ("50", "Sage-Femme", "", "", "", "")]
LAST = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU",
        "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER"]
FIRST = ["MARIE", "JEAN", "PIERRE", "SOPHIE", "NICOLAS", "ISABELLE", "LUC", "CAMILLE", "JULIE", "THOMAS"]
CITIES = [("75011", "75111", "Paris 11e"), ("69003", "69383", "Lyon 3e"), ("13001", "13201", "Marseille 1er"),
          ("33000", "33063", "Bordeaux"), ("31000", "31555", "Toulouse"), ("59000", "59350", "Lille"),
          ("44000", "44109", "Nantes"), ("67000", "67482", "Strasbourg"), ("35000", "35238", "Rennes")]


def luhn_key(digits):
    for k in "0123456789":
        total = 0
        for i, c in enumerate(reversed(digits + k)):
            d = int(c) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return digits + k


def activity(kind, ident, last, first, prof, city, street_no):
    code, label, sf_type, sf_type_label, sf, sf_label = prof
    postal, commune, city_name = city
    v = [""] * WIDTH
    v[0], v[1], v[2] = kind, ident, kind + ident
    v[3], v[4], v[5], v[6] = ("DR", "Docteur", "M", "Monsieur") if code in ("10", "40") else ("", "", "MME", "Madame")
    v[7], v[8], v[9], v[10], v[11], v[12] = last, first, code, label, "C", "Civil"
    v[13], v[14], v[15], v[16] = sf_type, sf_type_label, sf, sf_label
    v[17], v[18] = "L", "Libéral"
    v[23], v[24] = "C" + ident, "CABINET DU DR " + last + " " + first
    v[28], v[30], v[31], v[32] = str(street_no), "R", "Rue", "DE LA REPUBLIQUE"
    v[34], v[35], v[36], v[37] = postal + " " + city_name.upper(), postal, commune, city_name
    v[38], v[39], v[40] = "99000", "France", "01" + str(10000000 + street_no * 7919 % 89999999)
    v[46], v[47], v[48], v[49] = "3" + ident, "CNOM/CNOM/CNOM", "SA07", "Cabinet individuel"
    return "|".join(v[:WIDTH - 1]) + "|"


def main():
    out = open(sys.argv[1], "w", encoding="utf-8", newline="\n") if len(sys.argv) > 1 else sys.stdout
    target = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 760_000_000
    rnd = random.Random(760)
    written = out.write(HEADER + "\n")
    person = 0
    while written < target:
        person += 1
        if person % 25 == 0:  # an ADELI professional: not an RPPS number, passed over by the import
            ident, kind = "%09d" % (person % 1_000_000_000), "0"
        else:
            ident, kind = luhn_key("1%09d" % person), "8"
        last, first = rnd.choice(LAST), rnd.choice(FIRST)
        prof = rnd.choice(PROFESSIONS)
        for _ in range(rnd.choice((1, 1, 1, 2, 2, 3))):
            written += out.write(activity(kind, ident, last, first, prof, rnd.choice(CITIES), rnd.randint(1, 250)) + "\n")
    out.close()
    print("%d professionals, %d bytes" % (person, written), file=sys.stderr)


if __name__ == "__main__":
    main()
