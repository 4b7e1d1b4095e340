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
    assert [g["text"] for g in gates] == ["a bachelor's degree or above"]
    assert "bls.gov" in gates[0]["source"]


def test_audit_rows_cover_expected_credentials_and_links(tmp_path: Path) -> None:
    code, doc = run(tmp_path, "audit", "--profile", str(HELP_DESK))
    assert code == 0
    role = doc["roles"][0]
    assert [(e["kind"], e["importance"], e["status"]) for e in role["expectations"]] == [
        ("credential", "essential", "missing"), ("credential", "important", "missing")]
    assert (role["level"], role["previous"], role["next"]) == (
        "mid", ["soc-analyst"], ["security-engineer", "penetration-tester"])


NEAR_TIE_CATALOG = """\
skills:
  - {id: s1, name: Skill One}
credentials:
  - {id: slow, name: Slow Cert, issuer: Acme, kind: industry-certification, cost: 100, hours: 100,
     grants: [{skill: s1, level: 2}]}
  - {id: fast, name: Fast Cert, issuer: Acme, kind: industry-certification, cost: 104, hours: 50,
     grants: [{skill: s1, level: 2}]}
  - {id: gated, name: Gated Cert, issuer: Acme, kind: industry-certification, cost: 50, hours: 10,
     requires: [{experience: pm, years: 3}]}
roles:
  - id: junior
    name: Junior
    level: entry
    next: [target]
    requires: [{skill: s1, level: 1, importance: essential}]
  - id: target
    name: Target
    level: senior
    previous: [junior]
    requires:
      - {experience: it, years: 5, importance: essential, source: BLS}
      - {credential: gated, importance: important, source: PMI}
      - {skill: s1, level: 2, importance: essential}
"""


def _tiny(tmp_path: Path, *args: str, fmt: str = "json") -> tuple[int, str]:
    catalog = tmp_path / "tiny.yaml"
    catalog.write_text(NEAR_TIE_CATALOG, encoding="utf-8")
    exe = entry_point()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "300", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([exe, "plan", "--catalog", str(catalog), "--role", "target", "--experience", "it:2",
                           "--experience", "pm:1", "--today", "2026-12-01", "--start", "2026-12-01", *args,
                           "--format", fmt], capture_output=True, text=True, env=env, timeout=120, check=False)
    return done.returncode, done.stdout


def test_near_tie_gate_and_missed_reason_in_json(tmp_path: Path) -> None:
    code, out = _tiny(tmp_path)
    doc = json.loads(out)
    # the essential 5-year gate is unmet: the pathway is shown, the answer is "no" (exit 1)
    assert code == 1 and doc["feasible"] and not doc["eligible"] and [s["credential"] for s in doc["steps"]] == ["slow"]
    assert doc["near_ties"] == [{"credentials": ["fast"], "cost": 104.0, "hours": 50.0,
                                 "why": "$4 more (4%) for 50 h less"}]
    (gate,) = doc["gates"]
    assert (gate["text"], gate["have"], gate["blocking"], gate["aim_first"]) == (
        "5 years of IT experience", "2 years of IT", True, "junior")
    (expected,) = doc["expected"]
    assert expected["met"] is False and expected["aim_first"] == "junior"
    assert expected["why"] == "needs 3 years of pm experience (you have 1 year of pm)"


def test_near_tie_gate_and_missed_reason_in_text(tmp_path: Path) -> None:
    code, out = _tiny(tmp_path, fmt="text")
    assert code == 1
    ties = [line for line in out.splitlines() if "Near tie" in line]
    assert ties == ["Near tie: fast ($104, 50 h): $4 more (4%) for 50 h less."]
    lines = out.splitlines()
    gate = next(n for n, line in enumerate(lines) if line.startswith("Target requires 5 years of IT experience"))
    assert gate < next(n for n, line in enumerate(lines) if line.startswith("Gap"))  # said before the pathway
    assert "(you have 2 years of IT)" in lines[gate] and "Aim first for Junior (junior)" in lines[gate]
    assert any("not on this pathway: needs 3 years of pm experience (you have 1 year of pm). Aim first for "
               "Junior (junior)" in line for line in lines)
    assert "not within your budget and deadline" not in out


