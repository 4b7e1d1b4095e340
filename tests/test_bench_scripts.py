"""Every script in bench/ answers --help, and refuses a bad size or option in one line, exit 2.

No benchmark runs here: each case stops in the argument parser, before any catalog is read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"

# a size (or count) each script must refuse, and what its error says; a new script needs its line here
BAD_SIZE = {
    "bench_ab.py": (["--base", sys.executable, "--new", sys.executable, "--catalog", "huge"],
                    "argument --catalog: 'huge' is neither a size"),
    "bench_import.py": (["--records", "huge"], "argument --records: 'huge' is not a whole number"),
    "bench_load.py": (["--table", "--runs", "3", "huge"], "argument SIZE: unknown size 'huge'"),
    "bench_plan.py": (["--mixed", "huge"], "argument --mixed: 'huge' is not a whole number"),
    "bench_postings.py": (["--warm", "huge", "--first", "--runs", "3"], "argument --warm: unknown size 'huge'"),
    "bench_report.py": (["huge"], "argument N: 'huge' is not a whole number"),
    "bench_warm.py": (["--runs", "7", "large", "huge"], "argument SIZE: unknown size 'huge'"),
    "gen_catalog.py": (["huge", "out"], "argument SIZE: unknown size 'huge'"),
}
NEEDED = {"bench_ab.py": ["--base", sys.executable, "--new", sys.executable], "gen_catalog.py": ["small", "out"]}  # arguments a script requires before it reads its options
Answers = dict[tuple[str, str], subprocess.CompletedProcess[str]]


def scripts() -> list[str]:
    return sorted(p.name for p in BENCH.glob("*.py") if 'if __name__ == "__main__":' in p.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> Answers:
    """Every script run with --help, a bad size and a bad option, all at once (cwd: an empty folder)."""
    cwd = tmp_path_factory.mktemp("bench-cwd")
    cases = {(name, case): [sys.executable, str(BENCH / name), *argv]
             for name in scripts() if name in BAD_SIZE
             for case, argv in (("help", ["--help"]), ("size", BAD_SIZE[name][0]),
                                ("flag", [*NEEDED.get(name, []), "--no-such-flag"]))}
    running = {key: subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for key, cmd in cases.items()}
    done = {}
    for key, proc in running.items():
        out, err = proc.communicate(timeout=120)
        done[key] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return done


def test_every_script_has_a_bad_size_case() -> None:
    assert scripts() == sorted(BAD_SIZE)


@pytest.mark.parametrize("name", sorted(BAD_SIZE))
def test_help_prints_the_usage_and_exits_0(name: str, answers: Answers) -> None:
    proc = answers[name, "help"]
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.startswith(f"usage: {name} ")
    assert "-h, --help" in proc.stdout


@pytest.mark.parametrize("case", ["size", "flag"])
@pytest.mark.parametrize("name", sorted(BAD_SIZE))
def test_a_bad_size_or_option_is_one_line_and_exit_2(name: str, case: str, answers: Answers) -> None:
    proc = answers[name, case]
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.endswith(" (see --help)\n"), proc.stderr
    said = BAD_SIZE[name][1] if case == "size" else "unrecognized arguments: --no-such-flag"
    assert proc.stderr.startswith(f"{name}: error: {said}"), proc.stderr
