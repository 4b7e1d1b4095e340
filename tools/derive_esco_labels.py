"""Derive the compact ESCO label table shipped in skillstack/postings/data/.

Usage: python tools/derive_esco_labels.py ESCO_FOLDER OUT.tsv.gz

ESCO_FOLDER holds the ESCO v1.2.0 English CSV downloads `digitalSkillsCollection_en.csv`
and `transversalSkillsCollection_en.csv`. Each output row is one ESCO skill concept:
`uuid<TAB>preferred label<TAB>alt labels joined by |<TAB>broader skill uuids joined by |`.
Only labels are kept (no descriptions), so the table stays small; the posting reader
matches them and maps a concept to a catalog skill through the catalog's `esco:` ids.

This service uses the ESCO classification of the European Commission.
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

PREFIX = "http://data.europa.eu/esco/skill/"
FILES = ("digitalSkillsCollection_en.csv", "transversalSkillsCollection_en.csv")


def main(folder: Path, out: Path) -> int:
    rows: dict[str, tuple[str, str, str]] = {}
    for name in FILES:
        with open(folder / name, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                uri = row["conceptUri"]
                if not uri.startswith(PREFIX) or row.get("status", "released") != "released":
                    continue
                alts = [a.strip() for a in row["altLabels"].replace("|", "\n").split("\n") if a.strip()]
                broader = [b.strip()[len(PREFIX):] for b in row["broaderConceptUri"].split("|")
                           if b.strip().startswith(PREFIX)]
                clean = [a.replace("\t", " ") for a in alts]
                rows[uri[len(PREFIX):]] = (row["preferredLabel"].strip(), "|".join(clean), "|".join(broader))
    lines = [("# ESCO v1.2.0 skill labels (digital and transversal collections), derived by "
              "tools/derive_esco_labels.py. This service uses the ESCO classification of the European Commission.")]
    lines += [f"{uuid}\t{pref}\t{alts}\t{broader}" for uuid, (pref, alts, broader) in sorted(rows.items())]
    out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"{len(rows)} concepts -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
