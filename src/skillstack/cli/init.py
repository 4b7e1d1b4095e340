"""init: write a starter profile, asking a few questions or from flags."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer

from skillstack.cli.app import app, keep_until_exit
from skillstack.cli.options import (
    BudgetOpt,
    CatalogOpt,
    Fmt,
    FormatOpt,
    HaveOpt,
    HoursOpt,
    RoleOpt,
    catalog_paths,
    listed,
    parse_date,
)
from skillstack.cli.output import message, note, print_report
from skillstack.errors import ExitCode, InputError

if TYPE_CHECKING:
    from skillstack.catalog import Catalog
    from skillstack.starter import Answer, Starter

T = TypeVar("T")


def _ask_until(question: str, read: Callable[[str], Answer[T]], default: str | None = None) -> T:
    """Ask until `read(answer)` returns without InputError: its message is shown before asking
    again, and the readings of names in an accepted answer are shown."""
    while True:
        answer = typer.prompt(question, default=default, show_default=bool(default))
        try:
            got = read(answer)
        except InputError as exc:
            message("error", str(exc))
            continue
        for reading in got.readings:
            typer.echo(f"  {reading}")
        return got.value


def _ask(cat: Catalog) -> Starter:
    from skillstack.starter import Answer, Starter, read_budget, read_hours, read_roles, read_skills, read_start

    name = typer.prompt("Your name (optional)", default="", show_default=False).strip()
    typer.echo(f"Roles in the catalog: {len(cat.roles)} (type ? to list them; a name or id is fine)")
    roles = _ask_until("Target role(s), comma separated", lambda a: read_roles(cat, a))
    typer.echo("Levels: 1 foundational, 2 intermediate, 3 advanced, 4 expert (number or name)")
    have = _ask_until("Skills you have as skill:level, comma separated (optional)", lambda a: read_skills(cat, a),
                      default="")
    budget = _ask_until("Budget in USD (optional, e.g. $1,500)", lambda a: Answer(read_budget(a)), default="")
    hours = _ask_until("Hours a week you can study", lambda a: Answer(read_hours(a)), default="10")
    start = _ask_until("A fixed start date, YYYY-MM-DD (optional; empty: plans start when made)",
                       lambda a: Answer(read_start(a)), default="")
    return Starter(name=name, roles=roles, have=have, budget=budget, hours_per_week=hours, start=start)


@app.command()
def init(
    path: Path = typer.Argument(Path("profile.yaml"), help="Where to write the profile."),
    name: str | None = typer.Option(None, "--name", help="Your name (or the client's)."),
    role: list[str] | None = RoleOpt,
    have: list[str] | None = HaveOpt,
    budget: float | None = BudgetOpt,
    hours_per_week: float | None = HoursOpt,
    start: str | None = typer.Option(None, "--start", help="A fixed first day of study (default: none, so "
                                     "plans start the day they are made).", metavar="YYYY-MM-DD"),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    catalog: list[Path] | None = CatalogOpt,
    fmt: Fmt = FormatOpt,
) -> None:
    """Write a starter profile, asking a few questions (or from flags, without asking).

    Each answer is checked as it is typed and asked again, with suggestions,
    when the catalog has nothing like it; a misspelt role or skill shows the
    reading it accepted. Budgets may be written $1,500. Ctrl-C exits 130.

    Names are checked against the catalog before anything is written.

    Examples:

    \b
      skillstack init me.yaml --name Alex --role data-analyst --have excel:3 --budget 1500
      skillstack init me.yaml
    """
    import sys

    from skillstack.cache import load_catalog
    from skillstack.fileio import write_text_atomic
    from skillstack.report.outputs import INIT, InitReport
    from skillstack.starter import DEFAULT_HOURS_PER_WEEK, Starter, starter_text

    if path.exists() and not force:
        raise InputError(f"{path} already exists; pass --force to overwrite it or choose another path")
    cat = load_catalog(catalog_paths(catalog), progress=note).catalog
    keep_until_exit(cat)
    starter = Starter(name=name or "", roles=listed(role), have=listed(have), budget=budget,
                      hours_per_week=hours_per_week or DEFAULT_HOURS_PER_WEEK, start=parse_date(start, "--start"))
    if sys.stdin.isatty() and not (name or role or have or budget or hours_per_week):
        try:
            starter = _ask(cat)
        except (typer.Abort, KeyboardInterrupt, EOFError):
            typer.echo("", err=True)
            raise typer.Exit(ExitCode.INTERRUPTED) from None
    text = starter_text(cat, starter)
    write_text_atomic(path, text)
    print_report(INIT.report(fmt.value, InitReport(path)))
