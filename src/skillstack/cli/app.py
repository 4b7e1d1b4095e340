"""The Typer app and the one place where errors become exit codes (SPEC section 6)."""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperGroup

from skillstack.errors import ExitCode, SkillstackError
from skillstack.safe_text import one_line


class Group(TyperGroup):
    """Maps SkillstackError and unexpected exceptions to one-line messages and exit codes."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except SkillstackError as exc:
            typer.echo(f"skillstack: error: {one_line(str(exc))}", err=True)
            raise typer.Exit(int(exc.exit_code)) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            typer.echo("skillstack: interrupted", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:
            if "--debug" in sys.argv or (ctx.obj or {}).get("debug"):
                raise
            detail = one_line(str(exc) if len(str(exc)) <= 200 else str(exc)[:200] + "...")
            typer.echo(f"skillstack: internal error: {type(exc).__name__}: {detail} "
                       "(rerun with --debug for the traceback, and please report it)", err=True)
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


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


@app.callback()
def main_options(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for internal errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    ctx.obj = {"debug": debug}
