#!/usr/bin/env python3
"""Writes a bulk funding deposit file (format version 1, see docs/depot-financement.schema.json).

  make-deposit.py LINES [--call AF-RAD-RIS-VA1] [--enrolment ENR...] [--referencing 0215jug63a --siret 81120705900015]
                  [--first-finess 10000000] [--signed 2026-11-05] [--out file.json]

Each line is one client installation: a FINESS built from a counter (so two files with different
--first-finess never share a client), a name, a tranche of AF-RAD-RIS-VA1's table, an amount and a
minimal valid one-page PDF order form in base64 (about 700 bytes once encoded).
"""
import argparse
import base64
import json
import sys


def pdf(label):
    content = "BT /F1 18 Tf 72 760 Td (Bon de commande %s) Tj ET\n" % label
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length %d >>\nstream\n%sendstream" % (len(content), content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objects):
        offsets.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode("latin-1")
    xref = len(out)
    table = "xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        table += "%010d 00000 n \n" % off
    table += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    out += table.encode("latin-1")
    return base64.b64encode(bytes(out)).decode("ascii")


def finess(n):
    """A FINESS of département 75 whose last digit is the Luhn key of the first eight (looks real)."""
    body = "75" + ("%06d" % (n % 1000000))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("lines", type=int)
    p.add_argument("--call", default="AF-RAD-RIS-VA1")
    p.add_argument("--enrolment")
    p.add_argument("--referencing", default="0215jug63a")
    p.add_argument("--siret", default="81120705900015")
    p.add_argument("--first-finess", type=int, default=100)
    p.add_argument("--signed", default="2026-11-05")
    p.add_argument("--out")
    a = p.parse_args()
    tranches = ["1 à 2 modalités", "3 à 5 modalités", "6 modalités et plus"]
    amounts = ["3900.00", "9500.00", "12000.00"]
    doc = {"version": 1, "appel": a.call}
    if a.enrolment:
        doc["enrolement"] = a.enrolment
    else:
        doc["referencement"] = {"numero": a.referencing, "siret": a.siret}
    order = pdf("signe")
    doc["lignes"] = [{
        "identifiant": finess(a.first_finess + i),
        "nom": "Cabinet de radiologie n° %d" % (a.first_finess + i),
        "tranche": tranches[i % 3],
        "dateSignatureBonDeCommande": a.signed,
        "montantHt": json.loads(amounts[i % 3]),
        "bonDeCommande": {"nomFichier": "bon-de-commande-%d.pdf" % (a.first_finess + i), "contenuBase64": order},
    } for i in range(a.lines)]
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
