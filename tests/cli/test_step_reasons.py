"""Why each step is on the pathway, in `plan --format json` (installed entry point): the gap skills
it closes, the expected credentials it meets (with who expects them), the later steps that need it."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from strategies import entry_point

CATALOG = """\
skills:
  - {id: basics, name: Basics}
  - {id: core, name: Core}
  - {id: side, name: Side}
credentials:
  - {id: intro, name: Intro Course, issuer: Acme, kind: course, cost: 20, hours: 5,
     grants: [{skill: basics, level: 1}]}
  - {id: main-cert, name: Main Cert, issuer: Acme, kind: industry-certification, cost: 100, hours: 40,
     grants: [{skill: core, level: 2}], requires: [{skill: basics, level: 1}]}
  - {id: expected-cert, name: Expected Cert, issuer: Guild, kind: industry-certification, cost: 150, hours: 20,
     grants: [{skill: side, level: 1}]}
roles:
  - id: target
    name: Target
    requires:
      - {skill: core, level: 2, importance: essential}
      - credential: expected-cert
        importance: important
        source: {url: "https://example.org/postings", kind: postings, note: "asked in most postings"}
"""


def test_json_says_why_each_step_is_there(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(CATALOG, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([entry_point(), "plan", "--catalog", str(catalog), "--role", "target", "--today",
                           "2026-12-01", "--start", "2026-12-01", "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    steps = {s["credential"]: s for s in json.loads(done.stdout)["steps"]}
    assert sorted(steps) == ["expected-cert", "intro", "main-cert"]
    intro, main, expected = steps["intro"], steps["main-cert"], steps["expected-cert"]
    assert (intro["closes"], intro["prerequisite_for"], intro["meets_expected"]) == ([], ["main-cert"], [])
    assert (main["closes"], main["prerequisite_for"]) == (["core"], [])
    assert expected["closes"] == [] and expected["prerequisite_for"] == []
    (meets,) = expected["meets_expected"]
    assert (meets["requirement"], meets["importance"], meets["met"]) == ({"credential": "expected-cert"}, "important",
                                                                          True)
    assert "https://example.org/postings" in meets["source"]
