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
from itertools import pairwise
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from skillstack.catalog import Catalog
from skillstack.client_reports import Cohort, LearnerReport
from skillstack.model import Level
from skillstack.money import money
from skillstack.pay import Pay, pay, payback_words
from skillstack.plan.service import Plan
from skillstack.report.layout import blend, fit, ink_on, text_width
from skillstack.report.plan_data import audit_dict, gate_lines, plan_dict, step_reasons
from skillstack.report.provenance import pay_dict, pay_text, price_label, salary_dict, salary_origin
from skillstack.safe_text import one_line, printable

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")


# what would start a list item or underline a heading if the value began a line
_MD_BLOCK_START = re.compile(r"^(\s*)(\d{0,9})([-+](?=\s|$)|=+\s*$|(?<=\d)[.)](?=\s|$))")


def run_summary(results: list[LearnerReport], written: int, folder: str) -> str:
    """The closing line of `report`: how many files went where, and who has no pathway or is not
    eligible yet."""
    infeasible = sum(not r.plan.feasible for r in results)
    blocked = sum(not r.plan.eligible for r in results)
    tail = (f"; {infeasible} with no feasible pathway" if infeasible else "") + (
        f"; {blocked} not eligible yet (experience or education that no credential earns)" if blocked else "")
    return f"wrote {written} report(s) to {folder}{tail}"


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
    env.filters["level"] = level_name
    env.globals["payback"] = payback_words
    return env


@dataclass(frozen=True)
class Bar:
    label: str  # fitted to the label column ("3. Google Data Analytics…")
    name: str  # the credential's full name (the bar's tooltip)
    x: float
    width: float
    y: float
    dates: str


@dataclass(frozen=True)
class Gantt:
    width: int
    height: int
    left: int  # where the time axis starts; the labels sit in the column before it
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]


GANTT_FONT = 11  # px, in the SVG's own units (the drawing scales as a whole)
TICK_GAP = 10


def gantt(catalog: Catalog, plan: Plan, width: int = 720, row: int = 26, left: int = 260) -> Gantt | None:
    """A timeline of the plan's steps: a label column (names fitted to it, never cut mid-glyph or
    run into the bars) and bars on a time axis with a tick at month starts, spaced so the tick
    labels never overlap or run past the right edge."""
    if not plan.steps:
        return None
    start, end = plan.steps[0].start, plan.steps[-1].end
    span = max((end - start).days + 1, 1)

    def x(day: date) -> float:
        return round(left + (day - start).days / span * (width - left), 1)

    bars = tuple(Bar(fit(f"{i + 1}. {catalog.credential_name(s.credential)}", left - 12, GANTT_FONT),
                     catalog.credential_name(s.credential), x(s.start),
                     max(round((s.end - s.start).days + 1) / span * (width - left), 2.0), 24 + i * row,
                     f"{s.start} to {s.end}")
                 for i, s in enumerate(plan.steps))
    label = text_width("May 2026", GANTT_FONT) + TICK_GAP
    months = []
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start and x(month) + 2 + label - TICK_GAP <= width:
            months.append((x(month), month.strftime("%b %Y")))
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    step = 1
    while any(b[0] - a[0] < label for a, b in pairwise(months[::step])):
        step += 1
    return Gantt(width, 24 + len(bars) * row + 8, left, bars, tuple(months[::step]))


HEAT_SHADE = "#2f6fb2"


def heat_cell(level: int, top: int) -> tuple[str, str]:
    """(background, text colour) for a heat-map cell: darker is a higher level still needed; the
    text colour is the one that reads at least 4.5:1 on it (tests/report/test_layout.py)."""
    if level <= 0:
        return "#ffffff", "#1f2933"
    alpha = 1.0 if level >= top else 0.75 * level / top
    background = blend(HEAT_SHADE, alpha)
    return background, ink_on(background)


LEVEL_SHORT = {1: "found.", 2: "interm.", 3: "adv.", 4: "expert"}


def level_name(n: int) -> str:
    """'2 intermediate' (a level number with its name); '-' for none."""
    return f"{n} {Level(n).label}" if n else "-"


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
        "renewals": renewals(report),
        "retired": [h for h in report.audit.held if h.retired and h.status != "expired"],
        "end": p.steps[-1].end if p.steps else p.start,
        "pays": pay(catalog, p, report.profile.current_salary), "pay_text": pay_text,
        "blocked": gate_lines(catalog, p),
        "why": lambda step: ([f"closes {', '.join(catalog.skill_name(i) for i in step.closes)}"] if step.closes else [])
        + step_reasons(catalog, step),
    }


def renewals(report: LearnerReport) -> list[tuple[str, str, str]]:
    """Each held credential to renew once: (id, what to say, css class), from the audit (expired,
    or expiring within six months) and the plan (expiring before the pathway ends)."""
    before_end = dict(report.plan.renew)
    out: list[tuple[str, str, str]] = []
    for h in report.audit.held:
        if h.status == "current" and h.id not in before_end:
            continue
        when = before_end.get(h.id, h.expires)
        text = f"{'expired' if h.status == 'expired' else 'expires'} on {when}"
        if h.id in before_end:
            text += ", before the pathway ends; the plan counts it as held"
        out.append((h.id, text, "bad" if h.status == "expired" else "warn"))
    seen = {cid for cid, _, _ in out}
    out += [(cid, f"expires on {when}, before the pathway ends; the plan counts it as held", "warn")
            for cid, when in report.plan.renew if cid not in seen]
    return out


