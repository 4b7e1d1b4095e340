"""Plans and audits as JSON-ready dicts (the stable keys of SPEC section 5)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from skillstack.catalog import Catalog
from skillstack.model import AnyOf, CredentialReq, CurrentSalary, ExperienceReq
from skillstack.pay import pay, role_pay
from skillstack.plan.problem import Expected
from skillstack.plan.schedule import Missed, Step
from skillstack.plan.service import Plan
from skillstack.plan.solve import criteria_of
from skillstack.report.jsonify import citation, source_keys
from skillstack.report.provenance import pay_dict, price_origin
from skillstack.requirements import describe, requirement_data

if TYPE_CHECKING:  # a plan's JSON does not import the audit service (four dataclasses a warm plan skips)
    from skillstack.audit import Audit, RoleAudit, SkillLine


def plan_dict(catalog: Catalog, plan: Plan, alternatives: list[Plan] | None = None,
              current: CurrentSalary | None = None) -> dict[str, Any]:
    """`plan --format json`; with `alternatives` (asked for, even if none were found), their
    totals and credentials too; `pay` holds each target role's pay against `current` (the
    profile's `current_salary`) and the payback time of the pathway's cost."""
    doc = _plan_dict(catalog, plan)
    doc["pay"] = [pay_dict(w) for w in pay(catalog, plan, current)]
    if alternatives is not None:
        doc["alternatives"] = [{"cost": o.totals.cost, "hours": o.totals.hours, "weeks": o.totals.weeks,
                                "credentials": [s.credential for s in o.steps],
                                "expected_met": len(o.expected) - len(o.expected_missed)} for o in alternatives]
    return doc


def _plan_dict(catalog: Catalog, plan: Plan) -> dict[str, Any]:
    end = plan.steps[-1].end if plan.steps else plan.start
    missed = {m.expected: m for m in plan.missed}
    return {
        "schema_version": 1,
        "roles": list(plan.roles),
        "gap": [{"skill": g.skill, "level": int(g.level), "importance": g.importance,
                 "held": plan.have.get(g.skill, 0)} for g in plan.gap],
        "steps": [
            {"credential": s.credential, "name": catalog.credential_name(s.credential),
             "start": s.start.isoformat(), "end": s.end.isoformat(), "cost": s.cost,
             "cost_source": price_origin(catalog.credentials[s.credential]), "hours": s.hours,
             "closes": list(s.closes), "earns": list(s.stacks), "recommended": list(s.advice),
             "waived": list(s.waived), "meets_expected": [_expected(catalog, e, True) for e in s.meets],
             "prerequisite_for": list(s.needed_by), "lowers_price_of": list(s.discounts)}
            for s in plan.steps
        ],
        "earned_stacks": [
            {"credential": stack, "name": catalog.credential_name(stack), "after": step.credential,
             "date": step.end.isoformat()}
            for stack, step in plan.earned_stacks
        ],
        "totals": {"cost": plan.totals.cost, "hours": plan.totals.hours, "weeks": plan.totals.weeks,
                   "credentials": plan.totals.credentials},
        "objective": plan.objective,
        "optimal": plan.optimal,
        "feasible": plan.feasible,
        "eligible": plan.eligible,
        "excluded": [{"credential": e.credential, "reason": e.reason} for e in plan.excluded],
        "open": [{"skill": g.skill, "level": int(g.level), "importance": g.importance} for g in plan.open],
        "why": list(plan.why),
        "binds": None if plan.binds is None else {
            "limit": plan.binds.limit, "cost": plan.binds.cost, "hours": plan.binds.hours,
            "budget": plan.binds.budget, "max_hours": round(plan.binds.max_hours, 2) if plan.binds.max_hours else None,
            "raise_budget_to": plan.binds.raise_budget_to, "hours_per_week_needed": plan.binds.hours_per_week_needed},
        "renew": [{"credential": cid, "expires": when.isoformat()} for cid, when in plan.renew],
        "expected": [_expected(catalog, e, e in plan.expected_met, missed.get(e)) for e in plan.expected],
        "suggestions": [_expected(catalog, e, e in plan.expected_met) for e in plan.suggestions],
        "gates": [{"role": g.role, "requirement": requirement_data(g.requirement), "text": describe(g.requirement, catalog.display_name),
                   "importance": g.importance, "source": g.source, "aim_first": g.aim_first, "have": g.have,
                   "blocking": g.blocking} for g in plan.gates],
        "no_credential_expected": [{"role": rid, **citation(catalog.roles[rid].no_credential_expected)}
                                   for rid in plan.roles if catalog.roles[rid].no_credential_expected is not None],
        "near_ties": [{"credentials": list(t.steps), "cost": t.cost, "hours": t.hours, "why": t.why}
                      for t in plan.near_ties],
        "waived": plan.waived,
        "stages": list(plan_stages(plan)),
        "start": plan.start.isoformat(),
        "end": end.isoformat(),
        "constraints": {"budget": plan.budget, "hours_per_week": plan.hours_per_week,
                        "max_hours": round(plan.max_hours, 2) if plan.max_hours is not None else None},
    }


_URL = re.compile(r"https?://[^\s)]+")


def source_short(e: Expected) -> str:
    """Who expects a credential, in a few words: the citation's kind and page, else the first
    page named in the source text, else its first 80 characters."""
    if e.cite is not None:
        return f"{e.cite.kind}: {e.cite.url}"
    found = _URL.search(e.source)
    if found:
        return found.group(0).rstrip(".,;")
    return e.source if len(e.source) <= 80 else e.source[:80].rsplit(" ", 1)[0] + "..."


def _group_words(cat: Catalog, e: Expected) -> str:
    """'' for one credential, '; one of 4 accepted' for a choice, else what it completes."""
    req = e.requirement
    if isinstance(req, CredentialReq):
        return ""
    if isinstance(req, AnyOf) and all(isinstance(i, CredentialReq) for i in req.items):
        return f"; one of {len(req.items)} accepted"
    return f"; completes {describe(req, cat.display_name)}"


def step_reasons(cat: Catalog, step: Step) -> list[str]:
    """Why a step is on the pathway, besides the gap skills it closes: each expected credential it
    meets (with who expects it), and, for a step that closes and meets nothing, the later steps
    that need it or whose price it lowers."""
    out = [f"expected by employers ({e.importance}{_group_words(cat, e)}; {source_short(e)})" for e in step.meets]
    if step.closes or step.meets:
        return out
    if step.needed_by:
        out.append("a prerequisite for " + ", ".join(cat.credential_name(c) for c in step.needed_by))
    if step.discounts:
        out.append("lowers the price of " + ", ".join(cat.credential_name(c) for c in step.discounts))
    return out


def gate_lines(cat: Catalog, plan: Plan) -> list[str]:
    """One sentence per essential experience or education gate the learner does not meet:
    what the role asks, what the learner has, and the role to aim for first."""
    out = []
    for g in plan.gates:
        if not g.blocking:
            continue
        have = f" (you have {g.have})" if g.have else ""
        where = ("where that experience is earned" if isinstance(g.requirement, ExperienceReq)
                 else "whose requirements you meet")
        aim = (f" Aim first for {cat.roles[g.aim_first].name} ({g.aim_first}), {where}."
               if g.aim_first else " The catalog names no earlier role you could aim for first.")
        outcome = ("this pathway closes the skills but does not make you eligible yet" if plan.feasible
                   else "no pathway makes you eligible yet")
        out.append(f"{cat.roles[g.role].name} requires {describe(g.requirement, cat.display_name)}{have}: no "
                   f"credential can earn that, so {outcome}.{aim}")
    return out


def _expected(catalog: Catalog, e: Expected, met: bool, missed: Missed | None = None) -> dict[str, Any]:
    """An expected credential; `why` and `aim_first` say why the pathway does not meet it ("" / null when met)."""
    return {"requirement": requirement_data(e.requirement), "text": describe(e.requirement, catalog.display_name), "importance": e.importance,
            "source": e.source, "roles": list(e.roles), "met": met, "why": missed.why if missed else "",
            "aim_first": missed.aim_first if missed else None}


def plan_stages(plan: Plan) -> tuple[str, ...]:
    """The order in which the pathway was chosen, as stated in the output."""
    _, *ties = criteria_of(plan.objective)  # the solver's own order of tie-breakers
    stages = ["close the gap" + (" and hold the essential expected credentials"
                                 if any(e.importance == "essential" for e in plan.expected) else "")]
    if any(e.importance == "important" for e in plan.expected):
        stages.append("as many important expected credentials as the budget and deadline allow")
    stages += [f"lowest {plan.objective}", *(f"then lowest {t}" for t in ties),
               "then fewer waived recommendations", "then ids"]
    return tuple(stages)


def _lines(lines: tuple[SkillLine, ...]) -> list[dict[str, Any]]:
    out = []
    for line in lines:
        item: dict[str, Any] = {"skill": line.skill, "level": line.required, "held": line.held,
                                "importance": line.importance}
        if line.via:
            item["via"] = list(line.via)
        out.append(item)
    return out


def role_audit_dict(r: RoleAudit) -> dict[str, Any]:
    return {"role": r.role, "readiness": r.readiness, "met": _lines(r.met), "below": _lines(r.below),
            "missing": _lines(r.missing), "in_progress": _lines(r.in_progress),
            "expectations": [{"kind": e.kind, "requirement": e.text, "importance": e.importance, "source": e.source,
                              **source_keys(e.cite),
                              "status": e.status, **({"via": list(e.via)} if e.via else {}),
                              **({"have": e.have} if e.have else {})} for e in r.expectations],
            "no_credential_expected": citation(r.no_credential_expected) if r.no_credential_expected else None,
            "level": r.level or None, "next": list(r.next), "previous": list(r.previous), "eligible": r.eligible,
            "aim_first": r.aim_first}


def audit_dict(result: Audit, plans: dict[str, Plan] | None = None, catalog: Catalog | None = None,
               current: CurrentSalary | None = None) -> dict[str, Any]:
    """`audit --format json`; with the catalog, each role's `pay` against `current` (and, with
    `plans`, the payback time of the plan's cost)."""
    roles = []
    for r in result.roles:
        item = role_audit_dict(r)
        p = plans.get(r.role) if plans is not None else None
        if p is not None:
            item["plan"] = {"feasible": p.feasible, "eligible": p.eligible, "optimal": p.optimal, "cost": p.totals.cost,
                            "hours": p.totals.hours, "weeks": p.totals.weeks, "credentials": p.totals.credentials}
        if catalog is not None:
            cost = p.totals.cost if p is not None and p.feasible else None
            item["pay"] = pay_dict(role_pay(catalog, r.role, current, cost))
        roles.append(item)
    return {
        "schema_version": 1,
        "date": result.on.isoformat(),
        "roles": roles,
        "credentials": [
            {"credential": h.id, "earned": h.earned.isoformat() if h.earned else None,
             "expires": h.expires.isoformat() if h.expires else None, "status": h.status,
             "retired": h.retired, "superseded_by": h.successor}
            for h in result.held
        ],
    }
