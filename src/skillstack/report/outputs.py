"""What each command prints, in each format its `--format` offers.

One document kind a command: a frozen dataclass of the service's result and the choices
that shape how it is shown, and the `Reporters` of that kind by format name. A reporter
imports what it lays out with when it runs, so `--format json` never loads rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Never

from skillstack.report.reporter import Message, Printable, Reporters

if TYPE_CHECKING:
    from skillstack.audit import Audit
    from skillstack.catalog import Catalog
    from skillstack.model import CurrentSalary
    from skillstack.plan.service import Plan


@dataclass(frozen=True)
class PlanReport:
    """`plan`: the plan, the Pareto options when --alternatives asked for them (None when not),
    the learner's name and current salary, -q / -v, and the calendar file written (if any)."""

    catalog: Catalog
    plan: Plan
    options: list[Plan] | None = None
    who: str = ""
    current: CurrentSalary | None = None
    quiet: bool = False
    verbose: bool = False
    calendar: Path | None = None


def plan_text(doc: PlanReport) -> list[Printable]:
    """The one-line answer (-q), or the pathway and its alternatives; then where the calendar went."""
    from skillstack.report.plan_text import alternatives_view, answer, plan_view

    out: list[Printable]
    if doc.quiet:
        out = [answer(doc.catalog, doc.plan, quiet=True) + "\n"]
    else:
        out = [plan_view(doc.catalog, doc.plan, doc.who, verbose=doc.verbose, current=doc.current)]
        if doc.options is not None:
            out.append(alternatives_view(doc.catalog, doc.options))
    if doc.calendar is not None:
        out.append(Message(f"Calendar written to {doc.calendar}"))
    return out


def plan_json(doc: PlanReport) -> list[Printable]:
    from skillstack.report.jsonify import dumps
    from skillstack.report.plan_data import plan_dict

    return [dumps(plan_dict(doc.catalog, doc.plan, doc.options, current=doc.current))]


PLAN = Reporters[PlanReport]("plan", {"text": plan_text, "json": plan_json})


@dataclass(frozen=True)
class AuditReport:
    """`audit`: the audit, each role's plan with --all-roles (None without), the learner's
    current salary, -q and -v."""

    catalog: Catalog
    audit: Audit
    plans: dict[str, Plan] | None = None
    current: CurrentSalary | None = None
    quiet: bool = False
    verbose: bool = False


def audit_text(doc: AuditReport) -> list[Printable]:
    from skillstack.report.plan_text import audit_view

    return [audit_view(doc.catalog, doc.audit, doc.plans, doc.current, quiet=doc.quiet, verbose=doc.verbose)]


def audit_json(doc: AuditReport) -> list[Printable]:
    from skillstack.report.jsonify import dumps
    from skillstack.report.plan_data import audit_dict

    return [dumps(audit_dict(doc.audit, doc.plans, doc.catalog, doc.current))]


AUDIT = Reporters[AuditReport]("audit", {"text": audit_text, "json": audit_json})


ALL: Sequence[Reporters[Never]] = (PLAN, AUDIT)
"""The reporters of every command with a `--format`."""
