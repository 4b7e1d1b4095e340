"""What each command prints, in each format its `--format` offers.

One document kind a command: a frozen dataclass of the service's result and the choices
that shape how it is shown, and the `Reporters` of that kind by format name. A reporter
imports what it lays out with when it runs, so `--format json` never loads rich. `plan`'s
are in `plan_report` (a warm plan imports that module alone); `ALL` names them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Never

from skillstack.report.plan_report import PLAN, as_json
from skillstack.report.reporter import Message, PlainText, Printable, Reporters

if TYPE_CHECKING:
    import networkx as nx

    from skillstack.audit import Audit
    from skillstack.catalog import Catalog
    from skillstack.client_reports import Cohort, LearnerReport
    from skillstack.importers.badges import BadgeResult
    from skillstack.importers.ctdl import CtdlImport
    from skillstack.importers.held import HeldUpdate
    from skillstack.lookup import Hit, RoleRow
    from skillstack.model import Credential, CurrentSalary, Role, Skill
    from skillstack.plan.service import Plan
    from skillstack.postings.extract import PostingResult
    from skillstack.postings.role import RoleDraft
    from skillstack.validate.docs import RuleDoc
    from skillstack.validate.service import Validation


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
    from skillstack.report.plan_data import audit_dict

    return as_json(audit_dict(doc.audit, doc.plans, doc.catalog, doc.current))


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
    from skillstack.report.lookup_data import search_doc

    return as_json(search_doc(doc.query, doc.hits))


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
    from skillstack.report.lookup_data import show_doc

    return as_json(show_doc(doc.found))


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
    from skillstack.report.lookup_data import roles_dict

    return as_json(roles_dict(doc.field, fields(doc.catalog), doc.rows))


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
    from skillstack.report.posting import postings_json

    return as_json(postings_json(doc.catalog, doc.results, doc.draft, doc.written))


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


@dataclass(frozen=True)
class ProgressReport:
    """`progress`: what was recorded (start, done or drop), for which credential, on which day,
    in which profile file."""

    action: str
    credential: str
    name: str
    day: date
    profile: str


def progress_text(doc: ProgressReport) -> list[Printable]:
    """What was recorded, then (on stderr) what to run next."""
    from skillstack.report.progress import as_text

    return [as_text(doc.action, doc.credential, doc.name, doc.day, doc.profile),
            Message(f"next: skillstack plan --profile {doc.profile}")]


def progress_json(doc: ProgressReport) -> list[Printable]:
    from skillstack.report.progress import as_json

    return [as_json(doc.action, doc.credential, doc.name, doc.day, doc.profile)]


PROGRESS = Reporters[ProgressReport]("progress", {"text": progress_text, "json": progress_json})


@dataclass(frozen=True)
class RuleReport:
    """`rule`: one rule's documentation, or (`listing`) every rule."""

    docs: Sequence[RuleDoc]
    listing: bool = False


def rule_text(doc: RuleReport) -> list[Printable]:
    from skillstack.report.rules import as_text

    return [as_text(doc.docs, doc.listing)]


def rule_json(doc: RuleReport) -> list[Printable]:
    from skillstack.report.rules import as_json

    return [as_json(doc.docs, doc.listing)]


RULE = Reporters[RuleReport]("rule", {"text": rule_text, "json": rule_json})


@dataclass(frozen=True)
class ValidateReport:
    """`validate`: the problems found, -q and -v."""

    validation: Validation
    quiet: bool = False
    verbose: bool = False


def validate_text(doc: ValidateReport) -> list[Printable]:
    from skillstack.report.validation import as_text

    return [PlainText(as_text(doc.validation, quiet=doc.quiet, verbose=doc.verbose))]


def validate_json(doc: ValidateReport) -> list[Printable]:
    from skillstack.report.validation import as_json

    return [PlainText(as_json(doc.validation, quiet=doc.quiet, verbose=doc.verbose))]


def validate_github(doc: ValidateReport) -> list[Printable]:
    from skillstack.report.validation import as_github

    return [PlainText(as_github(doc.validation, quiet=doc.quiet, verbose=doc.verbose))]


VALIDATE = Reporters[ValidateReport]("validate", {"text": validate_text, "json": validate_json,
                                                  "github": validate_github})


@dataclass(frozen=True)
class GraphReport:
    """`graph`: the graph chosen (the catalog, a role's neighbourhood or a pathway)."""

    graph: nx.DiGraph[str]


def graph_dot(doc: GraphReport) -> list[Printable]:
    from skillstack.report.graph_export import to_dot

    return [to_dot(doc.graph)]


def graph_mermaid(doc: GraphReport) -> list[Printable]:
    from skillstack.report.graph_export import to_mermaid

    return [to_mermaid(doc.graph)]


def graph_graphml(doc: GraphReport) -> list[Printable]:
    from skillstack.report.graph_export import to_graphml

    return [to_graphml(doc.graph)]


def graph_json(doc: GraphReport) -> list[Printable]:
    from skillstack.report.graph_export import to_json

    return [to_json(doc.graph)]


