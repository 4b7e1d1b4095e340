"""The console script ends the process itself after a command that loaded a catalog
(`cli.app.keep_until_exit`): its output, stderr and exit code are those of the same command
run in-process, where nothing is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app
from skillstack.cli.app import anything_kept
from skillstack.loader import shipped_catalog
from strategies import entry_point

DATA = Path(__file__).parents[1] / "data"
CASES = [
    ["validate", str(shipped_catalog()), "--today", "2026-11-01", "--format", "json"],
    ["validate", str(DATA / "rules" / "unknown-reference" / "fail"), "--today", "2026-11-01"],
    ["plan", "--catalog", str(shipped_catalog()), "--role", "data-analyst", "--today", "2026-12-01",
     "--start", "2026-12-01", "--format", "json"],
    ["plan", "--catalog", str(shipped_catalog()), "--role", "data-analyst", "--budget", "1", "--today",
     "2026-12-01", "--start", "2026-12-01"],
    ["plan", "--catalog", str(DATA / "rules" / "unknown-reference" / "fail"), "--role", "x"],
    ["roles", "--catalog", str(shipped_catalog())],
    ["search", "sql", "--catalog", str(shipped_catalog())],
    ["show", "sql", "--catalog", str(shipped_catalog())],
    ["show", "no-such-thing", "--catalog", str(shipped_catalog())],
    ["graph", "--role", "data-analyst", "--catalog", str(shipped_catalog())],
]


@pytest.mark.parametrize("args", CASES, ids=lambda args: " ".join(args[:1] + args[-2:]))
def test_the_console_script_answers_as_the_command_run_in_process(args: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([entry_point(), *args], capture_output=True, text=True, env=env, timeout=120,
                          check=False)
    inside = CliRunner().invoke(app, args, env={"SKILLSTACK_CACHE_DIR": str(tmp_path / "cache2")})
    assert done.returncode == inside.exit_code
    assert done.stdout == inside.stdout
    assert done.stderr.strip() == inside.stderr.strip()
    assert done.stdout or done.stderr


def test_in_process_nothing_is_kept() -> None:
    CliRunner().invoke(app, ["validate", str(shipped_catalog())])
    assert not anything_kept()


def test_atexit_handlers_still_run(tmp_path: Path) -> None:
    probe = ("import atexit, sys\n"
             "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
             "sys.argv = ['skillstack', 'validate', sys.argv[1]]\n"
             "from skillstack.cli import main\n"
             "main()\n")
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", probe, str(shipped_catalog())], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["handler ran"]
    assert done.stdout.startswith("0 errors, 0 warnings")


def test_a_profiler_still_writes_its_results(tmp_path: Path) -> None:
    out = tmp_path / "profile.out"
    env = {**os.environ, "NO_COLOR": "1", "SKILLSTACK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "skillstack", "validate",
                           str(shipped_catalog())], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0
