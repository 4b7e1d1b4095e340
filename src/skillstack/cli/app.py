"""The Typer app and the one place where errors become exit codes (SPEC section 6)."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING

import typer
from typer.core import TyperGroup

from skillstack.cli.output import message, set_color
from skillstack.errors import ExitCode, SkillstackError

if TYPE_CHECKING:
    from typer._click import Command, Context


def _hoist(args: list[str], option: str) -> list[str]:
    """Move `option VALUE` / `option=VALUE` from anywhere (before `--`) to the front, so a
    global option may also be written after the command, as gh and ruff allow."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == option and i + 1 < len(args):
            front += args[i:i + 2]
            i += 2
            continue
        if arg.startswith(option + "="):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


_KEPT: list[object] = []
_keeping = False  # set by `main` (the console script), never in-process (tests invoke `app`)


def keep_until_exit(obj: object) -> None:
    """Keep a large object the command reads (a loaded catalog) until the process ends: when the
    console script (`skillstack.cli.main`) runs the command, it then ends the process without
    the interpreter freeing millions of objects one by one (about 0.2 s CPU after a validate at
    50,000 credentials, 0.4 s after a first plan). Run in-process (`app` called by a test or a
    program), nothing is kept."""
    if _keeping:
        _KEPT.append(obj)


def keep_for_exit() -> None:
    """Switch `keep_until_exit` on: the console script ends the process itself (`cli.main`)."""
    global _keeping
    _keeping = True


def anything_kept() -> bool:
    return bool(_KEPT)


COMMANDS = {
    "completion": "completion", "graph": "graph", "plan": "plan", "audit": "audit", "init": "init",
    "search": "lookup", "show": "lookup", "schema": "lookup", "posting": "posting", "progress": "progress",
    "report": "report", "roles": "roles", "rule": "rule", "validate": "validate", "import": "importing",
    "export": "importing",
}
"""Each command's module in `skillstack.cli`, in the order `--help` lists them. A command's module is
imported when the command is first looked up, so `skillstack plan` imports and builds only `plan`."""

HELP_ORDER = tuple(COMMANDS)
"""The order `--help` lists the commands in (one module per command, so not their import order)."""


@contextmanager
def unscanned() -> Iterator[None]:
    """Imports made inside leave the cyclic garbage collector alone: modules, classes and functions
    are tens of thousands of objects that last and make no garbage, which it would otherwise scan
    again and again (a warm `plan` ran 60 collections, 3-9 ms of its 0.15-0.3 s, half of them while
    typer was imported); once made, they are left out of its scans (`gc.freeze`, as after a
    catalog is built). Reference counting still frees what goes."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def load_commands(names: Iterable[str] = COMMANDS) -> None:
    """Import the modules that register the commands `names` (each registers its own on `app`)."""
    with unscanned():
        for name in names:
            importlib.import_module(f"skillstack.cli.{COMMANDS[name]}")


class Group(TyperGroup):
    """Maps SkillstackError and unexpected exceptions to one-line messages and exit codes."""

    def list_commands(self, ctx: Context) -> list[str]:
        names = set(super().list_commands(ctx)) | set(COMMANDS)
        return sorted(names, key=lambda name: HELP_ORDER.index(name) if name in HELP_ORDER else len(HELP_ORDER))

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        """The command `cmd_name`, its module imported and the command built on first use; a name
        that is no command loads them all, so the error can suggest the closest."""
        found = super().get_command(ctx, cmd_name)
        if found is None:
            load_commands([cmd_name] if cmd_name in COMMANDS else COMMANDS)
            self._add_registered()
            found = super().get_command(ctx, cmd_name)
        return found

    def _add_registered(self) -> None:
        """Build the commands registered on `app` since this group was built."""
        from typer.main import get_command_from_info, get_group_from_info

        for info in app.registered_commands:
            name = info.name or info.callback.__name__.lower().replace("_", "-")  # type: ignore[union-attr]
            if name not in self.commands:
                self.add_command(get_command_from_info(info, pretty_exceptions_short=app.pretty_exceptions_short,
                                                       rich_markup_mode=app.rich_markup_mode), name)
        for group in app.registered_groups:
            if group.name not in self.commands:
                self.add_command(get_group_from_info(group, pretty_exceptions_short=app.pretty_exceptions_short,
                                                     suggest_commands=self.suggest_commands,
                                                     rich_markup_mode=app.rich_markup_mode), group.name)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _hoist(list(args), "--color"))

    def invoke(self, ctx: Context) -> object:
        """Run the command; what it returns is click's (the group's result), passed on untouched."""
        try:
            return super().invoke(ctx)
        except SkillstackError as exc:
            message("error", str(exc))
            raise typer.Exit(int(exc.exit_code)) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except BrokenPipeError:
            # `skillstack roles | head -1`: the reader has what it wanted; say nothing, and point
            # stdout at /dev/null so the interpreter's last flush does not fail again
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(ExitCode.CLOSED_PIPE) from None
        except KeyboardInterrupt:
            message("error", "interrupted")
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except Exception as exc:
            if "--debug" in sys.argv or (ctx.obj or {}).get("debug"):
                raise
            detail = str(exc) if len(str(exc)) <= 200 else str(exc)[:200] + "..."
            message("internal error", f"{type(exc).__name__}: {detail} "
                    "(rerun with --debug for the traceback, and please report it)")
            raise typer.Exit(ExitCode.INTERNAL) from None


app = typer.Typer(
    cls=Group,
    name="skillstack",
    help="Plan micro-credential pathways: where you stand against a role, and the cheapest stack to get there.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"skillstack {version('skillstack')}")
        raise typer.Exit()


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


@app.callback()
def main_options(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for internal errors."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour output: auto (on a terminal, unless NO_COLOR "
                                "is set), always or never. May follow the command."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    set_color(color.value)
    ctx.obj = {"debug": debug}
