"""Shell completion through the installed entry point: bash, zsh and fish, with catalog ids."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from strategies import entry_point

EXE = entry_point()


def _complete(env: dict[str, str]) -> str:
    result = subprocess.run([EXE], capture_output=True, text=True, timeout=60, check=False,
                            env={**os.environ, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_script_for_each_shell(shell: str) -> None:
    result = subprocess.run([EXE, "completion", shell], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and "_SKILLSTACK_COMPLETE" in result.stdout


def test_bash_completes_role_ids_and_skill_levels(data: Path) -> None:
    mini = str(data / "catalogs" / "mini")
    out = _complete({"_SKILLSTACK_COMPLETE": "complete_bash", "COMP_CWORD": "5",
                     "COMP_WORDS": f"skillstack plan --catalog {mini} --role sec"})
    assert out.split() == ["security-lead"]
    out = _complete({"_SKILLSTACK_COMPLETE": "complete_bash", "COMP_CWORD": "5",
                     "COMP_WORDS": f"skillstack plan --catalog {mini} --have py"})
    assert out.split() == ["python"]
    out = _complete({"_SKILLSTACK_COMPLETE": "complete_bash", "COMP_CWORD": "3",
                     "COMP_WORDS": "skillstack plan --have sql:"})
    assert out.split() == ["sql:1", "sql:2", "sql:3", "sql:4"]


def test_zsh_and_fish_complete_credential_ids(data: Path) -> None:
    mini = str(data / "catalogs" / "mini")
    out = _complete({"_SKILLSTACK_COMPLETE": "complete_zsh",
                     "_TYPER_COMPLETE_ARGS": f"skillstack progress start --catalog {mini} stats"})
    assert "stats-course" in out
    out = _complete({"_SKILLSTACK_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args",
                     "_TYPER_COMPLETE_ARGS": f"skillstack show --catalog {mini} data-"})
    assert out.split() == ["data-analysis", "data-stack"]
