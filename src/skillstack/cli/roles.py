"""roles: which roles exist, and how ready a learner is for each."""

from __future__ import annotations

from pathlib import Path

import typer

from skillstack.cli.app import app, keep_until_exit
from skillstack.cli.options import (
    CatalogOpt,
    Fmt,
    FormatOpt,
    HaveOpt,
    HoldsOpt,
    ProfileOpt,
    TodayOpt,
    catalog_paths,
    listed,
    load_learner,
    today_from,
)
from skillstack.cli.output import note, print_report, warn


@app.command()
def roles(
    field: str | None = typer.Option(None, "--field", help="Only roles in this field (e.g. data, security)."),
    profile: Path | None = ProfileOpt,
    have: list[str] | None = HaveOpt,
    holds: list[str] | None = HoldsOpt,
    today: str | None = TodayOpt,
    catalog: list[Path] | None = CatalogOpt,
    fmt: Fmt = FormatOpt,
) -> None:
    """List the roles in the catalog: field, median pay, outlook.

    With a profile (or --have / --holds), each role's readiness too, most
    ready first: the share of its required skills you already meet.

    Examples:

    \b
      skillstack roles --field security
      skillstack roles --profile examples/profiles/teacher-to-ux-designer.yaml
      skillstack roles --have sql:2 --format json
    """
    from skillstack.lookup import resolve_field
    from skillstack.lookup import roles as list_roles
    from skillstack.report.outputs import ROLES, RolesReport

    learner = None
    if profile or have or holds:
        from skillstack.profile import Flags

        cat, learner = load_learner(catalog, profile, Flags(have=listed(have), holds=listed(holds)))
    else:
        from skillstack.cache import load_catalog

        cat = load_catalog(catalog_paths(catalog), progress=note).catalog
        keep_until_exit(cat)
    if field is not None:
        field, reading = resolve_field(cat, field)
        if reading:
            warn(reading)
    rows = list_roles(cat, field, learner, today_from(today))
    print_report(ROLES.report(fmt.value, RolesReport(cat, field, rows, readiness=learner is not None)))
