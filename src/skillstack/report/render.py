"""Advisor reports as Markdown, HTML and JSON, through Jinja templates.

Every string that comes from a catalog or profile is escaped: HTML by Jinja's
autoescaping, Markdown by a `finalize` hook that escapes every value printed.
Reports hold no timestamp unless one is asked for, so the same inputs give
byte-identical files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from skillstack.catalog import Catalog
from skillstack.client_reports import Cohort, LearnerReport
from skillstack.money import money
from skillstack.plan.service import Plan
from skillstack.report.jsonify import dumps
from skillstack.report.plan_data import audit_dict, plan_dict
from skillstack.report.provenance import price_label, salary_dict, salary_origin
from skillstack.safe_text import one_line, printable

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")


# what would start a list item or underline a heading if the value began a line
_MD_BLOCK_START = re.compile(r"^(\s*)(\d{0,9})([-+](?=\s|$)|=+\s*$|(?<=\d)[.)](?=\s|$))")


def md_escape(value: Any) -> Any:
    """A value as literal CommonMark inline text: HTML and entities neutralised, every inline
    marker backslash-escaped, all on one line (CommonMark ends a line at LF, CR LF and a bare
    CR alike), other control characters replaced, and a leading list, heading-underline or
    numbered-list marker escaped in case the value starts a line."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_BLOCK_START.sub(lambda m: f"{m.group(1)}{m.group(2)}\\{m.group(3)}", one_line(text))


HEAT_COLUMNS = 20  # the most common gap skills shown in the cohort heat map


@cache
def _env(kind: str) -> Environment:
    env = Environment(
        loader=PackageLoader("skillstack.report", "templates"),
        autoescape=kind == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if kind == "markdown":
        env.finalize = md_escape
    else:  # HTML: autoescaped by Jinja; control characters (and bidi overrides) replaced first
        env.finalize = lambda v: printable(v) if isinstance(v, str) and not isinstance(v, Markup) else v
    env.filters["money"] = money
    env.filters["pct"] = lambda x: f"{x:.0%}"
    env.filters["num"] = lambda x: f"{x:g}"
    return env


@dataclass(frozen=True)
class Bar:
    label: str
    x: float
    width: float
    y: float
    dates: str


@dataclass(frozen=True)
class Gantt:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]


