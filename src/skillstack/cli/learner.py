"""plan, audit and init: the career changer's commands."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer

from skillstack.cli import completion
from skillstack.cli.app import app
from skillstack.cli.options import CatalogOpt, Fmt, FormatOpt, catalog_paths, finite, parse_date
from skillstack.cli.output import emit, message, note, warn, write
from skillstack.errors import ExitCode, InputError
from skillstack.model import OBJECTIVES

if TYPE_CHECKING:
    from skillstack.catalog import Catalog
    from skillstack.model import Profile
    from skillstack.profile import Flags
    from skillstack.starter import Answer, Starter


T = TypeVar("T")
Objective = Enum("Objective", {name: name for name in OBJECTIVES}, type=str)  # type: ignore[misc]  # typer needs a str Enum


ProfileOpt = typer.Option(None, "--profile", "-p", help="Profile YAML file (see examples/profiles/).")
RoleOpt = typer.Option(None, "--role", "-r", autocompletion=completion.roles, help="Target role id or name (repeatable; replaces the profile's).")
HaveOpt = typer.Option(None, "--have", autocompletion=completion.skills, help="A skill you have, SKILL:LEVEL, e.g. sql:2 (repeatable).")
HoldsOpt = typer.Option(None, "--holds", autocompletion=completion.credentials, help="A credential you hold, ID or ID@YYYY-MM-DD earned (repeatable).")
ExperienceOpt = typer.Option(None, "--experience", help="Years of work in a domain, DOMAIN:YEARS (repeatable).")
BudgetOpt = typer.Option(None, "--budget", min=0, max=100_000_000, callback=finite, help="Most you will spend, USD.")
HoursOpt = typer.Option(None, "--hours-per-week", min=0.5, max=100, callback=finite, help="Hours a week you can study (default 10).")
StartOpt = typer.Option(None, "--start", help="First day of study (default today).", metavar="YYYY-MM-DD")
DeadlineOpt = typer.Option(None, "--deadline", help="Finish by this day.", metavar="YYYY-MM-DD")
OptimizeOpt = typer.Option(None, "--optimize", help="What to minimise (default cost).")
ExcludeOpt = typer.Option(None, "--exclude", autocompletion=completion.credentials, help="Credential id or issuer to leave out (repeatable).")
OptionalOpt = typer.Option(None, "--with-optional/--without-optional", help="Also close optional role skills.")
PostingOpt = typer.Option(None, "--posting", help="Target the role a job posting asks for (text, Markdown or "
                          "HTML; repeatable: several postings make one role); see `skillstack posting`.")
IssuerOpt = typer.Option(None, "--issuer", help="Plan only credentials of this issuer (repeatable), e.g. "
                         "--issuer 'Amazon Web Services' for an AWS shop; the complement of --exclude.")
StrictOpt = typer.Option(False, "--strict-recommendations",
                         help="Treat each credential's `recommends` (experience, earlier credentials) as required.")
EducationOpt = typer.Option(None, "--education", help="Your education, LEVEL or LEVEL:FIELD "
                            "(none, high-school, associate, bachelor, master, doctorate).")
TodayOpt = typer.Option(None, "--today", help="Date to judge expiry by (default today).", metavar="YYYY-MM-DD")


def load_learner(catalog: list[Path] | None, profile: Path | None, flags: Flags,
                 posting: list[Path] | None = None) -> tuple[Catalog, Profile]:
    """The checked catalog and the learner: the profile file (if any) with the flags over it, and
    the role that job postings ask for as the target when `posting` names any."""
    from skillstack.cache import load_catalog
    from skillstack.profile import ProfileInput, learner_profile, read_profile

    cat = load_catalog(catalog_paths(catalog), progress=note).catalog
    posted = None
    if posting:
        from skillstack.cli.posting import read_texts
        from skillstack.postings.service import posting_target

        cat, role = posting_target(cat, read_texts(posting))
        posted = role.id
    base = read_profile(profile) if profile else ProfileInput()
    learner, readings = learner_profile(cat, base, flags, posted)
    for reading in readings:
        warn(reading)
    return cat, learner


def listed(values: list[str] | None) -> tuple[str, ...]:
    """A repeatable option's values."""
    return tuple(values or ())


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
    return Starter(name, roles, have, budget, hours, start)


