"""report: pathway reports for advisors, one per profile, and a cohort summary for a folder."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from skillstack.cli.app import app
from skillstack.cli.options import CatalogOpt, catalog_paths, parse_date
from skillstack.cli.output import console
from skillstack.errors import InputError

_CATALOG: Any = None  # set in each worker process


class ReportFmt(str, Enum):
    markdown = "markdown"
    html = "html"
    json = "json"


SUFFIX = {"markdown": ".md", "html": ".html", "json": ".json"}


def profile_files(paths: list[Path]) -> tuple[list[Path], bool]:
    """Profiles to report on, and whether any folder (a cohort) was given."""
    files: list[Path] = []
    cohort = False
    for path in paths:
        if path.is_dir():
            cohort = True
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                raise InputError(f"{path}: no profile files (*.yaml) in this folder")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return list(dict.fromkeys(files)), cohort


def report_keys(files: list[Path]) -> list[str]:
    """File stems, with the parent folder added where two stems collide."""
    stems = [f.stem for f in files]
    return [f"{f.parent.name}-{f.stem}" if stems.count(f.stem) > 1 else f.stem for f in files]


def _init_worker(catalog: Any) -> None:
    global _CATALOG
    _CATALOG = catalog


def _one(job: tuple[str, Any, Any]) -> Any:
    from skillstack.client_reports import learner_report

    key, profile, today = job
    return learner_report(_CATALOG, profile, today, key)


def _run(catalog: Any, jobs: list[tuple[str, Any, Any]], workers: int) -> list[Any]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(TextColumn("reports"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        transient=True, disable=not sys.stderr.isatty() or len(jobs) < 2,
                        console=console(stderr=True))
    results: list[Any] = []
    with progress:
        task = progress.add_task("reports", total=len(jobs))
        if workers > 1 and len(jobs) > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                                     initializer=_init_worker, initargs=(catalog,)) as pool:
                for result in pool.map(_one, jobs, chunksize=max(1, len(jobs) // (workers * 8))):
                    results.append(result)
                    progress.advance(task)
        else:
            _init_worker(catalog)
            for job in jobs:
                results.append(_one(job))
                progress.advance(task)
    return results


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
    catalog: list[Path] | None = CatalogOpt,
) -> None:
    """Write a pathway report per profile; a folder of profiles also gets a cohort summary.

    Each report shows the target roles and readiness, the gap, the recommended
    pathway on a dated timeline, cost and hours, cheapest vs fastest, stacks
    earned, credentials to renew, why each step, what was left out and why, and
    the catalog version and review dates the advice rests on.

    Example: skillstack report examples/profiles/ --format html --output reports/
    """
    from datetime import date

    from skillstack.cache import load_catalog
    from skillstack.client_reports import cohort
    from skillstack.fileio import write_text_atomic
    from skillstack.profile import read_profile, resolve_profile
    from skillstack.report import render
    from skillstack.report.jsonify import dumps

    files, is_cohort = profile_files(paths)
    cat = load_catalog(catalog_paths(catalog)).catalog
    day = parse_date(today, "--today") or date.today()
    profiles = []
    for file in files:
        profile, warnings = resolve_profile(read_profile(file), cat)
        for message in warnings:
            typer.echo(f"skillstack: warning: {file}: {message}", err=True)
        if not profile.targets:
            raise InputError(f"{file}: no target role; list `targets` in the profile")
        profiles.append(profile)
    if not output.exists():
        output.mkdir(parents=True)
    elif not output.is_dir():
        raise InputError(f"{output} exists and is not a folder; choose another --output")
    workers = jobs or min(os.cpu_count() or 1, len(profiles))
    stamp = datetime.now().astimezone() if timestamp else None
    results = _run(cat, list(zip(report_keys(files), profiles, [day] * len(profiles), strict=True)), workers)
    kind = fmt.value
    for result in results:
        if kind == "json":
            text = dumps(render.learner_json(cat, result, stamp))
        else:
            text = getattr(render, f"learner_{kind}")(cat, result, stamp)
        write_text_atomic(output / f"{result.key}{SUFFIX[kind]}", text)
    written = len(results)
    if is_cohort:
        group = cohort(results)
        if kind == "json":
            text = dumps(render.cohort_json(cat, group, stamp))
        else:
            text = getattr(render, f"cohort_{kind}")(cat, group, stamp)
        write_text_atomic(output / f"cohort{SUFFIX[kind]}", text)
        written += 1
    infeasible = sum(not r.plan.feasible for r in results)
    note = f"; {infeasible} with no feasible pathway" if infeasible else ""
    typer.echo(f"wrote {written} report(s) to {output}{note}", err=True)
