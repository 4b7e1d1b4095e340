"""The command line: options -> service -> reporter -> exit code.

`skillstack.cli.app` is the Typer app with every command registered (their modules imported on
first use of the name). `main`, the console script, imports only the module of the command it
runs: `skillstack plan` does not import or build the other fifteen.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

_collecting = gc.isenabled()
gc.disable()  # see `app.unscanned`: importing the app (typer and all) makes tens of thousands of lasting objects
try:
    from skillstack.cli import app as _app_module  # the module; the name `app` is the Typer app (below)
finally:
    gc.freeze()
    if _collecting:
        gc.enable()

if TYPE_CHECKING:
    import typer

    from skillstack.cli.app import app

del globals()["app"]  # importing the submodule bound its name here; `app` is the Typer app below


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        _app_module.load_commands()
        globals()["app"] = _app_module.app
        return _app_module.app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    import os

    if "_SKILLSTACK_COMPLETE" in os.environ:  # the shell asks for completions (see `skillstack completion`)
        from typer._completion_classes import completion_init

        completion_init()
    _app_module.keep_for_exit()
    try:
        _app_module.app()
    except SystemExit as exc:
        if _app_module.anything_kept() and (exc.code is None or isinstance(exc.code, int)):
            _exit_now(int(exc.code or 0))
        raise


def _exit_now(code: int) -> None:
    """End the process with `code` once its output is written and the atexit handlers have run
    (a program that calls `main` may have registered some), without freeing what the command
    kept (`app.keep_until_exit`): nothing else is left to do (no thread of ours still running,
    no open file but stdout and stderr). Return instead, and let the interpreter exit as it
    always did, under a profiler or a tracer (`python -m cProfile`, coverage, a debugger: they
    write their results after `main` returns), or when the output cannot be flushed (the
    interpreter's exit then reports it)."""
    import atexit
    import os
    import sys

    if sys.getprofile() is not None or sys.gettrace() is not None:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    atexit._run_exitfuncs()  # (they run once: the interpreter's exit would run them, os._exit does not)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # a handler's own output: as the interpreter's exit would, go on
    os._exit(code)


__all__ = ["app", "main"]