def today_from(text: str | None) -> date:
    return parse_date(text, "--today") or date.today()


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
    from skillstack.plan.highs import preload

    preload()  # the solver's import overlaps reading the catalog and profile
    from skillstack.holdings import counting_in_progress
    from skillstack.plan.service import alternatives as pareto
    from skillstack.plan.service import plan as make_plan
    from skillstack.profile import Flags, from_today
    from skillstack.report.jsonify import dumps
    from skillstack.report.plan_data import plan_dict

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
    if fmt is Fmt.json:
        write(dumps(plan_dict(cat, result, options if alternatives else None, current=learner.current_salary)))
    else:
        from skillstack.report.plan_text import alternatives_view, answer, plan_view

        if quiet:
            write(answer(cat, result, quiet=True) + "\n")
        else:
            emit(plan_view(cat, result, learner.name, verbose=verbose, current=learner.current_salary),
                 *([alternatives_view(cat, options)] if alternatives else []))
        if ics is not None:
            note(f"Calendar written to {ics}")
    raise typer.Exit(ExitCode.OK if result.feasible and result.eligible else ExitCode.NO)


@app.command()
def audit(
    profile: Path | None = ProfileOpt,
    role: list[str] | None = RoleOpt,
    have: list[str] | None = HaveOpt,
    holds: list[str] | None = HoldsOpt,
    experience: list[str] | None = ExperienceOpt,
    budget: float | None = BudgetOpt,
    hours_per_week: float | None = HoursOpt,
    all_roles: bool = typer.Option(False, "--all-roles", help="Rank every role by readiness and plan cost."),
    posting: list[Path] | None = PostingOpt,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="One line per role: readiness (and, with "
                               "--all-roles, the plan's cost and hours)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also list held credentials that are current, "
                                 "not only those to renew."),
    today: str | None = TodayOpt,
    catalog: list[Path] | None = CatalogOpt,
    fmt: Fmt = FormatOpt,
) -> None:
    """Where you stand against each target role: met, below level, in progress, missing.

    Readiness is the importance-weighted share of required skills met. Held
    credentials that expired or expire within 6 months are listed. Each role's
    median pay is shown against the profile's current_salary, with sources.
    With --all-roles, every role is ranked by readiness and by the cost of the
    optimal plan to reach it: which roles am I closest to?

    Examples:

    \b
      skillstack audit --have excel:3 --role data-analyst
      skillstack audit --profile examples/profiles/marketing-to-data-analyst.yaml --all-roles
    """
    from skillstack.audit import audit as run_audit
    from skillstack.plan.service import Plan
    from skillstack.profile import Flags
    from skillstack.ranking import rank_roles
    from skillstack.report.jsonify import dumps
    from skillstack.report.plan_data import audit_dict

    flags = Flags(roles=listed(role), have=listed(have), holds=listed(holds), experience=listed(experience),
                  budget=budget, hours_per_week=hours_per_week)
    cat, learner = load_learner(catalog, profile, flags, posting)
    if not learner.targets and not all_roles:
        raise InputError("no target role: pass --role ROLE, --all-roles, or list `targets` in the profile")
    day = today_from(today)
    plans: dict[str, Plan] | None = None
    if all_roles:
        ranking = rank_roles(cat, learner, day)
        result, plans = ranking.audit, {str(rid): p for rid, p in ranking.plans.items()}
    else:
        result = run_audit(cat, learner, day)
    if fmt is Fmt.json:
        write(dumps(audit_dict(result, plans, cat, learner.current_salary)))
    else:
        from skillstack.report.plan_text import audit_view

        emit(audit_view(cat, result, plans, learner.current_salary, quiet=quiet, verbose=verbose))


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
    from skillstack.starter import DEFAULT_HOURS_PER_WEEK, Starter, starter_text

    if path.exists() and not force:
        raise InputError(f"{path} already exists; pass --force to overwrite it or choose another path")
    cat = load_catalog(catalog_paths(catalog), progress=note).catalog
    starter = Starter(name or "", listed(role), listed(have), budget, hours_per_week or DEFAULT_HOURS_PER_WEEK,
                      parse_date(start, "--start"))
    if sys.stdin.isatty() and not (name or role or have or budget or hours_per_week):
        try:
            starter = _ask(cat)
        except (typer.Abort, KeyboardInterrupt, EOFError):
            typer.echo("", err=True)
            raise typer.Exit(ExitCode.INTERRUPTED) from None
    text = starter_text(cat, starter)
    write_text_atomic(path, text)
    if fmt is Fmt.json:
        import json

        write(json.dumps({"schema_version": 1, "written": str(path)}) + "\n")
    else:
        typer.echo(f"wrote {path}; next: skillstack plan --profile {path}")
