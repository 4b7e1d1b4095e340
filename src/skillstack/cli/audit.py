"""audit: where a learner stands against each target role (or every role, ranked)."""

from __future__ import annotations

from pathlib import Path

import typer

from skillstack.cli.app import app
from skillstack.cli.options import (
    BudgetOpt,
    CatalogOpt,
    ExperienceOpt,
    Fmt,
    FormatOpt,
    HaveOpt,
    HoldsOpt,
    HoursOpt,
    PostingOpt,
    ProfileOpt,
    RoleOpt,
    TodayOpt,
    listed,
    load_learner,
    today_from,
)
from skillstack.cli.output import print_report
from skillstack.errors import InputError


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
    from skillstack.report.outputs import AUDIT, AuditReport

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
    print_report(AUDIT.report(fmt.value, AuditReport(cat, result, plans, learner.current_salary, quiet=quiet,
                                             verbose=verbose)))
