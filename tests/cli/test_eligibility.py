"""An essential experience or education gate the learner does not meet: `plan` shows the pathway
but answers "no" (exit 1, `eligible: false`, `feasible` unchanged); `audit` and `report` say the
same and exit 0. Run through the installed entry point, on tests/data/catalogs/ladder (a senior
role behind 4 years of audit experience, with an entry role before it)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from strategies import entry_point

LADDER = Path(__file__).parents[1] / "data" / "catalogs" / "ladder"
DAY = ["--today", "2026-12-01", "--start", "2026-12-01"]


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    for unset in ("SKILLSTACK_CATALOG", "COLUMNS"):  # the shipped catalog's absence; unwrapped lines
        env.pop(unset, None)
    return subprocess.run([entry_point(), *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def plan(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(tmp_path, "plan", "--catalog", str(LADDER), "--role", "senior-auditor", *DAY, *args)


def test_a_blocking_gate_answers_no_but_keeps_the_pathway(tmp_path: Path) -> None:
    done = plan(tmp_path, "--experience", "audit:1", "--format", "json")
    assert done.returncode == 1, done.stderr
    doc = json.loads(done.stdout)
    assert doc["feasible"] is True and doc["eligible"] is False and doc["optimal"] is True
    assert [s["credential"] for s in doc["steps"]] == ["audit-basics", "controls-cert"]
    assert doc["why"] == []  # `why` is about the pathway, which is fine
    blocking = [g for g in doc["gates"] if g["blocking"]]
    assert [(g["requirement"], g["have"], g["aim_first"]) for g in blocking] == [
        ({"experience": "audit", "years": 4.0}, "1 year of audit", "junior-auditor")]
    # the important education item is listed, but blocks nothing
    assert [(g["requirement"], g["blocking"]) for g in doc["gates"] if not g["blocking"]] == [
        ({"education": "bachelor"}, False)]


def test_meeting_the_gate_answers_yes(tmp_path: Path) -> None:
    done = plan(tmp_path, "--experience", "audit:4", "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["feasible"] is True and doc["eligible"] is True
    assert [g["blocking"] for g in doc["gates"]] == [False]  # only the important education item is left


def test_text_says_so_before_the_pathway_and_in_the_one_line_answer(tmp_path: Path) -> None:
    text = plan(tmp_path, "--experience", "audit:1")
    assert text.returncode == 1
    lines = text.stdout.splitlines()
    gate = next(i for i, line in enumerate(lines) if line.startswith("Senior Auditor requires 4 years of audit"))
    assert gate < lines.index("Pathway")
    assert "Aim first for Junior Auditor (junior-auditor), where that experience is earned." in lines[gate]
    quiet = plan(tmp_path, "--experience", "audit:1", "-q")
    assert quiet.returncode == 1
    assert quiet.stdout.endswith("Not eligible yet: requires 4 years of audit experience (you have 1 year of "
                                 "audit); aim first for Junior Auditor (junior-auditor).\n")


def test_an_infeasible_and_blocked_plan_says_both(tmp_path: Path) -> None:
    done = plan(tmp_path, "--experience", "audit:1", "--budget", "150", "-q")
    assert done.returncode == 1
    assert done.stdout.startswith("No pathway to Senior Auditor fits your budget of $150")
    assert "Not eligible yet: requires 4 years of audit experience" in done.stdout
    full = plan(tmp_path, "--experience", "audit:1", "--budget", "150")
    assert "no credential can earn that, so no pathway makes you eligible yet." in full.stdout


def test_audit_shows_it_and_exits_zero(tmp_path: Path) -> None:
    done = run(tmp_path, "audit", "--catalog", str(LADDER), "--role", "senior-auditor", "--experience", "audit:1",
               *DAY[:2], "--format", "json")
    assert done.returncode == 0, done.stderr
    (role,) = json.loads(done.stdout)["roles"]
    assert role["eligible"] is False and role["aim_first"] == "junior-auditor"
    ready = run(tmp_path, "audit", "--catalog", str(LADDER), "--role", "senior-auditor", "--experience",
                "audit:5", *DAY[:2], "--format", "json")
    assert json.loads(ready.stdout)["roles"][0]["eligible"] is True
    ranked = run(tmp_path, "audit", "--catalog", str(LADDER), "--all-roles", "--experience", "audit:1",
                 *DAY[:2], "--format", "json")
    plans = {r["role"]: r["plan"] for r in json.loads(ranked.stdout)["roles"]}
    assert plans["senior-auditor"]["eligible"] is False and plans["junior-auditor"]["eligible"] is True
    text = run(tmp_path, "audit", "--catalog", str(LADDER), "--role", "senior-auditor", "--experience", "audit:1",
               *DAY[:2])
    assert "Not eligible yet: no credential can earn the experience or education this role requires; aim first " \
           "for Junior Auditor (junior-auditor)." in text.stdout


def test_reports_say_it_in_every_format(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    (folder / "sam.yaml").write_text("name: Sam\ntargets: [senior-auditor]\nexperience: {audit: 1}\n"
                                     "constraints: {start: 2026-12-01}\n", encoding="utf-8")
    (folder / "kim.yaml").write_text("name: Kim\ntargets: [senior-auditor]\nexperience: {audit: 6}\n"
                                     "constraints: {start: 2026-12-01}\n", encoding="utf-8")
    for fmt, suffix in (("json", "json"), ("markdown", "md"), ("html", "html")):
        out = tmp_path / fmt
        done = run(tmp_path, "report", str(folder), "--catalog", str(LADDER), "--format", fmt, "--output", str(out),
                   "--today", "2026-12-01")
        assert done.returncode == 0, done.stderr
        assert "1 not eligible yet" in done.stderr
        sam, kim = (out / f"sam.{suffix}").read_text(), (out / f"kim.{suffix}").read_text()
        if fmt == "json":
            assert json.loads(sam)["plan"]["eligible"] is False and json.loads(kim)["plan"]["eligible"] is True
            cohort = {r["key"]: r["eligible"] for r in json.loads((out / "cohort.json").read_text())["learners"]}
            assert cohort == {"sam": False, "kim": True}
        else:
            assert "Not eligible yet" in sam and "Not eligible yet" not in kim
            assert "Aim first for Junior Auditor" in sam
            assert "not eligible yet" in (out / f"cohort.{suffix}").read_text()