GRAPH = Reporters[GraphReport]("graph", {"dot": graph_dot, "mermaid": graph_mermaid, "graphml": graph_graphml,
                                         "json": graph_json})


@dataclass(frozen=True)
class CtdlReport:
    """`import ctdl`: the import and the catalog files written (none when targets are missing)."""

    result: CtdlImport
    written: Sequence[str] = ()


def ctdl_text(doc: CtdlReport) -> list[Printable]:
    """The notices on stderr, `wrote PATH` a file and the occupation links; then, when targets
    are missing, why nothing was written."""
    from skillstack.report.imports import ctdl_lines, ctdl_summary, notice_messages, unresolved_line

    out: list[Printable] = [Message(text, level) for level, text in notice_messages(doc.result.notices)]
    out += [PlainText(line + "\n") for line in ctdl_lines(ctdl_summary(doc.result, doc.written))]
    if doc.result.unresolved:
        out.append(Message(unresolved_line(len(doc.result.unresolved))))
    return out


def ctdl_json(doc: CtdlReport) -> list[Printable]:
    from skillstack.report.imports import ctdl_doc, ctdl_summary

    return as_json(ctdl_doc(ctdl_summary(doc.result, doc.written), doc.result.notices))


IMPORT_CTDL = Reporters[CtdlReport]("import ctdl", {"text": ctdl_text, "json": ctdl_json})


@dataclass(frozen=True)
class BadgesReport:
    """`import badges`: each file's verdict, and what was written to the profile (None: no profile)."""

    results: Sequence[BadgeResult]
    update: HeldUpdate | None = None


def badges_text(doc: BadgesReport) -> list[Printable]:
    from skillstack.report.badges import badge_lines, badge_rows

    return [PlainText(line + "\n") for line in badge_lines(badge_rows(doc.results, doc.update))]


def badges_json(doc: BadgesReport) -> list[Printable]:
    from skillstack.report.badges import badge_rows

    return as_json({"schema_version": 1, "badges": badge_rows(doc.results, doc.update)})


IMPORT_BADGES = Reporters[BadgesReport]("import badges", {"text": badges_text, "json": badges_json})


@dataclass(frozen=True)
class TableImportReport:
    """`import onet|esco`: the catalog file written, its skills and roles, and the relations left
    out because they name a skill the extract does not have."""

    written: Path
    skills: int
    roles: int
    unresolved: int = 0


def table_import_text(doc: TableImportReport) -> list[Printable]:
    from skillstack.report.imports import table_line

    out: list[Printable] = []
    if doc.unresolved:
        out.append(Message(f"{doc.unresolved} occupation-skill relations name a skill that is not in the "
                           "extract; left out", "warning"))
    return [*out, PlainText(table_line(doc.written, doc.skills, doc.roles) + "\n")]


def table_import_json(doc: TableImportReport) -> list[Printable]:
    from skillstack.report.imports import table_doc

    return as_json(table_doc(doc.written, doc.skills, doc.roles, doc.unresolved))


IMPORT_ONET = Reporters[TableImportReport]("import onet", {"text": table_import_text, "json": table_import_json})
IMPORT_ESCO = Reporters[TableImportReport]("import esco", {"text": table_import_text, "json": table_import_json})


@dataclass(frozen=True)
class ReportFile:
    """`report`: one learner's report, or the cohort summary, as the text of its file; `stamp`
    the time it was made (--timestamp), None for identical files from identical inputs."""

    catalog: Catalog
    subject: LearnerReport | Cohort
    stamp: datetime | None = None


def report_markdown(doc: ReportFile) -> list[Printable]:
    from skillstack.client_reports import LearnerReport
    from skillstack.report.render import cohort_markdown, learner_markdown

    if isinstance(doc.subject, LearnerReport):
        return [learner_markdown(doc.catalog, doc.subject, doc.stamp)]
    return [cohort_markdown(doc.catalog, doc.subject, doc.stamp)]


def report_html(doc: ReportFile) -> list[Printable]:
    from skillstack.client_reports import LearnerReport
    from skillstack.report.render import cohort_html, learner_html

    if isinstance(doc.subject, LearnerReport):
        return [learner_html(doc.catalog, doc.subject, doc.stamp)]
    return [cohort_html(doc.catalog, doc.subject, doc.stamp)]


def report_json(doc: ReportFile) -> list[Printable]:
    from skillstack.client_reports import LearnerReport
    from skillstack.report.render import cohort_json, learner_json

    if isinstance(doc.subject, LearnerReport):
        return as_json(learner_json(doc.catalog, doc.subject, doc.stamp))
    return as_json(cohort_json(doc.catalog, doc.subject, doc.stamp))


REPORT = Reporters[ReportFile]("report", {"markdown": report_markdown, "html": report_html, "json": report_json})


ALL: Sequence[Reporters[Never]] = (PLAN, AUDIT, SEARCH, SHOW, ROLES, POSTING, INIT, PROGRESS, RULE, VALIDATE,
                                   GRAPH, IMPORT_CTDL, IMPORT_BADGES, IMPORT_ONET, IMPORT_ESCO, REPORT)
"""The reporters of every command with a `--format`."""
