"""`--exclude ISSUER` through the installed command: an issuer's name also covers the longer
issuer names it begins word for word ("Google" covers "Google Cloud"), never a name that only
shares its letters ("Googleplex Inc")."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from strategies import entry_point

CATALOG = """\
skills:
  - {id: s1, name: Skill One}
credentials:
  - {id: g-cert, name: G Cert, issuer: Google, kind: industry-certification, cost: 10, hours: 10,
     grants: [{skill: s1, level: 1}]}
  - {id: gc-cert, name: GC Cert, issuer: Google Cloud, kind: industry-certification, cost: 20, hours: 10,
     grants: [{skill: s1, level: 1}]}
  - {id: gp-cert, name: GP Cert, issuer: Googleplex Inc, kind: industry-certification, cost: 30, hours: 10,
     grants: [{skill: s1, level: 1}]}
  - {id: other-cert, name: Other Cert, issuer: Acme, provider: Google Cloud Skills, kind: course, cost: 40,
     hours: 10, grants: [{skill: s1, level: 1}]}
roles:
  - id: target
    name: Target
    requires: [{skill: s1, level: 1, importance: essential}]
    no_credential_expected: {url: https://example.org/, kind: authority, note: none asked}
"""


def plan(tmp_path: Path, *args: str) -> tuple[int, Any]:
    catalog = tmp_path / "issuers.yaml"
    catalog.write_text(CATALOG, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([entry_point(), "plan", "--catalog", str(catalog), "--role", "target",
                           "--today", "2026-12-01", *args, "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    return done.returncode, json.loads(done.stdout) if done.stdout.strip() else done.stderr


def _left_out(doc: dict[str, Any]) -> set[str]:
    return {e["credential"] for e in doc["excluded"] if e["reason"] == "excluded by you"}


def test_an_issuer_covers_the_issuers_its_name_begins(tmp_path: Path) -> None:
    code, doc = plan(tmp_path, "--exclude", "Google")
    assert code == 0
    # Google, Google Cloud and the provider Google Cloud Skills; not Googleplex Inc
    assert _left_out(doc) == {"g-cert", "gc-cert", "other-cert"}
    assert [s["credential"] for s in doc["steps"]] == ["gp-cert"]


def test_a_longer_issuer_name_does_not_cover_a_shorter_one(tmp_path: Path) -> None:
    code, doc = plan(tmp_path, "--exclude", "google  CLOUD")
    assert code == 0
    assert _left_out(doc) == {"gc-cert", "other-cert"}
    assert [s["credential"] for s in doc["steps"]] == ["g-cert"]


def test_a_part_of_a_word_is_not_an_issuer(tmp_path: Path) -> None:
    code, err = plan(tmp_path, "--exclude", "Goog")
    assert code == 2
    assert "exclude 'Goog' is neither a credential nor an issuer in the catalog" in err