def learner_markdown(catalog: Catalog, report: LearnerReport, stamp: datetime | None = None) -> str:
    return _env("markdown").get_template("learner.md.j2").render(_context(catalog, report, stamp))


def learner_html(catalog: Catalog, report: LearnerReport, stamp: datetime | None = None) -> str:
    return _env("html").get_template("learner.html.j2").render(_context(catalog, report, stamp))


def learner_json(catalog: Catalog, report: LearnerReport, stamp: datetime | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema_version": 1, "learner": report.profile.name or report.key, "key": report.key,
        "plan": plan_dict(catalog, report.plan, current=report.profile.current_salary),
        "audit": audit_dict(report.audit, {rid: report.plan for rid in report.plan.roles}, catalog,
                            report.profile.current_salary),
        "salaries": [{"role": rid, **salary_dict(salary)} for rid in report.plan.roles
                     if (salary := catalog.roles[rid].salary) is not None],
        "fastest": plan_dict(catalog, report.fastest) if report.fastest else None,
        "catalog": {"name": catalog.info.name, "version": catalog.info.version,
                    "reviewed": [d.isoformat() for d in report.reviewed] if report.reviewed else None},
    }
    if stamp is not None:
        doc["generated"] = stamp.isoformat(timespec="seconds")
    return doc


HEAT_ROWS = 40  # the most common gap skills shown in the cohort heat map (the rest: learners' own reports)
HEAT_LEARNERS = 8  # learner columns per heat-map table; a larger cohort gets several tables


@dataclass(frozen=True)
class LearnerRow:
    number: int
    key: str
    name: str  # unique within the cohort
    short: str  # a heat-map column heading
    report: LearnerReport
    pays: tuple[Pay, ...]


def _short_names(names: list[str]) -> list[str]:
    """Column headings: first names, with the last name's initial where first names repeat."""
    first = [n.split()[0] if n.split() else n for n in names]
    out = []
    for name, head in zip(names, first, strict=True):
        if first.count(head) > 1 and len(name.split()) > 1:
            head = f"{head} {name.split()[-1][0]}."
        out.append(head)
    return out


def _cohort_context(catalog: Catalog, group: Cohort, stamp: datetime | None, suffix: str = "") -> dict[str, Any]:
    top = max((lv for row in group.heat.values() for lv in row.values()), default=0) or 1
    plain = [r.profile.name or r.key for r in group.reports]
    names = {r.key: name if plain.count(name) == 1 else f"{name} ({r.key})"
             for r, name in zip(group.reports, plain, strict=True)}
    learners = [LearnerRow(n, r.key, names[r.key], short, r, pay(catalog, r.plan, r.profile.current_salary))
                for n, (r, short) in enumerate(zip(group.reports, _short_names(plain), strict=True), 1)]
    roles = sorted({rid for r in group.reports for rid in r.plan.roles}, key=lambda rid: catalog.roles[rid].name)
    return {"c": group, "cat": catalog, "info": catalog.info, "stamp": stamp, "skill": catalog.skill_name,
            "cred": catalog.credential_name, "names": names, "learners": learners, "suffix": suffix,
            "chunks": [learners[i:i + HEAT_LEARNERS] for i in range(0, len(learners), HEAT_LEARNERS)],
            "rows": group.skills[:HEAT_ROWS], "hidden": len(group.skills) - HEAT_ROWS,
            "cell": lambda lv: heat_cell(lv, top), "short_level": LEVEL_SHORT,
            "roles": [catalog.roles[rid] for rid in roles], "salary_from": salary_origin, "pay_text": pay_text,
            "aiming": {rid: sum(rid in r.plan.roles for r in group.reports) for rid in roles},
            "end": lambda r: r.plan.steps[-1].end if r.plan.steps else r.plan.start}


def cohort_markdown(catalog: Catalog, group: Cohort, stamp: datetime | None = None) -> str:
    return _env("markdown").get_template("cohort.md.j2").render(_cohort_context(catalog, group, stamp, ".md"))


def cohort_html(catalog: Catalog, group: Cohort, stamp: datetime | None = None) -> str:
    return _env("html").get_template("cohort.html.j2").render(_cohort_context(catalog, group, stamp, ".html"))


def cohort_json(catalog: Catalog, group: Cohort, stamp: datetime | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema_version": 1,
        "learners": [{"key": r.key, "name": r.profile.name, "feasible": r.plan.feasible,
                      "eligible": r.plan.eligible, "cost": r.plan.totals.cost, "hours": r.plan.totals.hours, "weeks": r.plan.totals.weeks,
                      "roles": list(r.plan.roles), "readiness": {a.role: a.readiness for a in r.audit.roles},
                      "end": (r.plan.steps[-1].end if r.plan.steps else r.plan.start).isoformat(),
                      "report": f"{r.key}.json",
                      "pay": [pay_dict(w) for w in pay(catalog, r.plan, r.profile.current_salary)]}
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


SUFFIX = {"markdown": ".md", "html": ".html", "json": ".json"}
"""Each `report --format`'s file name ending."""
