"""report --jobs: never more workers than profiles, and a clear exit when a worker cannot start."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from skillstack.cli import app
from skillstack.cli.report import progress_bar

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
MINI = str(ROOT / "tests" / "data" / "catalogs" / "mini")


@pytest.fixture
def three(tmp_path: Path) -> Path:
    folder = tmp_path / "cohort"
    folder.mkdir()
    for name in ("ana", "bo", "cy"):
        (folder / f"{name}.yaml").write_text(f"name: {name}\ntargets: [analyst]\nconstraints: {{start: 2026-12-01}}\n")
    return folder


def test_jobs_never_exceed_the_profiles(three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    started: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def recording(workers: int, *args: Any, **kwargs: Any) -> Any:
        started.append(workers)
        return real(workers, *args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording)
    result = runner.invoke(app, ["report", str(three), "--jobs", "64", "--format", "json", "-o", str(tmp_path / "o"),
                                 "--catalog", MINI])
    assert result.exit_code == 0, result.output
    assert started == [3]


def test_one_profile_runs_in_process(three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("no pool for one profile")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    result = runner.invoke(app, ["report", str(three / "ana.yaml"), "--jobs", "8", "--format", "json",
                                 "-o", str(tmp_path / "o"), "--catalog", MINI])
    assert result.exit_code == 0, result.output


def test_a_worker_that_dies_while_starting_is_a_clear_error_not_a_hang(three: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from skillstack import client_reports\n"
        "def broken(catalog):\n"
        "    import os; os._exit(7)\n"
        "client_reports.start_worker = broken\n"
        "from skillstack.cli import main\n"
        f"sys.argv = ['skillstack', 'report', {str(three)!r}, '--jobs', '2', '--format', 'json',"
        f" '-o', {str(tmp_path / 'o')!r}, '--catalog', {MINI!r}]\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2, result.stderr
    last = result.stderr.splitlines()[-1]  # a slow cold load may print a note about the cache first
    assert last.startswith("skillstack: error: could not run 2 worker processes")
    assert "Traceback" not in result.stderr



class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("total", "quiet", "shown"), [(3, False, True), (3, True, False), (1, False, False)])
def test_the_progress_bar_shows_on_a_terminal_for_several_reports(
        monkeypatch: pytest.MonkeyPatch, total: int, quiet: bool, shown: bool) -> None:
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.delenv("NO_COLOR")  # without colour rich draws no live bar
    with progress_bar(total, quiet) as advance:
        for _ in range(total):
            advance()
    assert (f"{total}/{total}" in stderr.getvalue()) is shown
    assert bool(stderr.getvalue()) is shown


def test_no_progress_bar_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    with progress_bar(3) as advance:
        advance()
    assert stderr.getvalue() == ""
