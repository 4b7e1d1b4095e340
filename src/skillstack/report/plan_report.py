"""What `plan` prints: its document kind and reporters (see `outputs`, which names them too),
in a module of their own so that a plan imports none of the other commands' fourteen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from skillstack.report.reporter import Message, Printable, Reporters

if TYPE_CHECKING:
    from skillstack.catalog import Catalog
    from skillstack.model import CurrentSalary
    from skillstack.plan.service import Plan


def as_json(value: object) -> list[Printable]:
    """`value` as the one JSON document a command's `--format json` prints (`jsonify.dumps`)."""
    from skillstack.report.jsonify import dumps

    return [dumps(value)]


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
    from skillstack.report.plan_data import plan_dict

    return as_json(plan_dict(doc.catalog, doc.plan, doc.options, current=doc.current))


PLAN = Reporters[PlanReport]("plan", {"text": plan_text, "json": plan_json})
