"""Regenerate the posting reader's test fixtures: the frozen catalog and the golden outputs.

    python tests/postings/make_posting_fixtures.py catalog   # freeze the shipped catalog's skills/credentials
    python tests/postings/make_posting_fixtures.py golden    # rewrite tests/data/postings/golden/*.json

The frozen catalog keeps the goldens still while curators add aliases to the shipped catalog:
every skill (id, name, aliases, domain, broader, esco) and every credential (id, name, issuer,
kind, exam, grants) as the shipped catalog had them; no prerequisites, prices or roles.
Review a golden diff by eye before committing it: it is the reader's behaviour on real postings.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "postings"
ROOT = HERE.parents[1]
SKILL_KEYS = ("id", "name", "aliases", "domain", "broader", "esco")
CREDENTIAL_KEYS = ("id", "name", "issuer", "provider", "kind", "exam", "grants")


def freeze() -> None:
    skills, credentials = [], []
    for path in sorted((ROOT / "catalog" / "skills").glob("*.yaml")):
        for s in yaml.safe_load(path.read_text())["skills"]:
            skills.append({k: s[k] for k in SKILL_KEYS if k in s})
    for path in sorted((ROOT / "catalog" / "credentials").glob("*.yaml")):
        for c in yaml.safe_load(path.read_text())["credentials"]:
            credentials.append({k: c[k] for k in CREDENTIAL_KEYS if k in c})
    head = ("# Frozen from the shipped catalog by tests/postings/make_posting_fixtures.py for the posting\n"
            "# reader's golden tests; see that script. This service uses the ESCO classification of the\n"
            "# European Commission.\n")
    (DATA / "catalog" / "skills.yaml").write_text(head + yaml.safe_dump({"skills": skills}, sort_keys=False,
                                                                         allow_unicode=True, width=120))
    (DATA / "catalog" / "credentials.yaml").write_text(head + yaml.safe_dump(
        {"credentials": credentials}, sort_keys=False, allow_unicode=True, width=120))


def golden() -> None:
    from typer.testing import CliRunner

    from skillstack.cli import app

    for path in sorted((DATA / "real").glob("*.*")):
        if not path.name.startswith(("skillspan-", "usajobs-")):
            continue
        result = CliRunner().invoke(app, ["posting", str(path.relative_to(ROOT)), "--catalog",
                                          str((DATA / "catalog").relative_to(ROOT)), "--format", "json"])
        assert result.exit_code == 0, result.output
        doc = json.loads(result.stdout)
        (DATA / "golden" / f"{path.stem}.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    {"catalog": freeze, "golden": golden}[sys.argv[1]]()
