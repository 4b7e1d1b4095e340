"""plan --issuer / --strict-recommendations / --education and audit's expectation rows, through the
installed entry point's real stdout."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from strategies import entry_point

ROOT = Path(__file__).resolve().parents[2]
HELP_DESK = ROOT / "examples" / "profiles" / "help-desk-to-security-analyst.yaml"


def run(tmp_path: Path, *args: str) -> tuple[int, Any]:
    exe = entry_point()
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([exe, *args, "--today", "2026-12-01", "--format", "json"], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    return done.returncode, json.loads(done.stdout) if done.stdout.strip() else done.stderr


def test_strict_recommendations_make_experience_binding(tmp_path: Path) -> None:
    code, doc = run(tmp_path, "plan", "--profile", str(HELP_DESK))
    assert code == 0 and doc["waived"] == sum(len(s["waived"]) for s in doc["steps"]) > 0
    code, strict = run(tmp_path, "plan", "--profile", str(HELP_DESK), "--strict-recommendations")
    # CySA+ recommends 4 years of security work, which Jordan lacks: binding, it is out of reach
    assert "comptia-cysa-plus" not in [s["credential"] for s in strict["steps"]]
    assert any(e["credential"] == "comptia-cysa-plus" and "4 years of security" in e["reason"]
               for e in strict["excluded"])
    assert all(not s["waived"] for s in strict["steps"])


def test_issuer_keeps_only_that_issuer(tmp_path: Path) -> None:
    code, doc = run(tmp_path, "plan", "--profile", str(HELP_DESK), "--issuer", "CompTIA")
    assert code == 0
    assert [s["credential"] for s in doc["steps"]] == ["comptia-security-plus", "comptia-cysa-plus"]
    assert any("not from an issuer you chose" in e["reason"] for e in doc["excluded"])
    code, err = run(tmp_path, "plan", "--profile", str(HELP_DESK), "--issuer", "Nobody Inc")
    assert code == 2 and "--issuer 'Nobody Inc' is not an issuer" in err


def test_education_gate_names_the_role_to_aim_for(tmp_path: Path) -> None:
    code, doc = run(tmp_path, "plan", "--role", "project-manager", "--education", "high-school")
    assert code in (0, 1)
    gates = doc["gates"]
    assert [g["text"] for g in gates] == ["bachelor education or above"]
    assert "bls.gov" in gates[0]["source"]


def test_audit_rows_cover_expected_credentials_and_links(tmp_path: Path) -> None:
    code, doc = run(tmp_path, "audit", "--profile", str(HELP_DESK))
    assert code == 0
    role = doc["roles"][0]
    assert [(e["kind"], e["importance"], e["status"]) for e in role["expectations"]] == [
        ("credential", "essential", "missing"), ("credential", "important", "missing")]
    assert (role["level"], role["previous"], role["next"]) == (
        "mid", ["soc-analyst"], ["security-engineer", "penetration-tester"])
