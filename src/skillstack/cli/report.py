"""report: pathway reports for advisors, one per profile, and a cohort summary for a folder."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import Enum
from pathlib import Path

import typer

from skillstack.cli.app import app
from skillstack.cli.options import CatalogOpt, catalog_paths, parse_date
from skillstack.cli.output import console, print_report, warn
from skillstack.errors import InputError
from skillstack.fileio import find_files


class ReportFmt(str, Enum):
    markdown = "markdown"
    html = "html"
    json = "json"


def profile_files(paths: list[Path]) -> tuple[list[Path], bool]:
    """Profiles to report on, and whether any folder (a cohort) was given."""
    files: list[Path] = []
    cohort = False
    for path in paths:
        if path.is_dir():
            cohort = True
            found = find_files(path, (".yaml", ".yml"))
            if not found:
                raise InputError(f"{path}: no profile files (*.yaml) in this folder")
            files += found
        elif path.exists():  # a file; anything else is refused, with its kind, when read
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return list(dict.fromkeys(files)), cohort


@contextmanager
def progress_bar(total: int, quiet: bool = False) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for a terminal and more than one report, unless `quiet`: yields
    the function that advances it (one that does nothing when there is no bar to show)."""
    if quiet or not sys.stderr.isatty() or total < 2:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("reports"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  transient=True, console=console(stderr=True)) as bar:
        task = bar.add_task("reports", total=total)
        yield lambda: bar.advance(task)


@app.command()
def report(
    paths: list[Path] = typer.Argument(..., help="Profile files, or folders of profiles (a cohort)."),
    fmt: ReportFmt = typer.Option(ReportFmt.html, "--format", "-f", help="Report format."),
    output: Path = typer.Option(Path("reports"), "--output", "-o", help="Folder to write the reports into."),
    timestamp: bool = typer.Option(False, "--timestamp", help="Stamp reports with the time they were made "
                                   "(off by default, so the same inputs give identical files)."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (default: one per core)."),
    today: str | None = typer.Option(None, "--today", help="Date to plan from when a profile has no start "
                                        "(default today).", metavar="YYYY-MM-DD"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no closing line on stderr "
                               "(warnings and errors are still shown)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Name each file written and each learner with no "
                                 "feasible pathway, on stderr."),
    catalog: list[Path] | None = CatalogOpt,
) -> None:
    """Write a pathway report per profile; a folder of profiles also gets a cohort summary.

    Each report shows the target roles and readiness, the gap, the recommended
    pathway on a dated timeline, cost and hours, cheapest vs fastest, stacks
    earned, credentials to renew, why each step, what was left out and why, and
    the catalog version and review dates the advice rests on.

    Examples:

    \b
      skillstack report examples/profiles/ --format html --output reports/
      skillstack report me.yaml --format markdown -o out/ --today 2027-01-04
      skillstack report cohort/ --jobs 2 --timestamp -q
    """
    from datetime import date

    from skillstack.cache import load_catalog
    from skillstack.cli.output import note
    from skillstack.client_reports import COHORT_KEY, cohort, learner_reports, read_learners, report_keys
    from skillstack.fileio import ensure_folder
    from skillstack.report.outputs import REPORT, ReportFile
    from skillstack.report.render import SUFFIX, run_summary

    files, is_cohort = profile_files(paths)
    cat = load_catalog(catalog_paths(catalog), progress=None if quiet else note).catalog
    day = parse_date(today, "--today") or date.today()
    profiles = []
    for profile, readings in read_learners(cat, files):  # shown as read: before a later file's error
        for message in readings:
            warn(message)
        profiles.append(profile)
    learners = list(zip(report_keys([(f.parent.name, f.stem) for f in files]), profiles, strict=True))
    ensure_folder(output)
    stamp = datetime.now().astimezone() if timestamp else None
    with progress_bar(len(learners), quiet) as advance:
        results = learner_reports(cat, learners, day, workers=jobs or os.cpu_count() or 1, done=advance)
    suffix = SUFFIX[fmt.value]
    for result in results:
        print_report(REPORT.report(fmt.value, ReportFile(cat, result, stamp)), output / f"{result.key}{suffix}")
        if verbose:
            note(f"wrote {output / f'{result.key}{suffix}'}"
                 + ("" if result.plan.feasible else " (no feasible pathway: the best partial one)"))
    if is_cohort:
        print_report(REPORT.report(fmt.value, ReportFile(cat, cohort(results), stamp)), output / f"{COHORT_KEY}{suffix}")
        if verbose:
            note(f"wrote {output / f'{COHORT_KEY}{suffix}'} (cohort summary)")
    if not quiet:
        note(run_summary(results, len(results) + is_cohort, str(output)))
