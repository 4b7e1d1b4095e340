"""plan: the gap to the target roles and the optimal ordered pathway to close it."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from skillstack.cli.app import app, unscanned
from skillstack.cli.options import (
    BudgetOpt,
    CatalogOpt,
    DeadlineOpt,
    EducationOpt,
    ExcludeOpt,
    ExperienceOpt,
    Fmt,
    FormatOpt,
    HaveOpt,
    HoldsOpt,
    HoursOpt,
    IssuerOpt,
    OptimizeOpt,
    OptionalOpt,
    PostingOpt,
    ProfileOpt,
    RoleOpt,
    StartOpt,
    StrictOpt,
    TodayOpt,
    listed,
    load_learner,
    parse_date,
    today_from,
)
from skillstack.cli.output import note, print_report, warn
from skillstack.errors import ExitCode, InputError
from skillstack.model import OBJECTIVES

Objective = Enum("Objective", {name: name for name in OBJECTIVES}, type=str)  # type: ignore[misc]  # typer needs a str Enum


@app.command()
def plan(
    profile: Path | None = ProfileOpt,
    role: list[str] | None = RoleOpt,
    have: list[str] | None = HaveOpt,
    holds: list[str] | None = HoldsOpt,
    experience: list[str] | None = ExperienceOpt,
    budget: float | None = BudgetOpt,
    hours_per_week: float | None = HoursOpt,
    start: str | None = StartOpt,
    deadline: str | None = DeadlineOpt,
    optimize: Objective | None = OptimizeOpt,
    exclude: list[str] | None = ExcludeOpt,
    with_optional: bool | None = OptionalOpt,
    issuer: list[str] | None = IssuerOpt,
    strict_recommendations: bool = StrictOpt,
    education: str | None = EducationOpt,
    alternatives: int = typer.Option(0, "--alternatives", min=0, max=10,
                                     help="Also list up to N Pareto-optimal options on cost vs hours."),
    ics: Path | None = typer.Option(None, "--ics", help="Write the schedule as calendar events to this file."),
    posting: list[Path] | None = PostingOpt,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the one-line answer."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every credential left out, not only "
                                 "those that grant a gap skill."),
    today: str | None = TodayOpt,
    catalog: list[Path] | None = CatalogOpt,
    fmt: Fmt = FormatOpt,
) -> None:
    """The gap to your target roles and the optimal ordered pathway to close it.

    Exact: the pathway is proven cheapest (or fastest, or shortest with
    --optimize) within your budget and deadline. Exit 1 when no pathway exists
    (the output then opens with what the cheapest full pathway costs and takes,
    and shows the best partial pathway), or when a target role asks experience
    or education you lack, which no credential earns (the output names the role
    to aim for first). A profile of - is read from stdin.

    Examples:

    \b
      skillstack plan --profile examples/profiles/marketing-to-data-analyst.yaml
      skillstack plan --role data-analyst --have excel:3 --budget 500 -q
      skillstack plan -p - --format json < me.yaml
    """
    with unscanned():
        from skillstack.holdings import counting_in_progress
        from skillstack.plan.service import alternatives as pareto
        from skillstack.plan.service import plan as make_plan
        from skillstack.profile import Flags, from_today
        from skillstack.report.plan_report import PLAN, PlanReport

    flags = Flags(roles=listed(role), have=listed(have), holds=listed(holds), experience=listed(experience),
                  exclude=listed(exclude), budget=budget, hours_per_week=hours_per_week,
                  start=parse_date(start, "--start"), deadline=parse_date(deadline, "--deadline"),
                  optimize=optimize.value if optimize else None, with_optional=with_optional,
                  issuers=listed(issuer), strict_recommendations=strict_recommendations, education=education)
    cat, learner = load_learner(catalog, profile, flags, posting)
    if not learner.targets:
        raise InputError("no target role: pass --role ROLE or list `targets` in the profile")
    day = today_from(today)
    learner, moved = from_today(learner, day)
    for warning in moved:
        warn(warning)
    learner, doing = counting_in_progress(cat, learner)
    for line in doing:
        note(line)
    result = make_plan(cat, learner, day)
    options = pareto(cat, learner, day, alternatives) if alternatives else []
    if ics is not None:
        from skillstack.fileio import write_text_atomic
        from skillstack.plan.service import plan_renewals
        from skillstack.report.calendar import plan_ics

        write_text_atomic(ics, plan_ics(cat, result, learner.name, plan_renewals(cat, learner, result)))
    print_report(PLAN.report(fmt.value, PlanReport(cat, result, options if alternatives else None, learner.name,
                                           learner.current_salary, quiet=quiet, verbose=verbose, calendar=ics)))
    raise typer.Exit(ExitCode.OK if result.feasible and result.eligible else ExitCode.NO)