def test_audit_shows_the_experience_gate_and_the_role_before(tmp_path: Path) -> None:
    code, doc = run(tmp_path, "audit", "--role", "cloud-architect", "--experience", "it:2")
    assert code == 0
    role = doc["roles"][0]
    (gate,) = [e for e in role["expectations"] if e["kind"] == "experience"]
    assert (gate["requirement"], gate["status"], gate["have"], gate["importance"]) == (
        "5 years of IT experience", "missing", "2 years of IT", "essential")
    assert "bls.gov" in gate["source"]
    assert (role["level"], role["previous"], role["aim_first"]) == ("senior", ["cloud-engineer"], "cloud-engineer")
    code, doc = run(tmp_path, "audit", "--role", "cloud-architect", "--experience", "it:6")
    assert doc["roles"][0]["aim_first"] is None
    assert [e["status"] for e in doc["roles"][0]["expectations"] if e["kind"] == "experience"] == ["met"]


def test_plan_names_the_entry_role_when_a_gate_blocks(tmp_path: Path) -> None:
    code, doc = run(tmp_path, "plan", "--role", "network-engineer", "--experience", "it:1", "--budget", "5000")
    assert code == 1 and doc["feasible"] and not doc["eligible"]  # a pathway, but the role is out of reach yet
    (gate,) = [g for g in doc["gates"] if g["blocking"]]
    assert (gate["role"], gate["text"], gate["have"], gate["aim_first"]) == (
        "network-engineer", "5 years of IT experience", "1 year of IT", "network-administrator")


def test_quiet_answer_says_the_role_is_out_of_reach_yet(tmp_path: Path) -> None:
    code, out = _tiny(tmp_path, "-q", fmt="text")
    assert code == 1
    assert out == ("Target: 1 credential, $100, 100 h (10 weeks at 10 h/week), 2026-12-01 to 2027-02-08. Not eligible "
                   "yet: requires 5 years of IT experience (you have 2 years of IT); aim first for Junior (junior).\n")


def test_alternatives_say_which_options_hold_the_expected_credentials(tmp_path: Path) -> None:
    lead = ROOT / "examples" / "profiles" / "experienced-project-lead-to-project-manager.yaml"
    code, doc = run(tmp_path, "plan", "--profile", str(lead), "--alternatives", "3")
    assert code == 0
    options = doc["alternatives"]
    assert options[0]["credentials"] == ["pmi-pmp"] and options[0]["expected_met"] == 1
    assert all(o["expected_met"] == 0 for o in options[1:])  # cheaper and faster, without the PMP


def test_alternative_labels_follow_the_numbers() -> None:
    from datetime import date

    from skillstack.plan.schedule import Plan, Totals
    from skillstack.report.plan_text import alternative_labels

    def option(cost: float, hours: float, missed: int) -> Plan:
        expected = tuple(object() for _ in range(1))
        return Plan((), (), (), Totals(cost, hours, hours / 10, 1), "cost", True, True, (), (), (), date(2026, 12, 1),
                    None, None, 10.0, {}, expected=expected,  # type: ignore[arg-type]
                    expected_met=expected[missed:])  # type: ignore[arg-type]

    assert alternative_labels([option(575, 150, 0), option(300, 75, 1), option(399, 70, 1)]) == [
        "most expected credentials", "cheapest", "fastest"]
    assert alternative_labels([option(100, 50, 0)]) == ["cheapest and fastest"]
    assert alternative_labels([option(100, 60, 0), option(150, 55, 0), option(200, 30, 0)]) == [
        "cheapest", "in between", "fastest"]
