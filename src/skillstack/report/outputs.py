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

from skillstack.report.reporter import Message, PlainText, Printable, Reporters

if TYPE_CHECKING:
    from skillstack.audit import Audit
    from skillstack.catalog import Catalog
    from skillstack.lookup import Hit, RoleRow
    from skillstack.model import Credential, CurrentSalary, Role, Skill
    from skillstack.plan.service import Plan
    from skillstack.postings.extract import PostingResult
    from skillstack.postings.role import RoleDraft


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


@dataclass(frozen=True)
class SearchReport:
    """`search`: the text looked for and its hits, best first."""

    query: str
    hits: list[Hit]


def search_text(doc: SearchReport) -> list[Printable]:
    """The hits as a table, or `nothing matches 'TEXT'`."""
    if not doc.hits:
        return [PlainText(f"nothing matches {doc.query!r}\n")]
    from skillstack.report.lookup_text import hits_table

    return [hits_table(doc.hits)]


def search_json(doc: SearchReport) -> list[Printable]:
    from skillstack.report.jsonify import dumps
    from skillstack.report.lookup_data import search_doc

    return [dumps(search_doc(doc.query, doc.hits))]


SEARCH = Reporters[SearchReport]("search", {"text": search_text, "json": search_json})


@dataclass(frozen=True)
class ShowReport:
    """`show`: one skill, credential or role of the catalog."""

    catalog: Catalog
    found: Skill | Credential | Role


def show_text(doc: ShowReport) -> list[Printable]:
    from skillstack.report.lookup_text import show

    return [show(doc.catalog, doc.found)]


def show_json(doc: ShowReport) -> list[Printable]:
    from skillstack.report.jsonify import dumps
    from skillstack.report.lookup_data import show_doc

    return [dumps(show_doc(doc.found))]


SHOW = Reporters[ShowReport]("show", {"text": show_text, "json": show_json})


@dataclass(frozen=True)
class RolesReport:
    """`roles`: the field asked for (None: every field) and a row a role, with readiness when
    a learner was given."""

    catalog: Catalog
    field: str | None
    rows: list[RoleRow]
    readiness: bool = False


def roles_text(doc: RolesReport) -> list[Printable]:
    from skillstack.report.lookup_text import roles_table

    return [roles_table(doc.rows, readiness=doc.readiness)]


def roles_json(doc: RolesReport) -> list[Printable]:
    from skillstack.lookup import fields
    from skillstack.report.jsonify import dumps
    from skillstack.report.lookup_data import roles_dict

    return [dumps(roles_dict(doc.field, fields(doc.catalog), doc.rows))]


ROLES = Reporters[RolesReport]("roles", {"text": roles_text, "json": roles_json})


@dataclass(frozen=True)
class PostingReport:
    """`posting`: what each posting asks for, the role drafted from them (--role-id) and the
    file it was written to (-o)."""

    catalog: Catalog
    results: list[PostingResult]
    draft: RoleDraft | None = None
    written: str | None = None


def posting_text(doc: PostingReport) -> list[Printable]:
    from skillstack.report.posting import postings_text

    return [postings_text(doc.catalog, doc.results, doc.draft, doc.written)]


def posting_json(doc: PostingReport) -> list[Printable]:
    from skillstack.report.jsonify import dumps
    from skillstack.report.posting import postings_json

    return [dumps(postings_json(doc.catalog, doc.results, doc.draft, doc.written))]


POSTING = Reporters[PostingReport]("posting", {"text": posting_text, "json": posting_json})


@dataclass(frozen=True)
class InitReport:
    """`init`: the profile written."""

    written: Path


def init_text(doc: InitReport) -> list[Printable]:
    return [PlainText(f"wrote {doc.written}; next: skillstack plan --profile {doc.written}\n")]


def init_json(doc: InitReport) -> list[Printable]:
    import json

    return [json.dumps({"schema_version": 1, "written": str(doc.written)}) + "\n"]


INIT = Reporters[InitReport]("init", {"text": init_text, "json": init_json})


ALL: Sequence[Reporters[Never]] = (PLAN, AUDIT, SEARCH, SHOW, ROLES, POSTING, INIT)
"""The reporters of every command with a `--format`."""