def gantt(catalog: Catalog, plan: Plan, width: int = 640, row: int = 26, left: int = 0) -> Gantt | None:
    """Bar positions for a timeline of the plan's steps, with a tick at each month start."""
    if not plan.steps:
        return None
    start, end = plan.steps[0].start, plan.steps[-1].end
    span = max((end - start).days + 1, 1)

    def x(day: date) -> float:
        return round(left + (day - start).days / span * (width - left), 1)

    bars = tuple(Bar(catalog.credential_name(s.credential), x(s.start),
                     max(round((s.end - s.start).days + 1) / span * (width - left), 2.0), 24 + i * row,
                     f"{s.start} to {s.end}")
                 for i, s in enumerate(plan.steps))
    ticks = []
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start and x(month) < width - 60:
            ticks.append((x(month), month.strftime("%b %Y")))
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    step = max(1, len(ticks) // 8)
    return Gantt(width, 24 + len(bars) * row + 8, bars, tuple(ticks[::step]))


def _context(catalog: Catalog, report: LearnerReport, stamp: datetime | None) -> dict[str, Any]:
    p = report.plan
    return {
        "r": report, "p": p, "cat": catalog, "info": catalog.info, "stamp": stamp,
        "name": report.profile.name or report.key,
        "roles": [catalog.roles[rid] for rid in p.roles],
        "audits": report.audit.roles,
        "gantt": gantt(catalog, p),
        "skill": catalog.skill_name, "cred": catalog.credential_name,
        "price_from": lambda cid: price_label(catalog.credentials[cid]), "salary_from": salary_origin,
        "skill_list": lambda ids: ", ".join(catalog.skill_name(i) for i in ids),
        "step_list": lambda steps: ", ".join(catalog.credential_name(s.credential) for s in steps),
        "expiring": [h for h in report.audit.held if h.status != "current"],
        "retired": [h for h in report.audit.held if h.retired and h.status != "expired"],
        "end": p.steps[-1].end if p.steps else p.start,
    }


def learner_markdown(catalog: Catalog, report: LearnerReport, stamp: datetime | None = None) -> str:
    return _env("markdown").get_template("learner.md.j2").render(_context(catalog, report, stamp))


def learner_html(catalog: Catalog, report: LearnerReport, stamp: datetime | None = None) -> str:
    return _env("html").get_template("learner.html.j2").render(_context(catalog, report, stamp))


def learner_json(catalog: Catalog, report: LearnerReport, stamp: datetime | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema_version": 1, "learner": report.profile.name or report.key, "key": report.key,
        "plan": plan_dict(catalog, report.plan), "audit": audit_dict(report.audit),
        "salaries": [{"role": rid, **salary_dict(salary)} for rid in report.plan.roles
                     if (salary := catalog.roles[rid].salary) is not None],
        "fastest": plan_dict(catalog, report.fastest) if report.fastest else None,
        "catalog": {"name": catalog.info.name, "version": catalog.info.version,
                    "reviewed": [d.isoformat() for d in report.reviewed] if report.reviewed else None},
    }
    if stamp is not None:
        doc["generated"] = stamp.isoformat(timespec="seconds")
    return doc


def _cohort_context(catalog: Catalog, group: Cohort, stamp: datetime | None) -> dict[str, Any]:
    top = max((lv for row in group.heat.values() for lv in row.values()), default=0)
    plain = [r.profile.name or r.key for r in group.reports]
    names = {r.key: name if plain.count(name) == 1 else f"{name} ({r.key})" for r, name in zip(group.reports, plain, strict=True)}
    return {"c": group, "cat": catalog, "info": catalog.info, "stamp": stamp, "skill": catalog.skill_name,
            "cred": catalog.credential_name, "top": top or 1, "names": names,
            "columns": group.skills[:HEAT_COLUMNS], "hidden": len(group.skills) - HEAT_COLUMNS}


def cohort_markdown(catalog: Catalog, group: Cohort, stamp: datetime | None = None) -> str:
    return _env("markdown").get_template("cohort.md.j2").render(_cohort_context(catalog, group, stamp))


def cohort_html(catalog: Catalog, group: Cohort, stamp: datetime | None = None) -> str:
    return _env("html").get_template("cohort.html.j2").render(_cohort_context(catalog, group, stamp))


def cohort_json(catalog: Catalog, group: Cohort, stamp: datetime | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema_version": 1,
        "learners": [{"key": r.key, "name": r.profile.name, "feasible": r.plan.feasible,
                      "cost": r.plan.totals.cost, "hours": r.plan.totals.hours, "weeks": r.plan.totals.weeks}
                     for r in group.reports],
        "gaps": {key: row for key, row in group.heat.items()},
        "fund": [{"credential": f.credential, "learners": f.learners, "gaps_closed": f.gaps} for f in group.funding],
        "totals": {"cost": group.total_cost, "median_cost": group.median_cost, "hours": group.total_hours,
                   "median_weeks": group.median_weeks},
        "infeasible": [{"key": key, "why": list(why)} for key, why in group.infeasible],
    }
    if stamp is not None:
        doc["generated"] = stamp.isoformat(timespec="seconds")
    return doc


FORMATS = ("markdown", "html", "json")
SUFFIX = {"markdown": ".md", "html": ".html", "json": ".json"}


def learner_document(kind: str, catalog: Catalog, report: LearnerReport, stamp: datetime | None = None) -> str:
    """One learner's report in `kind` (one of FORMATS), as the text of its file."""
    if kind == "json":
        return dumps(learner_json(catalog, report, stamp))
    return {"markdown": learner_markdown, "html": learner_html}[kind](catalog, report, stamp)


def cohort_document(kind: str, catalog: Catalog, group: Cohort, stamp: datetime | None = None) -> str:
    """The cohort summary in `kind` (one of FORMATS), as the text of its file."""
    if kind == "json":
        return dumps(cohort_json(catalog, group, stamp))
    return {"markdown": cohort_markdown, "html": cohort_html}[kind](catalog, group, stamp)
