"""Bad input a user can type, answered with exit code 2 and a message naming what to do."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app
from strategies import entry_point

runner = CliRunner()


@pytest.fixture
def mini(data: Path) -> list[str]:
    return ["--catalog", str(data / "catalogs" / "mini"), "--today", "2026-11-22"]


def _fails(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize("text", ["", "# only a comment\n", "~\n"])
def test_an_empty_profile_names_its_file_and_line(mini: list[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("me.yaml").write_text(text, encoding="utf-8")
    err = _fails("plan", *mini, "--profile", "me.yaml")
    assert "me.yaml:1:1: the profile is empty; see examples/profiles/ or run `skillstack init`" in err


def test_experience_beyond_eighty_years_is_refused(mini: list[str]) -> None:
    err = _fails("plan", *mini, "--role", "analyst", "--experience", "analysis:81")
    assert "--experience 'analysis:81': years must be a number from 0 to 80" in err


def test_a_held_credential_dated_out_of_range_is_refused(mini: list[str]) -> None:
    err = _fails("plan", *mini, "--role", "analyst", "--holds", "py-basics@9999-01-01")
    assert "--holds 'py-basics@9999-01-01': earned '9999-01-01' is out of range; use a year from 1900 to 2200" in err


@pytest.mark.parametrize(("command", "item", "message"), [
    ("plan", "py-basics@9999-01-01", "earned '9999-01-01' is out of range; use a year from 1900 to 2200"),
    ("plan", "py-basics@1899-12-31", "earned '1899-12-31' is out of range; use a year from 1900 to 2200"),
    ("plan", "py-basics@2026-13-01", "earned '2026-13-01' is not a date; write it as YYYY-MM-DD"),
    ("audit", "py-basics@0001-01-01", "earned '0001-01-01' is out of range; use a year from 1900 to 2200"),
])
def test_a_held_date_out_of_range_quotes_the_item_from_the_installed_command(
        data: Path, tmp_path: Path, command: str, item: str, message: str) -> None:
    """Through the entry point, as a user runs it: exit 2, one line naming the flag, the item as
    typed, its date and the range to use; the profile given beside it is not blamed."""
    profile = tmp_path / "me.yaml"
    profile.write_text("targets: [analyst]\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLSTACK_CATALOG", None)
    done = subprocess.run([entry_point(), command, "--catalog", str(data / "catalogs" / "mini"), "--today", "2026-11-22",
                           "--profile", str(profile), "--holds", item], capture_output=True, text=True, env=env,
                          timeout=120, check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"skillstack: error: --holds '{item}': {message}\n"
