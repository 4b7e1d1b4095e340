"""The console script imports only the module of the command it runs; `--help` and a mistyped
command still see every command."""

from __future__ import annotations

import subprocess
import sys

import pytest

# run as the console script runs (`from skillstack.cli import main; main()`), then name the
# command modules imported by the time the interpreter exits
PROBE = ("import atexit, sys\n"
         "atexit.register(lambda: print(' '.join(sorted(m for m in sys.modules if m.startswith('skillstack.cli.'))),"
         " file=sys.stderr))\n"
         "sys.argv = ['skillstack', *sys.argv[1:]]\n"
         "from skillstack.cli import main\n"
         "main()\n")


def _modules(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120,
                          check=False, stdin=subprocess.DEVNULL)
    return done, set(done.stderr.strip().splitlines()[-1].split())


@pytest.mark.parametrize(("args", "module"), [(["rule", "--list"], "rule"), (["plan", "--help"], "plan"),
                                              (["import", "--help"], "importing"), (["show", "--help"], "lookup")])
def test_a_command_imports_its_own_module_only(args: list[str], module: str) -> None:
    done, modules = _modules(*args)
    assert done.returncode == 0, done.stderr
    commands = {m for m in modules if m.rsplit(".", 1)[1] not in ("app", "options", "output", "completion")}
    assert commands == {f"skillstack.cli.{module}"}


def test_help_and_a_mistyped_command_load_every_command() -> None:
    from skillstack.cli.app import COMMANDS

    every = {f"skillstack.cli.{module}" for module in COMMANDS.values()}
    done, modules = _modules("--help")
    assert done.returncode == 0 and every <= modules
    assert all(f"  {name} " in done.stdout for name in COMMANDS)
    done, modules = _modules("plna")
    assert done.returncode == 2 and every <= modules
    assert "Did you mean 'plan'?" in done.stderr
