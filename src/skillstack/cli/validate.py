from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from skillstack.cli.app import app, keep_until_exit
from skillstack.cli.options import CatalogOpt, catalog_paths, parse_date
from skillstack.cli.output import print_report
from skillstack.errors import ExitCode


class ValidateFmt(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    paths: list[Path] | None = typer.Argument(None, help="Catalog directories or files (default: --catalog)."),
    catalog: list[Path] | None = CatalogOpt,
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    fmt: ValidateFmt = typer.Option(ValidateFmt.text, "--format", "-f", help="Output format."),
    today: str | None = typer.Option(None, "--today", help="Date to judge review age by (default: today).",
                                        metavar="YYYY-MM-DD"),
    enable: list[str] | None = typer.Option(None, "--enable", metavar="RULE",
                                            help="Also run this opt-in rule (repeatable): onet-in-demand."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print the problems only, no summary line "
                               "(nothing for a clean catalog; the exit code says)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="After the summary, the count of problems "
                                 "per rule and every file checked (text format)."),
) -> None:
    """Check catalog files for every mistake a curator can make.

    Prints one problem a line, `path:line:col: level: message [rule]`, then a
    summary. Exit 0 when there are no errors (no warnings either with --strict),
    1 otherwise.

    Examples:

    \b
      skillstack validate --strict catalog/
      skillstack validate catalog/ --format github -q
      skillstack validate my-credentials.yaml --enable onet-in-demand -v
    """
    from skillstack.errors import UsageError
    from skillstack.report.outputs import VALIDATE, ValidateReport
    from skillstack.validate.rules import OPT_IN_RULES
    from skillstack.validate.service import validate_paths

    known = {rule.ID for rule in OPT_IN_RULES}
    for name in enable or []:
        if name not in known:
            raise UsageError(f"--enable {name}: no such opt-in rule; choose from {', '.join(sorted(known))}")
    result = validate_paths(paths or catalog_paths(catalog), parse_date(today, "--today"), enable or ())
    keep_until_exit(result)
    print_report(VALIDATE.report(fmt.value, ValidateReport(result, quiet=quiet, verbose=verbose)))
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(ExitCode.NO if failed else ExitCode.OK)
