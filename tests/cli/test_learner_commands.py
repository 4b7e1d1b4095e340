"""plan, audit and init through the CLI, on a small catalog with known answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app

runner = CliRunner()


@pytest.fixture
def mini(data: Path) -> list[str]:
    return ["--catalog", str(data / "catalogs" / "mini"), "--today", "2026-11-22"]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def plan_json(mini: list[str], *args: str) -> tuple[int, dict]:
    code, out, _ = run("plan", *mini, "--start", "2026-12-01", "--format", "json", *args)
    return code, json.loads(out)


def test_cheapest_pathway_orders_prerequisites_and_earns_the_stack(mini: list[str]) -> None:
    code, doc = plan_json(mini, "--role", "analyst")
    assert code == 0
    assert (doc["feasible"], doc["optimal"], doc["objective"]) == (True, True, "cost")
    assert [(s["credential"], s["start"], s["end"], s["closes"]) for s in doc["steps"]] == [
        ("py-basics", "2026-12-01", "2026-12-07", ["python"]),
        ("sql-basics", "2026-12-08", "2026-12-21", ["sql"]),
        ("stats-course", "2026-12-22", "2027-01-11", ["statistics"]),
    ]
    assert doc["earned_stacks"] == [{"credential": "data-stack", "name": "Acme Data Stack", "after": "stats-course",
                                     "date": "2027-01-11"}]
    assert doc["totals"] == {"cost": 230.0, "hours": 60.0, "weeks": 6.0, "credentials": 3}
    assert [g["skill"] for g in doc["gap"]] == ["sql", "statistics", "python"]


def test_optimize_count_takes_the_single_certificate(mini: list[str]) -> None:
    code, doc = plan_json(mini, "--role", "analyst", "--optimize", "count")
    assert code == 0 and [s["credential"] for s in doc["steps"]] == ["analytics-pro"]


def test_with_optional_closes_optional_skills_through_the_stack(mini: list[str]) -> None:
    _, doc = plan_json(mini, "--role", "analyst", "--with-optional")
    assert {"skill": "data-analysis", "level": 2, "importance": "optional", "held": 0} in doc["gap"]
    assert doc["steps"][-1]["closes"] == ["data-analysis", "statistics"]


def test_held_skills_shrink_the_gap(mini: list[str]) -> None:
    _, doc = plan_json(mini, "--role", "analyst", "--have", "py3:1", "--have", "structured query language:2")
    assert [s["credential"] for s in doc["steps"]] == ["stats-course"]


def test_expired_credential_does_not_count(mini: list[str]) -> None:
    _, fresh = plan_json(mini, "--role", "analyst", "--holds", "py-basics@2026-01-01")
    _, stale = plan_json(mini, "--role", "analyst", "--holds", "py-basics@2020-01-01")
    assert "py-basics" not in [s["credential"] for s in fresh["steps"]]
    assert "py-basics" in [s["credential"] for s in stale["steps"]]


def test_held_credential_lapsing_during_the_pathway_is_flagged(mini: list[str]) -> None:
    _, doc = plan_json(mini, "--role", "analyst", "--holds", "py-basics@2025-01-01", "--hours-per-week", "1")
    assert doc["renew"] == [{"credential": "py-basics", "expires": "2027-01-01"}]


def test_budget_binds_exit_1_with_reason_and_best_partial(mini: list[str]) -> None:
    code, doc = plan_json(mini, "--role", "analyst", "--budget", "200")
    assert code == 1
    assert (doc["feasible"], doc["optimal"]) == (False, True)
    assert doc["why"] == ["the budget binds: the cheapest full pathway costs $230 and takes 60 h (budget $200)"]
    assert [s["credential"] for s in doc["steps"]] == ["py-basics", "stats-course"]
    assert doc["open"] == [{"skill": "sql", "level": 2, "importance": "essential"}]
    assert doc["excluded"] == [{"credential": "analytics-pro", "reason": "costs $400, more than the whole budget ($200)"}]


def test_experience_gate_is_named(mini: list[str]) -> None:
    code, doc = plan_json(mini, "--role", "security-lead")
    assert code == 1
    assert doc["excluded"] == [{"credential": "security-expert",
                                "reason": "needs 5 years of security experience (you have 0 years of security)"}]
    assert doc["why"][0].startswith("every credential that grants Security at level 3 was left out")
    code, doc = plan_json(mini, "--role", "security-lead", "--experience", "security:6")
    assert code == 0 and [s["credential"] for s in doc["steps"]] == ["security-entry", "security-expert"]


def test_deadline_binds(mini: list[str]) -> None:
    code, doc = plan_json(mini, "--role", "analyst", "--deadline", "2026-12-14", "--hours-per-week", "10")
    assert code == 1
    assert doc["why"][-1] == "the deadline binds: the full pathway needs 60 h (20 h until the deadline)"
    assert "Statistics with Python: needs 30 h, more than the time to the deadline (20 h)" in doc["why"][0]


def test_exclude_by_issuer(mini: list[str]) -> None:
    code, doc = plan_json(mini, "--role", "analyst", "--optimize", "count", "--exclude", "BigCo")
    assert code == 0 and "analytics-pro" not in [s["credential"] for s in doc["steps"]]
    assert {"credential": "analytics-pro", "reason": "excluded by you"} in doc["excluded"]


def test_alternatives_are_pareto_front(mini: list[str]) -> None:
    _, doc = plan_json(mini, "--role", "analyst", "--alternatives", "3")
    assert [(a["cost"], a["hours"]) for a in doc["alternatives"]] == [(230.0, 60.0)]


def test_text_output_reads_well(mini: list[str]) -> None:
    code, out, _ = run("plan", *mini, "--start", "2026-12-01", "--role", "analyst")
    assert code == 0
    assert " 3. Statistics with Python (stats-course)" in out
    assert "+ earns Acme Data Stack (data-stack) at no extra cost" in out
    assert "Total: $230, 60 hours, 6 weeks at 10 h/week, 3 credentials" in out
    assert "optimal (proven by the solver)" in out


def test_ics_is_written(mini: list[str], tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    code, _, _ = run("plan", *mini, "--start", "2026-12-01", "--role", "analyst", "--ics", str(target))
    text = target.read_bytes().decode()
    assert code == 0 and text.count("BEGIN:VEVENT") == 4  # 3 steps, 1 renewal (py-basics)
    assert "DTSTART;VALUE=DATE:20261222\r\nDTEND;VALUE=DATE:20270112\r\n" in text


def test_fuzzy_role_warns_and_unknown_role_fails(mini: list[str]) -> None:
    code, _, err = run("plan", *mini, "--role", "data analist", "--format", "json")
    assert code == 0 and "warning: 'data analist' read as 'Data Analyst' (analyst)" in err
    code, _, err = run("plan", *mini, "--role", "astronaut")
    assert code == 2 and err.startswith("skillstack: error: unknown role 'astronaut'; nothing like it")
    assert "`skillstack roles` lists them all" in err


def test_bad_flags_are_usage_errors(mini: list[str]) -> None:
    assert run("plan", *mini, "--role", "analyst", "--have", "sql")[0] == 2
    assert run("plan", *mini, "--role", "analyst", "--have", "sql:9")[0] == 2
    assert run("plan", *mini, "--role", "analyst", "--start", "someday")[0] == 2
    assert run("plan", *mini)[2] == "skillstack: error: no target role: pass --role ROLE or list `targets` in the profile\n"


def test_profile_errors_name_file_and_line(mini: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("name: A\nskills: {sql: 7}\ntargets: [analyst]\n")
    code, _, err = run("plan", *mini, "--profile", str(bad))
    assert code == 2 and ":2:15: level 7 is not 1-4" in err
    bad.write_text("name: A\nskils: {sql: 2}\n")
    assert "unknown key 'skils' in profile; did you mean 'skills'?" in run("plan", *mini, "--profile", str(bad))[2]
    assert run("plan", *mini, "--profile", str(tmp_path / "missing.yaml"))[0] == 2


def test_profile_file_and_flags_merge(mini: list[str], tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("name: Sam\nskills: {python: 1}\ntargets: [security-lead]\n"
                       "constraints: {budget: 100, optimize: cost}\n")
    code, doc = plan_json(mini, "--profile", str(profile), "--role", "analyst", "--budget", "1000")
    assert code == 0 and doc["roles"] == ["analyst"]
    assert [s["credential"] for s in doc["steps"]] == ["sql-basics", "stats-course"]


def test_audit_worksheet(mini: list[str]) -> None:
    code, out, _ = run("audit", *mini, "--role", "analyst", "--have", "sql:1", "--have", "python:2", "--format", "json")
    doc = json.loads(out)
    role = doc["roles"][0]
    assert code == 0 and role["role"] == "analyst"
    assert [line["skill"] for line in role["met"]] == ["python"]
    assert [(line["skill"], line["held"], line["level"]) for line in role["below"]] == [("sql", 1, 2)]
    assert [line["skill"] for line in role["missing"]] == ["statistics", "data-analysis"]
    assert role["readiness"] == round(2 / 9, 4)


def test_audit_in_progress_and_expiring(mini: list[str], tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("targets: [analyst]\ncredentials: [{id: py-basics, earned: 2025-02-01}]\n"
                       "progress: {in_progress: [stats-course]}\n")
    code, out, _ = run("audit", *mini, "--profile", str(profile), "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert [line["skill"] for line in doc["roles"][0]["in_progress"]] == ["statistics"]
    assert doc["credentials"] == [{"credential": "py-basics", "earned": "2025-02-01", "expires": "2027-02-01",
                                   "status": "expiring", "retired": False, "superseded_by": None}]
    _code, out, _ = run("audit", *mini, "--profile", str(profile))
    assert "Python Basics (py-basics) expires on 2027-02-01" in out


def test_audit_all_roles_ranks(mini: list[str]) -> None:
    _code, out, _ = run("audit", *mini, "--all-roles", "--have", "sql:2", "--format", "json")
    roles = json.loads(out)["roles"]
    assert [r["role"] for r in roles] == ["analyst", "security-lead"]
    assert roles[0]["plan"]["cost"] == 130.0 and roles[1]["plan"]["feasible"] is False


def test_init_from_flags_writes_a_profile_that_plans(mini: list[str], tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    code, _out, _ = run("init", str(target), "--catalog", mini[1], "--name", "Alex", "--role", "Data Analyst",
                       "--have", "py3:1", "--budget", "500")
    assert code == 0 and target.exists()
    assert run("init", str(target), "--catalog", mini[1], "--role", "analyst")[0] == 2  # no overwrite
    code, doc = plan_json(mini, "--profile", str(target))
    assert code == 0 and [s["credential"] for s in doc["steps"]] == ["sql-basics", "stats-course"]


@pytest.mark.parametrize("body,expected", [
    ("targets: [analyst, astronaut]\n", ":1:20: unknown role 'astronaut'; nothing like it"),
    ("targets: [analyst]\ncredentials: [{id: quantum-cert}]\n", ":2:20: unknown credential 'quantum-cert'; closest:"),
    ("targets: [analyst]\nconstraints: {exclude: [Nobody Inc]}\n",
     ":2:25: exclude 'Nobody Inc' is neither a credential nor an issuer in the catalog"),
    ("targets: [analyst]\nconstraints: {hours_per_week: 0}\n",
     ":2:31: 0 is out of range: use a number at least 0.5 and at most 100"),
    ("targets: [analyst]\nconstraints: {budget: -5}\n", ":2:23: budget -5 is negative; use 0 or more"),
    ("targets: [analyst]\nconstraints: {budget: 500000000}\n",
     ":2:23: 500,000,000 is out of range: use a number at least 0 and at most 100,000,000"),
    ("targets: [analyst]\nconstraints: {budget: -1500000.5}\n", ":2:23: budget -1,500,000.5 is negative; use 0 or more"),
    ("targets: [analyst]\nconstraints: {start: 2027-01-01, deadline: 2026-12-01}\n",
     "deadline 2026-12-01 is before start 2027-01-01; move one of them"),
])
def test_profile_mistakes_are_one_line_errors_with_location(mini: list[str], tmp_path: Path, body: str,
                                                            expected: str) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(body)
    code, out, err = run("plan", *mini, "--profile", str(profile))
    assert code == 2 and out == ""
    assert err.startswith("skillstack: error: ") and expected in err and err.count("\n") == 1
    assert "p.yaml" in err


def test_unknown_exclude_flag_is_usage_error(mini: list[str]) -> None:
    code, _, err = run("plan", *mini, "--role", "analyst", "--exclude", "zzz")
    assert code == 2 and "exclude 'zzz' is neither a credential nor an issuer" in err


def test_alternatives_keep_every_pareto_point(tmp_path: Path) -> None:
    creds = "".join(
        f"  - {{id: {cid}, name: {cid}, issuer: X, kind: course, cost: {cost}, hours: {hours},"
        f" grants: [{{skill: x, level: 2}}], last_reviewed: 2026-10-01, sources: ['https://example.org']}}\n"
        for cid, cost, hours in (("slow", 100, 61), ("middle", 200, 60.5), ("fast", 300, 30), ("worse", 250, 61)))
    (tmp_path / "c.yaml").write_text("skills: [{id: x, name: X}]\ncredentials:\n" + creds +
                                     "roles: [{id: r, name: R, requires: [{skill: x, level: 2}]}]\n")
    code, doc = plan_json(["--catalog", str(tmp_path), "--today", "2026-11-22"], "--role", "r",
                          "--alternatives", "3")
    assert code == 0
    assert [(a["credentials"], a["cost"], a["hours"]) for a in doc["alternatives"]] == [
        (["slow"], 100.0, 61.0), (["middle"], 200.0, 60.5), (["fast"], 300.0, 30.0)]


def test_report_refuses_a_profile_without_a_target_naming_it(mini: list[str], tmp_path: Path) -> None:
    """A cohort with one profile that names no role stops before anything is written: the error
    names that file and says what to add; exit 2 (bad input)."""
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("name: A\ntargets: [analyst]\n")
    bad.write_text("name: B\nskills: {sql: 1}\n")
    out = tmp_path / "reports"
    code, stdout, err = run("report", str(good), str(bad), "--catalog", mini[1], "--output", str(out), "--jobs", "1")
    assert code == 2 and stdout == ""
    assert err == f"skillstack: error: {bad}: no target role; list `targets` in the profile\n"
    assert not out.exists()
