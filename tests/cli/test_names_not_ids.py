"""Sentences people read name credentials and skills by name, never by catalog id.

A learner's report says why ISACA CISM was left out: "needs ... any of (ISACA Certified
Information Systems Auditor (CISA), ...)", not "any of (isaca-cisa, isc2-cissp)". The reason
text is built by the planner and reaches `plan` text and JSON and the client reports, so these
run the installed entry point and read what a user reads; keys that hold ids stay ids.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from skillstack.catalog import Catalog, build_catalog
from skillstack.loader import load_raw, shipped_catalog
from strategies import entry_point

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "examples" / "profiles" / "help-desk-to-security-analyst.yaml"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return build_catalog(load_raw([shipped_catalog()]))


def run(tmp_path: Path, *args: str) -> str:
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLSTACK_CATALOG", None)
    env.pop("COLUMNS", None)  # not a terminal: one line per item
    done = subprocess.run([entry_point(), *args], capture_output=True, text=True, env=env, timeout=120,
                          check=False, stdin=subprocess.DEVNULL)
    assert done.returncode in (0, 1), done.stderr  # 1: no full pathway within the budget
    return done.stdout


def ids_in(text: str, catalog: Catalog) -> list[str]:
    """The credential ids, and the skill ids with a hyphen (plain words like "sql" read as words), in `text`."""
    idents = [*(c.id for c in catalog.credentials), *(s.id for s in catalog.skills if "-" in s.id)]
    return [i for i in idents if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]


def credentials_in(requirement: dict[str, Any]) -> set[str]:
    """The credential ids a JSON requirement names, at any depth."""
    found = {requirement["credential"]} if "credential" in requirement else set()
    for part in [*requirement.get("any_of", ()), *requirement.get("all_of", ())]:
        found |= credentials_in(part)
    return found


def sentences(doc: dict[str, Any]) -> list[str]:
    return ([e["reason"] for e in doc["excluded"]] + list(doc["why"])
            + [e[k] for e in doc["expected"] + doc["suggestions"] for k in ("text", "why")]
            + [g["text"] for g in doc["gates"]] + [t["why"] for t in doc["near_ties"]])


@pytest.mark.parametrize("extra", [[], ["--budget", "300"]], ids=["feasible", "over-budget"])
def test_plan_json_sentences_name_credentials_and_ids_stay_in_id_keys(tmp_path: Path, catalog: Catalog,
                                                                      extra: list[str]) -> None:
    doc = json.loads(run(tmp_path, "plan", "--profile", str(PROFILE), "--today", "2026-12-01",
                         "--format", "json", *extra))
    texts = sentences(doc)
    assert any("ISACA Certified Information Systems Auditor (CISA)" in t for t in texts), texts
    assert {t: ids_in(t, catalog) for t in texts if ids_in(t, catalog)} == {}
    assert doc["excluded"] and all(e["credential"] in catalog.credentials for e in doc["excluded"])
    named = [credentials_in(e["requirement"]) for e in doc["expected"]]
    assert named and all(ids and all(i in catalog.credentials for i in ids) for ids in named)


def test_plan_text_left_out_reasons_read_as_names(tmp_path: Path, catalog: Catalog) -> None:
    out = run(tmp_path, "plan", "--profile", str(PROFILE), "--today", "2026-12-01", "-v")
    left = out.split("\nLeft out:\n", 1)[1]
    reasons = [line.split(": ", 1)[1] for line in left.splitlines() if ": " in line]
    assert any("CompTIA Security+" in r for r in reasons), left
    assert {r: ids_in(r, catalog) for r in reasons if ids_in(r, catalog)} == {}


def test_learner_report_left_out_list_names_credentials(tmp_path: Path, catalog: Catalog) -> None:
    out = tmp_path / "out"
    run(tmp_path, "report", str(PROFILE), "--output", str(out), "--today", "2026-12-01", "-q")
    html = (out / f"{PROFILE.stem}.html").read_text(encoding="utf-8")
    left = html.split("Left out, and why</h2>", 1)[1].split("</ul>", 1)[0]
    visible = re.sub(r"<[^>]+>", "", left)
    assert "ISACA Certified Information Systems Auditor (CISA)" in visible
    assert ids_in(visible, catalog) == []
