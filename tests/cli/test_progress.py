"""progress start|done|drop: the profile edited in place, comments and layout kept."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from skillstack.cli import app
from skillstack.errors import InputError
from skillstack.profile_edit import add_held_credential, set_progress

runner = CliRunner()

PROFILE = """\
# Sam's plan; the advisor reads this file too.
name: Sam Test   # display name

skills:
  python: 1        # from a bootcamp
credentials:
  - {id: security-entry, earned: 2025-01-10}   # old job
targets: [analyst]  # the goal
constraints:
  budget: 500
  hours_per_week: 10   # evenings
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def mini(data: Path) -> list[str]:
    return ["--catalog", str(data / "catalogs" / "mini")]


def test_start_then_done_keeps_every_comment_and_line(mini: list[str], tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text(PROFILE)
    code, out, err = run("progress", "start", "sql basic", "--profile", str(path), "--date", "2026-11-02", *mini)
    assert code == 0 and "'sql basic' read as 'SQL Basics' (sql-basics)" in err
    assert out == f"SQL Basics (sql-basics): started on 2026-11-02; {path} updated\n"
    assert path.read_text() == PROFILE + ("progress:\n  in_progress: [sql-basics]\n"
                                          "  started: {sql-basics: 2026-11-02}\n")
    code, out, _ = run("progress", "done", "sql-basics", "-p", str(path), "--date", "2026-11-20", *mini,
                       "--format", "json")
    assert code == 0 and json.loads(out) == {"schema_version": 1, "action": "done", "credential": "sql-basics",
                                             "date": "2026-11-20", "profile": str(path)}
    assert path.read_text() == PROFILE.replace(
        "  - {id: security-entry, earned: 2025-01-10}   # old job\n",
        "  - {id: security-entry, earned: 2025-01-10}   # old job\n  - {id: sql-basics, earned: 2026-11-20}\n")


def test_drop_returns_the_file_to_what_it_was(mini: list[str], tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text(PROFILE)
    assert run("progress", "start", "py-basics", "-p", str(path), *mini)[0] == 0
    assert run("progress", "drop", "py-basics", "-p", str(path), *mini)[0] == 0
    assert path.read_text() == PROFILE
    code, _, err = run("progress", "drop", "py-basics", "-p", str(path), *mini)
    assert code == 2 and "py-basics is not in progress" in err


def test_plan_replans_from_progress_and_audit_shows_it(mini: list[str], tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text(PROFILE)
    base = ["--today", "2026-11-22", "--start", "2026-12-01", "--format", "json"]
    before = json.loads(run("plan", "-p", str(path), *mini, *base)[1])
    assert "sql-basics" in [s["credential"] for s in before["steps"]]
    run("progress", "start", "sql-basics", "-p", str(path), *mini)
    _, out, _ = run("audit", "-p", str(path), *mini, "--today", "2026-11-22", "--format", "json")
    assert [line["skill"] for line in json.loads(out)["roles"][0]["in_progress"]] == ["sql"]
    _code, out, err = run("plan", "-p", str(path), *mini, *base)
    assert "planning as if SQL Basics (sql-basics), in progress, were earned" in err
    assert "sql-basics" not in [s["credential"] for s in json.loads(out)["steps"]]
    run("progress", "done", "sql-basics", "-p", str(path), *mini, "--date", "2026-11-21")
    after = json.loads(run("plan", "-p", str(path), *mini, *base)[1])
    assert [s["credential"] for s in after["steps"]] == ["stats-course"]


def test_unknown_credential_and_bad_profile_leave_the_file_alone(mini: list[str], tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text(PROFILE)
    code, _, err = run("progress", "start", "zzzz", "-p", str(path), *mini)
    assert code == 2 and "unknown credential 'zzzz'" in err and path.read_text() == PROFILE
    bad = tmp_path / "bad.yaml"
    bad.write_text("targets: [analyst\n")
    assert run("progress", "start", "sql-basics", "-p", str(bad), *mini)[0] == 2
    assert bad.read_text() == "targets: [analyst\n"


def test_add_held_credential_updates_rather_than_duplicates() -> None:
    text = "name: A  # keep\ncredentials: []\n"
    once = add_held_credential(text, "x", date(2025, 1, 1))
    assert once == "name: A  # keep\ncredentials:\n  - {id: x, earned: 2025-01-01}\n"
    twice = add_held_credential(once, "x", date(2025, 2, 1), expires=date(2028, 2, 1))
    assert yaml.safe_load(twice)["credentials"] == [{"id": "x", "earned": date(2025, 2, 1),
                                                      "expires": date(2028, 2, 1)}]


def test_zero_offset_lists_keep_their_indentation() -> None:
    text = "credentials:\n- {id: a}\nprogress:\n  in_progress:\n  - b   # doing\n"
    out = set_progress(text, "start", "c", date(2026, 1, 1))
    assert out.startswith("credentials:\n- {id: a}\nprogress:\n  in_progress:\n  - b   # doing\n  - c\n")


def test_not_yaml_is_refused() -> None:
    with pytest.raises(InputError, match="not valid YAML"):
        set_progress("a: [b\n", "start", "c", date(2026, 1, 1))
