"""Return on investment in every output: the target role's pay against the learner's
`current_salary`, the payback time of the pathway's cost, and the salary's source beside it.
JSON through the installed entry point's real stdout."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from strategies import entry_point

ROOT = Path(__file__).resolve().parents[2]
VETERAN = ROOT / "examples" / "profiles" / "veteran-to-cybersecurity.yaml"  # current_salary 52000, self-reported


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = entry_point()
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("COLUMNS", None)  # a pipe: lines are not wrapped
    return subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def check_pay(item: dict[str, Any], cost: float) -> None:
    salary = item["salary"]
    assert salary["median"] > 0 and salary["source"] and salary["source_kind"] in {"issuer", "authority", "secondary",
                                                                                  "unknown"}
    assert item["current_salary"] == {"amount": 52000, "currency": "USD", "source": "self-reported at intake"}
    assert item["gain_per_year"] == pytest.approx(salary["median"] - 52000)
    assert item["pathway_cost"] == cost
    assert item["payback_days"] == round(cost / item["gain_per_year"] * 365)
    assert item["note"] is None


def test_plan_json_has_pay_and_payback(tmp_path: Path) -> None:
    done = run(tmp_path, "plan", "--profile", str(VETERAN), "--today", "2026-11-22", "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert [p["role"] for p in doc["pay"]] == doc["roles"]
    check_pay(doc["pay"][0], doc["totals"]["cost"])


def test_plan_json_without_current_salary_says_why(tmp_path: Path) -> None:
    done = run(tmp_path, "plan", "--role", "information-security-analyst", "--today", "2026-11-22",
               "--format", "json")
    item = json.loads(done.stdout)["pay"][0]
    assert item["current_salary"] is None and item["gain_per_year"] is None and item["payback_days"] is None
    assert item["salary"]["median"] > 0 and item["note"] == "the profile gives no current_salary"


def test_plan_text_shows_the_raise_the_payback_and_both_sources(tmp_path: Path) -> None:
    done = run(tmp_path, "plan", "--profile", str(VETERAN), "--today", "2026-11-22")
    line = next(x for x in done.stdout.splitlines() if "median pay" in x)
    assert "BLS" in line and "you earn $52,000 now (USD, self-reported at intake): +$" in line
    assert "paid back in about" in line


def test_report_json_learner_and_cohort_carry_pay(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    done = run(tmp_path, "report", str(ROOT / "examples" / "profiles"), "--format", "json", "--output", str(out),
               "--today", "2026-11-22", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    learner = json.loads((out / "veteran-to-cybersecurity.json").read_text())
    check_pay(learner["plan"]["pay"][0], learner["plan"]["totals"]["cost"])
    cohort = json.loads((out / "cohort.json").read_text())
    row = next(r for r in cohort["learners"] if r["key"] == "veteran-to-cybersecurity")
    assert row["report"] == "veteran-to-cybersecurity.json" and (out / row["report"]).is_file()
    assert row["roles"] == ["information-security-analyst"] and 0 <= row["readiness"]["information-security-analyst"] <= 1
    assert row["end"] == learner["plan"]["end"]
    check_pay(row["pay"][0], row["cost"])


@pytest.mark.parametrize("kind", ["html", "markdown"])
def test_reports_show_pay_with_its_source_and_the_cohort_links_each_learner(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "reports"
    done = run(tmp_path, "report", str(ROOT / "examples" / "profiles"), "--format", kind, "--output", str(out),
               "--today", "2026-11-22", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    suffix = ".html" if kind == "html" else ".md"
    page = (out / f"veteran-to-cybersecurity{suffix}").read_text()
    assert "you earn $52,000 now (USD, self-reported at intake)" in page and "BLS" in page
    cohort = (out / f"cohort{suffix}").read_text()
    for profile in (ROOT / "examples" / "profiles").glob("*.yaml"):
        link = f'href="{profile.stem}.html"' if kind == "html" else f"]({profile.stem}.md)"
        assert link in cohort
    assert "pays back in" in cohort and "Pay in the target roles" in cohort
