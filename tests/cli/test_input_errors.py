"""Bad input a user can type, answered with exit code 2 and a message naming what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app

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
    assert "--holds py-basics@9999-01-01: the date is out of range; use a year from" in err
