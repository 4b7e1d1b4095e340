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
    _app_module.app()


__all__ = ["app", "main"]
