"""The command line: options -> service -> reporter -> exit code."""

from __future__ import annotations

from skillstack.cli import audit as _audit  # noqa: F401
from skillstack.cli import completion as _completion  # noqa: F401
from skillstack.cli import graph as _graph  # noqa: F401
from skillstack.cli import importing as _importing  # noqa: F401
from skillstack.cli import init as _init  # noqa: F401
from skillstack.cli import lookup as _lookup  # noqa: F401  (registers the commands)
from skillstack.cli import plan as _plan  # noqa: F401  (plan, audit, init: the order --help lists them)
from skillstack.cli import posting as _posting  # noqa: F401
from skillstack.cli import progress as _progress  # noqa: F401
from skillstack.cli import report as _report  # noqa: F401
from skillstack.cli import roles as _roles  # noqa: F401
from skillstack.cli import rule as _rule  # noqa: F401
from skillstack.cli import validate as _validate  # noqa: F401
from skillstack.cli.app import app


def main() -> None:
    import os

    if "_SKILLSTACK_COMPLETE" in os.environ:  # the shell asks for completions (see `skillstack completion`)
        from typer._completion_classes import completion_init

        completion_init()
    app()


__all__ = ["app", "main"]
