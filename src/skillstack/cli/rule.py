"""rule: the documentation of a validate rule, as `ruff rule` prints it."""

from __future__ import annotations

import typer

from skillstack.cli.app import app
from skillstack.cli.options import Fmt, FormatOpt
from skillstack.cli.output import print_report
from skillstack.errors import UsageError


@app.command()
def rule(
    ident: str | None = typer.Argument(None, metavar="[ID]", help="A rule id, as validate prints it in [brackets]."),
    list_all: bool = typer.Option(False, "--list", help="List every rule: id, level and what it checks."),
    fmt: Fmt = FormatOpt,
) -> None:
    """Explain a validate rule: what it checks, why, and an example.

    Examples:

    \b
      skillstack rule --list
      skillstack rule prerequisite-cycle
      skillstack rule --list --format json
    """
    from skillstack.report.outputs import RULE, RuleReport
    from skillstack.validate.docs import all_rules
    from skillstack.validate.docs import rule as find

    if list_all == (ident is not None):
        raise UsageError("give a rule id, or --list (run `skillstack rule --list` to see the ids)")
    print_report(RULE.report(fmt.value, RuleReport(all_rules() if list_all else [find(ident or "")], list_all)))
