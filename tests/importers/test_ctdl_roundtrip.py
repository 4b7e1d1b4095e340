"""export ctdl -> import ctdl gives the same credentials back (hypothesis), and the CLI round trip."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillstack.catalog import build_catalog
from skillstack.importers.ctdl import import_ctdl
from skillstack.importers.ctdl_export import export_ctdl
from skillstack.importers.yamlout import dump_catalog
from skillstack.loader import load_raw
from skillstack.report.jsonify import requirement

IDS = ["alpha", "beta-2", "gamma", "delta-cert", "ce-0a1b2c3d-0000-4000-8000-00000000abcd", "omega"]
KINDS = ["course", "professional-certificate", "digital-badge", "industry-certification", "program"]
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGH-", min_size=1, max_size=20).map(str.strip).filter(bool)


@st.composite
def catalogs(draw: Any) -> list[dict[str, Any]]:
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=5, unique=True))
    creds = []
    for ident in ids:
        others = [i for i in ids if i != ident]
        cred: dict[str, Any] = {"id": ident, "name": draw(words), "issuer": draw(words),
                                "kind": draw(st.sampled_from(KINDS))}
        if draw(st.booleans()):
            cred["provider"] = draw(words.filter(lambda w, c=cred: w != c["issuer"]))
        if draw(st.booleans()):
            cred["url"] = f"https://example.org/{ident}"
        if draw(st.booleans()):
            cred["description"] = draw(words)
        if draw(st.booleans()):
            cred["cost"] = {"amount": draw(st.integers(1, 5000)) + draw(st.sampled_from([0, 0.5, 0.99])),
                            "currency": draw(st.sampled_from(["USD", "EUR", "GBP"]))}
        if draw(st.booleans()):
            cred["hours"] = draw(st.integers(1, 400)) + draw(st.sampled_from([0, 0.5, 0.25]))
        if others:
            for key in ("requires", "recommends"):
                items: list[dict[str, Any]] = []
                for _ in range(draw(st.integers(0, 2))):
                    if len(others) > 1 and draw(st.booleans()):
                        pair = draw(st.lists(st.sampled_from(others), min_size=2, max_size=2, unique=True))
                        items.append({"any_of": [{"credential": p} for p in pair]})
                    else:
                        items.append({"credential": draw(st.sampled_from(others))})
                if items:
                    cred[key] = items
            if draw(st.booleans()):
                parts = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
                cred["awarded_for"] = {"all_of": [{"credential": p} for p in parts]}
        creds.append(cred)
    return creds


def _load(path: Path) -> dict[str, dict[str, Any]]:
    raw = load_raw([path])
    assert not [p for p in raw.problems if p.level == "error"], raw.problems
    out = {}
    for c in build_catalog(raw).credentials:
        out[c.id] = {"name": c.name, "issuer": c.issuer, "provider": c.provider, "kind": c.kind, "url": c.url,
                     "description": c.note, "cost": (c.cost.amount, c.cost.currency if c.cost.amount else "USD"),
                     "hours": c.hours, "requires": [requirement(r) for r in c.requires],
                     "recommends": [requirement(r) for r in c.recommends],
                     "awarded_for": requirement(c.awarded_for) if c.awarded_for else None}
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(creds=catalogs())
def test_catalog_to_ctdl_to_catalog(tmp_path: Path, creds: list[dict[str, Any]]) -> None:
    before = tmp_path / "before.yaml"
    before.write_text(dump_catalog("round trip", credentials=creds), encoding="utf-8")
    original = build_catalog(load_raw([before])).credentials
    doc = json.loads(json.dumps(export_ctdl(original)))
    result = import_ctdl([("export.jsonld", doc)])
    assert not result.notices, result.notices
    after = tmp_path / "after.yaml"
    after.write_text(dump_catalog("round trip", credentials=result.files["export"]), encoding="utf-8")
    assert _load(after) == _load(before)


def test_cli_round_trip_of_the_shipped_catalog(tmp_path: Path) -> None:
    out = tmp_path / "shipped.jsonld"
    run = [sys.executable, "-m", "skillstack"]
    done = subprocess.run([*run, "export", "ctdl", "-o", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "imported"
    folder.mkdir()
    done = subprocess.run([*run, "import", "ctdl", str(out), "-o", str(folder), "--format", "json"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert report["credentials"] == sum(1 for n in doc["@graph"] if "ceterms:ctid" in n)
    check = subprocess.run([*run, "validate", str(folder), "--format", "json"], capture_output=True, text=True,
                           check=False)
    assert json.loads(check.stdout)["summary"]["errors"] == 0
