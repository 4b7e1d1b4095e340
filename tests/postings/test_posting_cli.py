"""`skillstack posting` through the installed entry point and in-process."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import yaml
from typer.testing import CliRunner

from skillstack.cli import app
from strategies import entry_point

runner = CliRunner()
SKILLSTACK = entry_point()

POSTING = """# Security Analyst

## Minimum qualifications
- CompTIA Security+ (SY0-701) or CISSP required
- 3+ years of network administration
- Bachelor's degree in computer science or equivalent experience
- Strong SQL; familiarity with Python

## Nice to have
- PMP preferred
- Experience with Gurobi
"""


def entry(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([SKILLSTACK, *args], input=stdin, capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=120, check=False)


def test_posting_json_from_the_entry_point(tmp_path: Path) -> None:
    path = tmp_path / "analyst.md"
    path.write_text(POSTING)
    run = entry("posting", str(path), "--format", "json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["schema_version"] == 1 and doc["defaults"] == {"level": 2, "importance": "important"}
    [post] = doc["postings"]
    assert post["source"] == str(path) and post["title"] == "Security Analyst"
    assert [(c["any_of"], c["importance"], [e["line"] for e in c["evidence"]]) for c in post["credentials"]] == [
        (["comptia-security-plus", "isc2-cissp"], "essential", [4, 4, 4]),
        (["pmi-pmp"], "optional", [10]),
    ]
    skills = {s["skill"]: (s["level"], s["importance"], s["evidence"][0]["line"]) for s in post["skills"]}
    assert skills == {"sql": (3, "essential", 7), "python": (1, "essential", 7),
                      "network-administration": (2, "essential", 5)}
    assert post["experience"][0] | {"evidence": None} == {
        "domain": "networking", "years": 3.0, "importance": "essential", "importance_reason": "under 'Minimum "
        "qualifications'", "what": "network administration", "domain_reason": "the domain of Network Administration "
        "(network-administration)", "evidence": None}
    assert [(e["level"], e["field"], e["or_experience"]) for e in post["education"]] == [
        ("bachelor", "computer science", True)]
    assert {u["phrase"] for u in post["unmapped"]} == {"Gurobi", "computer science"}


def test_posting_reads_stdin_and_html() -> None:
    html = "<h2>Requirements</h2><ul><li>PMP required</li></ul>"
    run = runner.invoke(app, ["posting", "-", "--format", "json"], input=html)
    assert run.exit_code == 0, run.stderr
    [post] = json.loads(run.stdout)["postings"]
    assert post["source"] == "<stdin>" and post["credentials"][0]["any_of"] == ["pmi-pmp"]
    assert post["credentials"][0]["importance"] == "essential"


def test_role_written_passes_validate_strict(tmp_path: Path) -> None:
    for n, extra in enumerate(["", "- Tableau\n", "- Tableau\n- SQL required\n"]):
        (tmp_path / f"p{n}.md").write_text(POSTING + extra)
    out = tmp_path / "roles" / "acme.yaml"
    out.parent.mkdir()
    run = runner.invoke(app, ["posting", *(str(tmp_path / f"p{n}.md") for n in range(3)), "--role-id",
                              "acme-security-analyst", "-o", str(out), "--format", "json"])
    assert run.exit_code == 0, run.stderr
    role = json.loads(run.stdout)["role"]
    assert role["written"] == str(out)
    summaries = [r["summary"] for r in role["requires"]]
    assert "SQL: 3 of 3 postings" in summaries and "Tableau: 2 of 3 postings" in summaries
    [doc] = yaml.safe_load(out.read_text())["roles"]
    assert doc["id"] == "acme-security-analyst" and doc["name"] == "Security Analyst"
    assert {"any_of": [{"credential": "comptia-security-plus"}, {"credential": "isc2-cissp"}],
            "importance": "essential", "source": "CompTIA Security+ or ISC2 Certified Information Systems Security "
            "Professional (CISSP): 3 of 3 postings"} in doc["requires"]
    shipped = Path(__file__).parents[2] / "catalog"
    check = runner.invoke(app, ["validate", "--strict", str(shipped), str(out)])
    assert check.exit_code == 0, check.stdout + check.stderr


def test_output_needs_a_role_id_and_a_good_one(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text(POSTING)
    result = runner.invoke(app, ["posting", str(path), "-o", str(tmp_path / "r.yaml")])
    assert result.exit_code == 2 and "--role-id" in result.stderr
    result = runner.invoke(app, ["posting", str(path), "--role-id", "Bad Id"])
    assert result.exit_code == 2 and "not an id" in result.stderr
    result = runner.invoke(app, ["posting", str(path), "--role-id", "data-analyst"])
    assert result.exit_code == 2 and "already in the catalog" in result.stderr
    assert not (tmp_path / "r.yaml").exists()


def test_missing_and_binary_files_are_input_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["posting", str(tmp_path / "nope.md")])
    assert result.exit_code == 2 and "no such file" in result.stderr
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe\x00bad")
    result = runner.invoke(app, ["posting", str(tmp_path / "bin.txt")])
    assert result.exit_code == 2 and "not UTF-8" in result.stderr


def test_text_output_shows_evidence_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text(POSTING)
    result = runner.invoke(app, ["posting", str(path)])
    assert result.exit_code == 0
    assert 'line 4 "CompTIA Security+", line 4 "SY0-701", line 4 "CISSP"' in result.stdout
    assert "SQL (sql): level 3 advanced (says 'Strong'), essential (under 'Minimum qualifications')" in result.stdout
    assert "Levels without a wording cue are 2 (intermediate)" in result.stdout


def test_oversized_input_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("SQL " * 300_000)
    result = runner.invoke(app, ["posting", str(path)])
    assert result.exit_code == 2 and "larger than 1 MB" in result.stderr


def test_long_lines_without_sentence_ends_stay_fast(tmp_path: Path) -> None:
    import time

    path = tmp_path / "run-on.txt"
    path.write_text("strong SQL and Python experience with 3 years of network administration " * 1500)
    started = time.process_time()
    result = runner.invoke(app, ["posting", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert time.process_time() - started < 20  # about 1 s of CPU; quadratic work took minutes
    [post] = json.loads(result.stdout)["postings"]
    assert {s["skill"] for s in post["skills"]} >= {"sql", "python"} and len(post["skills"][0]["evidence"]) == 50
