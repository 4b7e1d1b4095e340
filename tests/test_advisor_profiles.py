"""Plans an advisor would sign, for the published pathways the example profiles follow.

Golden text and JSON of `skillstack plan` (the installed entry point, real stdout) for:
- an experienced project lead (4 years leading projects, a bachelor's): PMP, not the entry-level
  Google Project Management certificate;
- a help-desk technician with A+ and 2 years in IT going to information security analyst:
  Security+ then CySA+, not AWS Solutions Architect or PenTest+;
- a data analyst two years in (Google Data Analytics, a bachelor's) going to data scientist, the
  next rung of the data ladder: Google's Advanced Data Analytics certificate (Python, statistics,
  machine learning), not another entry-level analytics certificate.

Regenerate after a deliberate catalog change with SKILLSTACK_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from strategies import entry_point, regold

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "data" / "golden"
CASES = {
    "experienced-project-lead-to-project-manager": ["pmi-pmp"],
    "help-desk-to-security-analyst": ["comptia-security-plus", "comptia-cysa-plus"],
    "data-analyst-to-data-scientist": ["google-advanced-data-analytics"],
}


def _run(profile: str, fmt: str, tmp_path: Path) -> str:
    exe = entry_point()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLSTACK_CATALOG", None)
    done = subprocess.run([exe, "plan", "--profile", str(ROOT / "examples" / "profiles" / f"{profile}.yaml"),
                           "--today", "2026-12-01", "--format", fmt], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("profile", sorted(CASES))
def test_advisor_pathway(profile: str, tmp_path: Path) -> None:
    doc = json.loads(_run(profile, "json", tmp_path))
    assert [s["credential"] for s in doc["steps"]] == CASES[profile]
    assert doc["optimal"] and doc["feasible"]
    assert all(e["met"] for e in doc["expected"]), doc["expected"]
    assert not {"aws-solutions-architect-associate", "comptia-pentest-plus", "google-project-management"} & {
        s["credential"] for s in doc["steps"]}


@pytest.mark.parametrize(("profile", "fmt"), [(p, f) for p in sorted(CASES) for f in ("text", "json")])
def test_advisor_golden(profile: str, fmt: str, tmp_path: Path) -> None:
    out = _run(profile, fmt, tmp_path)
    golden = GOLDEN / f"{profile}.{'txt' if fmt == 'text' else 'json'}"
    if regold():
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
