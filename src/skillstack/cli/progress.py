"""progress: record what a learner started, finished or dropped, in the profile itself."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from skillstack.cli import completion
from skillstack.cli.app import app
from skillstack.cli.options import CatalogOpt, Fmt, FormatOpt, catalog_paths, parse_date
from skillstack.cli.output import print_report, warn
from skillstack.errors import InputError


class Action(str, Enum):
    start = "start"
    done = "done"
    drop = "drop"


@app.command()
def progress(
    action: Action = typer.Argument(..., help="start, done (earned) or drop."),
    credential: str = typer.Argument(..., metavar="ID", autocompletion=completion.credentials, help="Credential id or name."),
    profile: Path = typer.Option(..., "--profile", "-p", help="The profile to update, in place."),
    day: str | None = typer.Option(None, "--date", help="When it happened (default today).", metavar="YYYY-MM-DD"),
    catalog: list[Path] | None = CatalogOpt,
    fmt: Fmt = FormatOpt,
) -> None:
    """Record progress in the profile, in place, keeping its comments and layout.

    start puts a credential under progress.in_progress with the day it started;
    done moves it to credentials as earned that day; drop takes it out. plan
    then re-plans from there, and audit shows what is in progress.

    Examples:

    \b
      skillstack progress start google-data-analytics --profile me.yaml
      skillstack progress done google-data-analytics --profile me.yaml --date 2027-03-01
      skillstack progress drop "gogle data analytics" --profile me.yaml
    """
    from datetime import date

    from skillstack.cache import load_catalog
    from skillstack.fileio import PROFILE_LIMIT, read_input_bytes, write_text_atomic
    from skillstack.profile import read_profile
    from skillstack.profile_edit import set_progress
    from skillstack.report.outputs import PROGRESS, ProgressReport

    if str(profile) == "-":
        raise InputError("progress edits a profile file in place; give its path, not -")
    when = parse_date(day, "--date") or date.today()
    if when > date.today():
        warn(f"--date {when} is in the future; recorded as given")
    read_profile(profile)  # a profile with mistakes is reported, not edited
    cat = load_catalog(catalog_paths(catalog)).catalog
    found = cat.credentials.resolve(credential)
    if found.warning:
        warn(found.warning)
    data = read_input_bytes(profile, what="profile", limit=PROFILE_LIMIT)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{profile}: not UTF-8 text, so it cannot be edited") from None
    write_text_atomic(profile, set_progress(text, action.value, found.id, when, where=str(profile)))
    print_report(PROGRESS.report(fmt.value, ProgressReport(action.value, found.id, cat.credential_name(found.id),
                                                           when, str(profile))))
