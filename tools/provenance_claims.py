"""List sources that may claim more than was read (issue 11, "provenance that does not hold").

A candidate is a typed source of kind `issuer` or `authority` that backs facts (its `facts`,
or every fact when omitted) while a note says a fact was recalled, not read, not in the
corpus or unconfirmed:

- `source`: the source's own note says so (the page itself was not read);
- `entry`: the entry's `x-note` says so (read it: the sentence may be about another fact).

Usage: python tools/provenance_claims.py [catalog/] [--source-only]
Prints one line per candidate and the counts; exit 0 always (a report, not a check).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

PHRASES = re.compile(r"recalled|not read|not re-read|not in the (search )?(corpus|index)|unconfirmed|"
                     r"could not be read|was not read|were not read|not (be )?opened", re.IGNORECASE)
ISSUER_WORDS = re.compile(r"issuer'?s? (own )?page|own page", re.IGNORECASE)


def _host(url: str) -> str:
    host = url.split("//", 1)[-1].split("/", 1)[0].lower()
    return host.removeprefix("www.")


def _says_unread(note: str, url: str) -> bool:
    """A sentence of the entry's note says this source's site (or "the issuer's page") was not read."""
    host = _host(url)
    for sentence in re.split(r"(?<=[.;:])\s+", note):
        if PHRASES.search(sentence) and (host in sentence.lower() or ISSUER_WORDS.search(sentence)):
            return True
    return False
STRONG = {"issuer", "authority"}


def candidates(root: Path) -> list[tuple[str, str, str, str, str]]:
    out = []
    for path in sorted(root.rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(doc, dict):
            continue
        for kind in ("credentials", "roles"):
            for entry in doc.get(kind) or []:
                note = str(entry.get("x-note", ""))
                for src in entry.get("sources") or []:
                    if not isinstance(src, dict) or src.get("kind") not in STRONG:
                        continue
                    facts = ",".join(src.get("facts") or ["ALL"])
                    if facts == "onet":
                        continue  # an O*NET page backing its own code
                    if PHRASES.search(str(src.get("note", ""))):
                        out.append(("source", str(path), entry["id"], src["url"], facts))
                    elif _says_unread(note, str(src["url"])):
                        out.append(("entry", str(path), entry["id"], src["url"], facts))
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    found = candidates(Path(args[0] if args else "catalog"))
    if "--source-only" in argv:
        found = [c for c in found if c[0] == "source"]
    for where, path, ident, url, facts in found:
        print(f"{where:6} {path}: {ident}: {url} [{facts}]")
    n_src = sum(1 for c in found if c[0] == "source")
    print(f"{len(found)} candidates ({n_src} by the source's own note, {len(found) - n_src} by the entry's note)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
