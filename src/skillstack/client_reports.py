"""Advisor reports: everything one client's report shows, and a cohort's summary.

Pure: profiles and a catalog in, result dataclasses out. The reporters in
`report/` turn these into Markdown, HTML or JSON.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from skillstack.audit import Audit, audit
from skillstack.catalog import Catalog
from skillstack.errors import InputError, SkillstackError
from skillstack.model import CredentialId, Profile, SkillId
from skillstack.plan.service import Plan, plan
from skillstack.profile import read_learner


@dataclass(frozen=True)
class LearnerReport:
    key: str  # file stem, unique within a run
    profile: Profile
    audit: Audit
    plan: Plan
    fastest: Plan | None  # the hours-optimal plan when it differs from the cheapest
    reviewed: tuple[date, date] | None  # oldest and newest last_reviewed of the credentials the advice uses


@dataclass(frozen=True)
class Funding:
    credential: CredentialId
    learners: int  # learners whose pathway takes it
    gaps: int  # gap items it closes across the cohort


@dataclass(frozen=True)
class Cohort:
    reports: tuple[LearnerReport, ...]
    skills: tuple[SkillId, ...]  # gap skills, most common first
    heat: dict[str, dict[str, int]]  # learner key -> skill -> level still needed (0: none)
    funding: tuple[Funding, ...]
    total_cost: float
    median_cost: float
    total_hours: float
    median_weeks: float
    infeasible: tuple[tuple[str, tuple[str, ...]], ...]  # learner key, reasons


def learner_report(catalog: Catalog, profile: Profile, today: date, key: str) -> LearnerReport:
    cheapest = plan(catalog, profile, today)
    fastest = None
    if cheapest.feasible and cheapest.steps:
        by_hours = plan(catalog, replace(profile, constraints=replace(profile.constraints, optimize="hours")), today)
        if [s.credential for s in by_hours.steps] != [s.credential for s in cheapest.steps]:
            fastest = by_hours
    used = [catalog.credentials[s.credential].last_reviewed for s in cheapest.steps]
    dates = [d for d in used if d is not None]
    reviewed = (min(dates), max(dates)) if dates else None
    return LearnerReport(key, profile, audit(catalog, profile, cheapest.start), cheapest, fastest, reviewed)


def cohort(reports: list[LearnerReport]) -> Cohort:
    """What the cohort needs as a group: shared gaps, what to fund, totals.

    >>> group = cohort(learner_reports(catalog, [("alex", profile)], date(2026, 12, 1)))
    >>> group.total_cost == group.reports[0].plan.totals.cost, group.infeasible
    (True, ())
    """
    counts: Counter[str] = Counter()
    heat: dict[str, dict[str, int]] = {}
    for r in reports:
        heat[r.key] = {g.skill: int(g.level) for g in r.plan.gap}
        counts.update(heat[r.key])
    skills = tuple(SkillId(s) for s, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    takers: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    for r in reports:
        for step in r.plan.steps:
            takers[step.credential] += 1
            closed[step.credential] += len(step.closes)
    funding = tuple(Funding(CredentialId(c), takers[c], closed[c])
                    for c in sorted(takers, key=lambda c: (-closed[c], -takers[c], c)))
    feasible = [r for r in reports if r.plan.feasible]
    costs = [r.plan.totals.cost for r in feasible]
    weeks = [r.plan.totals.weeks for r in feasible]
    return Cohort(
        reports=tuple(reports), skills=skills, heat=heat, funding=funding,
        total_cost=round(sum(costs), 2), median_cost=round(statistics.median(costs), 2) if costs else 0.0,
        total_hours=round(sum(r.plan.totals.hours for r in feasible), 2),
        median_weeks=round(statistics.median(weeks), 1) if weeks else 0.0,
        infeasible=tuple((r.key, r.plan.why) for r in reports if not r.plan.feasible),
    )


def read_learners(catalog: Catalog, files: Sequence[Path]) -> Iterator[tuple[Profile, list[str]]]:
    """Each profile file to report on, in order, resolved against the catalog (`read_learner`),
    with the fuzzy readings to show, each naming its file. A profile without a target role has
    nothing to report: the InputError naming its file is raised when the learner after it is
    asked for, so that its readings come first, as every earlier file's do (iterate to the end).

    >>> [(learner.targets, readings) for learner, readings in read_learners(catalog, [example_profile])]
    [(('data-analyst',), [])]
    """
    for file in files:
        profile, readings = read_learner(catalog, file)
        yield profile, [f"{file}: {message}" for message in readings]
        if not profile.targets:
            raise InputError(f"{file}: no target role; list `targets` in the profile")


COHORT_KEY = "cohort"  # the cohort summary's file stem; no learner's report may take it


def report_keys(stems: Sequence[tuple[str, str]]) -> list[str]:
    """A unique report key per (folder name, file stem): the stem, with the folder added where
    two stems collide or a stem is the cohort summary's."""
    names = [stem for _, stem in stems]
    return [f"{folder}-{stem}" if names.count(stem) > 1 or stem == COHORT_KEY else stem for folder, stem in stems]


_WORKER_CATALOG: Catalog | None = None  # each worker process's catalog, set once when it starts


def start_worker(catalog: Catalog) -> None:
    """The worker pool's initializer: each worker process keeps the catalog it plans against."""
    global _WORKER_CATALOG
    _WORKER_CATALOG = catalog


def _report_in_worker(job: tuple[str, Profile, date]) -> LearnerReport:
    key, profile, today = job
    assert _WORKER_CATALOG is not None, "worker started without a catalog"
    return learner_report(_WORKER_CATALOG, profile, today, key)


def learner_reports(catalog: Catalog, learners: Sequence[tuple[str, Profile]], today: date, workers: int = 1,
                    done: Callable[[], None] = lambda: None) -> list[LearnerReport]:
    """One report per (key, profile), in the order given, planned in up to `workers` processes
    (never more than there are learners); `done` is called after each report.

    >>> [r.key for r in learner_reports(catalog, [("alex", profile)], date(2026, 12, 1))]
    ['alex']
    """
    workers = max(1, min(workers, len(learners)))
    if workers == 1:
        reports = []
        for key, profile in learners:
            reports.append(learner_report(catalog, profile, today, key))
            done()
        return reports
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    jobs = [(key, profile, today) for key, profile in learners]
    reports = []
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                                 initializer=start_worker, initargs=(catalog,)) as pool:
            for report in pool.map(_report_in_worker, jobs, chunksize=max(1, len(jobs) // (workers * 8))):
                reports.append(report)
                done()
    except (BrokenProcessPool, OSError) as exc:
        raise SkillstackError(f"could not run {workers} worker processes ({exc or type(exc).__name__}); "
                              "rerun with --jobs 1") from None
    return reports
