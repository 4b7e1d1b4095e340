"""Golden text outputs for people (80 and 120 columns) and for pipes (no terminal, no COLUMNS).

Regenerate after an intended change with SKILLSTACK_UPDATE_GOLDEN=1 and read the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app
from strategies import regold

runner = CliRunner()
GOLDEN = Path(__file__).parents[1] / "data" / "golden"
MINI = str(Path(__file__).parents[1] / "data" / "catalogs" / "mini")
DAY = ["--today", "2026-11-22"]
CASES = {
    "plan": ["plan", "--catalog", MINI, *DAY, "--start", "2026-12-01", "--role", "analyst", "--have", "sql:1"],
    "plan-infeasible": ["plan", "--catalog", MINI, *DAY, "--start", "2026-12-01", "--role", "analyst",
                        "--budget", "150"],
    "audit": ["audit", "--catalog", MINI, *DAY, "--role", "analyst", "--role", "security-lead", "--have", "py3:2",
              "--holds", "security-entry@2025-01-01"],
    "roles": ["roles", "--catalog", MINI, *DAY, "--have", "sql:2"],
}
WIDTHS = {"80": "80", "120": "120", "pipe": None}


def _run(args: list[str], columns: str | None, monkeypatch: pytest.MonkeyPatch) -> str:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, width: str, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(CASES[case], WIDTHS[width], monkeypatch)
    path = GOLDEN / f"{case}.{width}.txt"
    if regold():
        path.write_text(out)
    assert out == path.read_text()
    lines = out.splitlines()
    assert all(line == line.rstrip() for line in lines), "trailing spaces"
    if width != "pipe":
        assert max(map(len, lines)) <= int(width)


@pytest.mark.parametrize("case", CASES)
def test_ids_are_never_split(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    wide = _run(CASES[case], None, monkeypatch)
    narrow = _run(CASES[case], "80", monkeypatch)
    ids = set(re.findall(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b", wide)) - {"2026", "2027"}
    for ident in ids:
        assert ident in narrow, ident


def test_pipe_output_is_not_wrapped_at_80(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(CASES["plan-infeasible"], None, monkeypatch)
    assert max(map(len, out.splitlines())) > 80
    assert out.startswith("No pathway to Data Analyst fits your budget of $150: the cheapest full pathway costs "
                          "$230 and takes 60 h (6 weeks at 10 h/week). Raise the budget to $230, or take the best "
                          "partial pathway below.\n")
    assert "optimal" not in out


def test_quiet_prints_the_answer_only(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run([*CASES["plan"], "-q"], None, monkeypatch)
    assert out == "Data Analyst: 3 credentials, $230, 60 h (6 weeks at 10 h/week), 2026-12-01 to 2027-01-11.\n"


def test_start_in_the_past_plans_from_today_and_deadline_before_start_fails() -> None:
    result = runner.invoke(app, ["plan", "--catalog", MINI, *DAY, "--start", "2025-01-01", "--role", "analyst",
                                 "--format", "json"])
    assert result.exit_code == 0 and '"start": "2026-11-22"' in result.stdout
    assert "start 2025-01-01 is in the past; planning from today, 2026-11-22" in result.stderr
    result = runner.invoke(app, ["plan", "--catalog", MINI, *DAY, "--deadline", "2026-11-01", "--role", "analyst"])
    assert result.exit_code == 2
    assert "deadline 2026-11-01 is before the start of study (2026-11-22)" in result.stderr


def test_profile_from_stdin(data: Path) -> None:
    result = runner.invoke(app, ["plan", "--catalog", MINI, *DAY, "-p", "-", "-q"],
                           input="targets: [analyst]\nskills: {sql: 2, python: 1}\n")
    assert result.exit_code == 0 and result.stdout.startswith("Data Analyst: 1 credential, $80")
