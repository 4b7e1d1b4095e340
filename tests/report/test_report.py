"""report: files per profile and per cohort, reproducible, escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app

runner = CliRunner()
HOSTILE_NAME = '<script>alert("x")</script> *Eve* | [link](http://evil.example)'


@pytest.fixture
def cohort_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "cohort"
    folder.mkdir()
    (folder / "ana.yaml").write_text("name: Ana\ntargets: [analyst]\nskills: {python: 1}\n"
                                     "constraints: {start: 2026-12-01, budget: 1000}\n")
    (folder / "eve.yaml").write_text(f"name: '{HOSTILE_NAME}'\ntargets: [analyst]\n"
                                     "constraints: {start: 2026-12-01, budget: 100}\n")
    (folder / "sec.yaml").write_text("name: Sam\ntargets: [security-lead]\nconstraints: {start: 2026-12-01}\n")
    return folder


def make(cohort_dir: Path, out: Path, fmt: str, data: Path, *extra: str) -> list[str]:
    result = runner.invoke(app, ["report", str(cohort_dir), "--format", fmt, "--output", str(out), "--jobs", "1",
                                 "--catalog", str(data / "catalogs" / "mini"), "--today", "2026-11-22", *extra])
    assert result.exit_code == 0, result.output
    return sorted(p.name for p in out.iterdir())


@pytest.mark.parametrize("fmt,suffix", [("markdown", "md"), ("html", "html"), ("json", "json")])
def test_one_report_per_learner_and_a_cohort_summary(cohort_dir: Path, tmp_path: Path, data: Path,
                                                     fmt: str, suffix: str) -> None:
    names = make(cohort_dir, tmp_path / "out", fmt, data)
    assert names == [f"ana.{suffix}", f"cohort.{suffix}", f"eve.{suffix}", f"sec.{suffix}"]


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_reports_are_byte_identical_across_runs(cohort_dir: Path, tmp_path: Path, data: Path, fmt: str) -> None:
    make(cohort_dir, tmp_path / "a", fmt, data)
    make(cohort_dir, tmp_path / "b", fmt, data)
    for file in (tmp_path / "a").iterdir():
        assert file.read_bytes() == (tmp_path / "b" / file.name).read_bytes(), file.name


def test_timestamp_only_when_asked(cohort_dir: Path, tmp_path: Path, data: Path) -> None:
    make(cohort_dir, tmp_path / "a", "json", data)
    assert "generated" not in json.loads((tmp_path / "a" / "ana.json").read_text())
    make(cohort_dir, tmp_path / "b", "json", data, "--timestamp")
    assert "generated" in json.loads((tmp_path / "b" / "ana.json").read_text())


def test_html_escapes_catalog_and_profile_strings(cohort_dir: Path, tmp_path: Path, data: Path) -> None:
    make(cohort_dir, tmp_path / "out", "html", data)
    for name in ("eve.html", "cohort.html"):
        page = (tmp_path / "out" / name).read_text()
        assert "<script>" not in page
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
        assert 'href="http://evil' not in page


def test_markdown_escapes_catalog_and_profile_strings(cohort_dir: Path, tmp_path: Path, data: Path) -> None:
    make(cohort_dir, tmp_path / "out", "markdown", data)
    for name in ("eve.md", "cohort.md"):
        text = (tmp_path / "out" / name).read_text()
        assert "<script>" not in text and "&lt;script&gt;" in text
        assert r"\*Eve\* \| \[link\](http://evil.example)" in text


def test_learner_report_content(cohort_dir: Path, tmp_path: Path, data: Path) -> None:
    make(cohort_dir, tmp_path / "out", "markdown", data)
    text = (tmp_path / "out" / "ana.md").read_text()
    assert "| 1 | SQL Basics | 2026-12-01 to 2026-12-14 | $100 (source kind not stated) | 20 | closes SQL |" in text  # names, not ids
    assert "- Acme Data Stack, on completing Statistics with Python (2027-01-04)" in text
    assert "## Alternatives" not in text  # the cheapest pathway is also the fastest here
    assert "Advice based on mini test catalog version 1; the facts of the credentials above were last " \
           "reviewed between 2026-10-01 and 2026-10-01." in text
    infeasible = (tmp_path / "out" / "sec.md").read_text()
    assert "### Why no pathway closes the whole gap" in infeasible
    assert "- Security Expert: needs 5 years of security experience" in infeasible


def test_cohort_summary_content(cohort_dir: Path, tmp_path: Path, data: Path) -> None:
    make(cohort_dir, tmp_path / "out", "json", data)
    doc = json.loads((tmp_path / "out" / "cohort.json").read_text())
    assert [(x["key"], x["feasible"]) for x in doc["learners"]] == [("ana", True), ("eve", False), ("sec", False)]
    assert doc["gaps"]["ana"] == {"sql": 2, "statistics": 2}
    assert doc["fund"][0] == {"credential": "sql-basics", "learners": 2, "gaps_closed": 2}
    assert doc["totals"] == {"cost": 180.0, "median_cost": 180.0, "hours": 50.0, "median_weeks": 5.0}
    assert [x["key"] for x in doc["infeasible"]] == ["eve", "sec"]


def test_parallel_run_matches_serial(cohort_dir: Path, tmp_path: Path, data: Path) -> None:
    make(cohort_dir, tmp_path / "serial", "json", data)
    result = runner.invoke(app, ["report", str(cohort_dir), "--format", "json", "--output", str(tmp_path / "par"),
                                 "--jobs", "2", "--catalog", str(data / "catalogs" / "mini"),
                                 "--today", "2026-11-22"])
    assert result.exit_code == 0
    for file in (tmp_path / "serial").iterdir():
        assert file.read_bytes() == (tmp_path / "par" / file.name).read_bytes()


def test_bad_profile_is_usage_error_naming_the_file(cohort_dir: Path, tmp_path: Path, data: Path) -> None:
    (cohort_dir / "zed.yaml").write_text("name: Zed\ntargets: [astronaut]\n")
    result = runner.invoke(app, ["report", str(cohort_dir), "--output", str(tmp_path / "o"),
                                 "--catalog", str(data / "catalogs" / "mini")])
    assert result.exit_code == 2 and "unknown role 'astronaut'" in result.stderr
    assert not (tmp_path / "o").exists()


def test_output_that_is_a_file_is_usage_error(cohort_dir: Path, tmp_path: Path, data: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("keep me")
    result = runner.invoke(app, ["report", str(cohort_dir), "--output", str(taken),
                                 "--catalog", str(data / "catalogs" / "mini")])
    assert result.exit_code == 2 and "exists and is not a folder" in result.stderr
    assert taken.read_text() == "keep me"


def test_a_learner_profile_named_cohort_keeps_its_own_report(cohort_dir: Path, tmp_path: Path, data: Path) -> None:
    (cohort_dir / "cohort.yaml").write_text("name: Coco\ntargets: [analyst]\nconstraints: {start: 2026-12-01}\n")
    names = make(cohort_dir, tmp_path / "out", "json", data)
    assert names == ["ana.json", "cohort-cohort.json", "cohort.json", "eve.json", "sec.json"]
    assert json.loads((tmp_path / "out" / "cohort-cohort.json").read_text())["learner"] == "Coco"
    assert "learners" in json.loads((tmp_path / "out" / "cohort.json").read_text())


def test_more_jobs_than_profiles_runs_one_worker_per_profile(cohort_dir: Path, tmp_path: Path, data: Path) -> None:
    assert len(make(cohort_dir, tmp_path / "out", "json", data, "--jobs", "64")) == 4


def test_workers_that_cannot_start_are_a_one_line_error(cohort_dir: Path, tmp_path: Path, data: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    result = runner.invoke(app, ["report", str(cohort_dir), "--format", "json", "--output", str(tmp_path / "out"),
                                 "--jobs", "2", "--catalog", str(data / "catalogs" / "mini"), "--today", "2026-11-22"])
    assert result.exit_code == 2
    assert result.stderr.startswith("skillstack: error: could not run 2 worker processes")
    assert "--jobs 1" in result.stderr and "Traceback" not in result.output
