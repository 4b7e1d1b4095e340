"""Plans and audits for people: rich tables and short sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from skillstack.audit import Audit, RoleAudit
from skillstack.catalog import Catalog
from skillstack.model import IMPORTANCE_WEIGHTS, CurrentSalary, Level
from skillstack.money import money
from skillstack.pay import pay, role_pay
from skillstack.plan.service import Plan, Step
from skillstack.report.plan_data import gate_lines, step_reasons
from skillstack.report.provenance import pay_text, price_label
from skillstack.requirements import credentials_named, describe


def _count(n: int, noun: str) -> str:
    """'1 credential', '2 credentials'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _level(n: int) -> str:
    return f"{n} {Level(n).label}" if n else "-"


def _step(cat: Catalog, n: int, step: Step) -> Text:
    text = Text(f"{n:>2}. ")
    text.append(cat.credential_name(step.credential), style="bold")
    text.append(f" ({step.credential})", style="dim")
    text.append(f"\n    {step.start} to {step.end}  {money(step.cost)}")
    text.append(f" (price: {price_label(cat.credentials[step.credential])})", style="dim")
    text.append(f"  {step.hours:g} h")
    reasons = step_reasons(cat, step)
    if step.closes:
        text.append(f"\n    closes: {', '.join(step.closes)}")
    for reason in reasons:
        text.append(f"\n    {reason}" if step.closes or step.meets else f"\n    ({reason})")
    for stack in step.stacks:
        text.append(f"\n    + earns {cat.credential_name(stack)} ({stack}) at no extra cost", style="green")
    for waived in step.waived:
        text.append(f"\n    recommends {waived}: waived", style="yellow")
    return text


def _expectations(cat: Catalog, plan: Plan) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if plan.expected:
        parts.append(Text("\nCredentials employers expect:", style="bold"))
        missed = {m.expected: m for m in plan.missed}
        for e in plan.expected:
            met = e in plan.expected_met
            source = f"; {e.source}" if e.source else ""
            line = Text(f"  {'yes' if met else 'no '} {describe(e.requirement, cat.display_name)} "
                        f"({e.importance}{source}): ", style="green" if met else "yellow")
            if met:
                line.append("on this pathway")
            else:
                m = missed[e]
                line.append(f"not on this pathway: {m.why}")
                if m.aim_first:
                    line.append(f". Aim first for {cat.roles[m.aim_first].name} ({m.aim_first}), "
                                "where that experience is earned.")
            parts.append(line)
    worth = [e for e in plan.suggestions if e not in plan.expected_met]  # the pathway meets the others
    if worth:
        parts.append(Text("Also worth considering (optional): " + "; ".join(
            describe(e.requirement, cat.display_name) + (f" ({e.source})" if e.source else "")
            for e in worth)))
    for rid in plan.roles:
        none = cat.roles[rid].no_credential_expected
        if none is not None:
            parts.append(Text(f"No credential is commonly expected for {cat.roles[rid].name}: {none}.", style="dim"))
    for g in plan.gates:
        if g.blocking:
            continue  # said at the top (gate_lines)
        have = f"; you have {g.have}" if g.have else ""
        parts.append(Text(f"{cat.roles[g.role].name} also asks {describe(g.requirement, cat.display_name)}, which no credential "
                          f"can give ({g.importance}{'; ' + g.source if g.source else ''}{have}).", style="yellow"))
    for t in plan.near_ties:
        names = ", ".join(t.steps)
        parts.append(Text(f"Near tie: {names} ({money(t.cost)}, {t.hours:g} h): {t.why}.", style="cyan"))
    return parts


def _blocked(cat: Catalog, plan: Plan) -> str:
    """'requires 5 years of it experience (you have 2 years of it); aim first for Cloud Engineer.'"""
    gates = plan.blocking
    asks = "; ".join(f"{cat.roles[g.role].name if len(plan.roles) > 1 else ''}{' ' if len(plan.roles) > 1 else ''}"
                     f"requires {describe(g.requirement, cat.display_name)}" + (f" (you have {g.have})" if g.have else "") for g in gates)
    aims = list(dict.fromkeys(g.aim_first for g in gates if g.aim_first))
    return asks + ("; aim first for " + " or ".join(f"{cat.roles[a].name} ({a})" for a in aims) if aims else "") + "."


_LEFT_OUT_LIST = re.compile(r" was left out \(.*\)$")


def answer(cat: Catalog, plan: Plan, quiet: bool = False) -> str:
    """The plan's answer in one line: what it costs and takes, or, for an infeasible plan, what
    the cheapest full pathway costs and takes against the budget or deadline, and what to change;
    then, when an essential experience or education gate is unmet, "Not eligible yet: ..."."""
    blocked = "" if plan.eligible else f" Not eligible yet: {_blocked(cat, plan)}"
    if plan.feasible:
        return _feasible_answer(cat, plan, blocked)
    return _infeasible_answer(cat, plan, quiet) + blocked


def _feasible_answer(cat: Catalog, plan: Plan, blocked: str) -> str:
    names = " and ".join(cat.roles[r].name for r in plan.roles)
    t = plan.totals
    if not plan.steps:
        if blocked:
            return f"{names}: no credentials needed.{blocked}"
        return f"You already meet what {names} requires: no credentials needed."
    end = plan.steps[-1].end
    return (f"{names}: {t.credentials} credential{'s' if t.credentials != 1 else ''}, {money(t.cost)}, "
            f"{t.hours:g} h ({t.weeks:g} weeks at {plan.hours_per_week:g} h/week), {plan.start} to {end}."
            + blocked)


def _infeasible_answer(cat: Catalog, plan: Plan, quiet: bool) -> str:
    names = " and ".join(cat.roles[r].name for r in plan.roles)
    binds = plan.binds
    if binds is None:
        reason = plan.why[0] if plan.why else "no credential in the catalog closes the whole gap"
        return f"No pathway reaches {names}: {reason}."
    weeks = binds.hours / plan.hours_per_week
    takes = f"{binds.hours:g} h ({weeks:.0f} weeks at {plan.hours_per_week:g} h/week)"
    cost = money(binds.cost)
    if binds.limit == "budget":
        return (f"No pathway to {names} fits your budget of {money(binds.budget or 0)}: the cheapest full "
                f"pathway costs {cost} and takes {takes}. Raise the budget to {cost}"
                + (" (without -q: the best partial pathway)." if quiet else ", or take the best partial pathway below."))
    limit = binds.max_hours or 0
    pace = binds.hours_per_week_needed or 0
    if binds.limit == "deadline":
        return (f"No pathway to {names} fits before your deadline ({limit:.0f} h at {plan.hours_per_week:g} "
                f"h/week): the full pathway needs {takes}. Move the deadline, or study {pace:g} h/week.")
    return (f"No pathway to {names} fits your budget of {money(binds.budget or 0)} and your deadline "
            f"({limit:.0f} h): the cheapest full pathway costs {cost} and takes {takes}. Raise the budget to "
            f"{cost} and move the deadline (or study {pace:g} h/week).")


def _field(cat: Catalog, weights: Iterable[tuple[str, float]]) -> str:
    """The domain that carries the most weight among (skill, weight) pairs (ties: by name)."""
    total: dict[str, float] = {}
    for skill, weight in weights:
        domain = cat.skills[skill].domain if skill in cat.skills else ""
        total[domain] = total.get(domain, 0) + weight
    return min(total, key=lambda d: (-total[d], d)) if total else ""


def _changes_answer(cat: Catalog, plan: Plan, cid: str) -> bool:
    """Whether a left-out credential is one a learner would ask about: a credential the roles
    expect, or one that grants a gap skill at its level and belongs to the field of the target
    roles or of the gap (the domain most of its grants are in), so a security certification
    granting risk management is not listed for a project manager."""
    cred = cat.credentials.get(cid)
    if cred is None:
        return False
    if any(cid in credentials_named([e.requirement]) for e in plan.expected + plan.suggestions):
        return True
    wanted = {g.skill: int(g.level) for g in plan.gap}
    if not any(int(g.level) >= wanted.get(g.skill, 99) for g in cred.grants):
        return False
    fields = {cat.roles[r].domain for r in plan.roles} | {
        _field(cat, ((g.skill, IMPORTANCE_WEIGHTS[g.importance]) for g in plan.gap))}
    return _field(cat, ((g.skill, int(g.level)) for g in cred.grants)) in fields


def _left_out(cat: Catalog, plan: Plan, verbose: bool) -> list[RenderableType]:
    """Left-out credentials grouped by reason, each named once; without `verbose`, only those a
    learner would ask about (`_changes_answer`)."""
    shown = [e for e in plan.excluded if verbose or _changes_answer(cat, plan, e.credential)]
    hidden = len(plan.excluded) - len(shown)
    if not shown and not hidden:
        return []
    groups: dict[str, list[str]] = {}
    for e in shown:
        head, sep, tail = e.reason.partition(", ")
        if sep and "(" not in head and not tail.startswith(("and ", "or ")):
            groups.setdefault(tail, []).append(f"{e.credential} ({head})")
        else:
            groups.setdefault(e.reason, []).append(e.credential)
    parts: list[RenderableType] = [Text("\nLeft out:", style="bold")]
    for reason, items in groups.items():
        if len(items) == 1 and items[0] in cat.credentials:  # a reason of its own: "id: reason"
            parts.append(Text(f"  {items[0]}: {reason}", style="dim"))
        else:
            parts.append(Text(f"  {reason[0].upper()}{reason[1:]}: ", style="dim").append(", ".join(items)))
    if hidden:
        what = f"{hidden} from other fields, or granting nothing in the gap (-v lists them)"
        if not shown:
            return [Text(f"\nLeft out: {what}", style="dim")]
        parts.append(Text(f"  and {what}", style="dim"))
    return parts


def plan_view(cat: Catalog, plan: Plan, who: str = "", verbose: bool = False,
              current: CurrentSalary | None = None) -> Group:
    parts: list[RenderableType] = []
    if not plan.feasible:
        parts += [Text(_infeasible_answer(cat, plan, quiet=False), style="bold red"), Text("")]
    roles = ", ".join(f"{cat.roles[r].name} ({r})" for r in plan.roles)
    parts.append(Text.assemble(("Pathway to ", "bold"), (roles, "bold cyan"), f" for {who}" if who else ""))
    for worth in pay(cat, plan, current):
        if worth.salary is not None:
            parts.append(Text(f"  {cat.roles[worth.role].name}: {pay_text(worth)}", style="dim"))
    parts += [Text(line, style="bold yellow") for line in gate_lines(cat, plan)]
    if not plan.gap and not plan.expected:
        parts.append(Text("\nYou already meet every required skill: no credentials needed.", style="green"))
        parts += _expectations(cat, plan)
        return Group(*parts)
    gap = Table(title="Gap", title_justify="left", box=None, pad_edge=False)
    for col in ("skill", "needed", "you have", "importance"):
        gap.add_column(col)
    for g in plan.gap:
        gap.add_row(f"{cat.skill_name(g.skill)} ({g.skill})", _level(int(g.level)),
                    _level(plan.have.get(g.skill, 0)), g.importance)
    parts += [Text(""), gap]
    if plan.steps:
        parts.append(Text("\nPathway" if plan.feasible else "\nBest partial pathway", style="bold"))
        for n, step in enumerate(plan.steps, 1):
            parts.append(_step(cat, n, step))
    t = plan.totals
    end = plan.steps[-1].end if plan.steps else plan.start
    if not plan.steps:
        parts.append(Text("\nNo credential closes any of the gap within your constraints.", style="bold"))
    else:
        parts.append(Text(f"\nTotal: {money(t.cost)}, {t.hours:g} hours, {t.weeks:g} weeks at "
                          f"{plan.hours_per_week:g} h/week, {_count(t.credentials, 'credential')}; from {plan.start} to {end}.",
                          style="bold"))
    limits = []
    if plan.budget is not None:
        limits.append(f"budget {money(plan.budget)}")
    if plan.max_hours is not None:
        limits.append(f"{plan.max_hours:.0f} h until the deadline")
    if not plan.feasible:
        proof = "the partial pathway closes the most of the gap it can; no pathway closes all of it"
    else:
        proof = "optimal (proven by the solver)" if plan.optimal else "best found, not proven optimal"
    first = ("first as many important expected credentials as the budget and deadline allow, then "
             if any(e.importance == "important" for e in plan.expected) else "")
    parts.append(Text(f"Objective: {first}lowest {plan.objective}; {proof}"
                      + (f"; within {', '.join(limits)}" if limits else "") + "."))
    if plan.waived:
        parts.append(Text(f"{_count(plan.waived, 'recommendation')} waived (see the steps); "
                          "--strict-recommendations makes them binding.", style="dim"))
    parts += _expectations(cat, plan)
    for cid, when in plan.renew:
        parts.append(Text(f"Renew {cat.credential_name(cid)} ({cid}): it expires on {when}, before the pathway "
                          "ends; the plan counts it as held.", style="yellow"))
    if not plan.feasible:
        parts.append(Text("\nWhy no pathway closes the whole gap:", style="bold"))
        parts += [Text(f"  - {_LEFT_OUT_LIST.sub(' was left out (see Left out below)', why)}")
                  for why in plan.why if plan.binds is None or why != plan.binds.reason] or [Text("  - the budget or the deadline: see the first line")]
        if plan.open:
            still = ", ".join(f"{g.skill} at {int(g.level)}" for g in plan.open)
            parts.append(Text(f"  Still open after the best partial pathway: {still}"))
    parts += _left_out(cat, plan, verbose)
    return Group(*parts)


def _aim_text(cat: Catalog, aim: str | None) -> str:
    return (f"aim first for {cat.roles[aim].name} ({aim})" if aim
            else "the catalog names no earlier role you could aim for first")


def _role_table(cat: Catalog, r: RoleAudit) -> Table:
    table = Table(box=None, pad_edge=False)
    for col in ("status", "skill", "required", "you have", "importance"):
        table.add_column(col)
    styles = {"met": "green", "below": "yellow", "in progress": "cyan", "missing": "red"}
    for status, lines in (("met", r.met), ("below", r.below), ("in progress", r.in_progress),
                          ("missing", r.missing)):
        for line in lines:
            via = f" (via {', '.join(line.via)})" if line.via else ""
            table.add_row(Text(status, style=styles[status]), f"{cat.skill_name(line.skill)} ({line.skill}){via}",
                          _level(line.required), _level(line.held), line.importance)
    for e in r.expectations:
        via = f" (via {', '.join(e.via)})" if e.via else ""
        table.add_row(Text(e.status, style=styles[e.status]), f"{e.kind}: {e.text}{via}", "-", e.have or "-",
                      e.importance)
    return table


def audit_view(cat: Catalog, result: Audit, plans: dict[str, Plan] | None = None,
               current: CurrentSalary | None = None, quiet: bool = False, verbose: bool = False) -> Group:
    """Where the learner stands. `quiet`: one line per role (readiness, and the plan with
    --all-roles). `verbose`: also every held credential with its status, not only those to renew."""
    parts: list[RenderableType] = []
    if quiet:
        for r in result.roles:
            p = plans.get(r.role) if plans is not None else None
            plan_part = ""
            if p is not None:
                plan_part = (f", plan {money(p.totals.cost)} and {p.totals.hours:g} h" if p.feasible
                             else ", no pathway within the limits")
            gated = "" if r.eligible else f", not eligible yet ({_aim_text(cat, r.aim_first)})"
            parts.append(Text(f"{cat.roles[r.role].name} ({r.role}): readiness {r.readiness:.0%}{plan_part}{gated}"))
        return Group(*parts)
    if plans is not None:
        table = Table(title="Roles ranked by readiness", title_justify="left", box=None, pad_edge=False)
        for col, just in (("role", "left"), ("readiness", "right"), ("plan cost", "right"),
                          ("plan hours", "right"), ("credentials", "right")):
            table.add_column(col, justify=just)  # type: ignore[arg-type]
        for r in result.roles:
            p = plans.get(r.role)
            cost = (money(p.totals.cost) if p.feasible else "no pathway") if p else "-"
            table.add_row(f"{cat.roles[r.role].name} ({r.role})", f"{r.readiness:.0%}", cost,
                          f"{p.totals.hours:g}" if p and p.feasible else "-",
                          str(p.totals.credentials) if p and p.feasible else "-")
        parts.append(table)
        blocked = [r for r in result.roles if not r.eligible]
        if blocked:
            parts.append(Text("Not eligible yet (experience or education that no credential earns): " + "; ".join(
                f"{cat.roles[r.role].name} ({_aim_text(cat, r.aim_first)})" for r in blocked) + ".", style="yellow"))
    else:
        for r in result.roles:
            head = ("\n" if parts else "") + cat.roles[r.role].name
            parts.append(Text.assemble((head, "bold cyan"), f" ({r.role}): readiness {r.readiness:.0%}"))
            worth = role_pay(cat, r.role, current, None)
            if worth.salary is not None:
                parts.append(Text(f"  {pay_text(worth)}", style="dim"))
            parts.append(_role_table(cat, r))
            if r.no_credential_expected is not None:
                parts.append(Text(f"  No credential is commonly expected: {r.no_credential_expected}.", style="dim"))
            links = [f"level {r.level}"] if r.level else []
            if r.previous:
                links.append("comes after " + ", ".join(f"{cat.roles[p].name} ({p})" for p in r.previous if p in cat.roles))
            if r.next:
                links.append("leads to " + ", ".join(f"{cat.roles[n].name} ({n})" for n in r.next if n in cat.roles))
            if links:
                parts.append(Text("  " + "; ".join(links), style="dim"))
            if not r.eligible:
                parts.append(Text(f"  Not eligible yet: no credential can earn the experience or education this "
                                  f"role requires; {_aim_text(cat, r.aim_first)}.", style="yellow"))
    retired = [h for h in result.held if h.retired and h.status != "expired"]
    if retired:
        parts.append(Text("\nRetired by their issuers (they still count until they expire):", style="bold"))
        for h in retired:
            until = f"counts until {h.expires}" if h.expires else "does not expire"
            instead = f"; successor: {cat.credential_name(h.successor)} ({h.successor})" if h.successor else ""
            parts.append(Text(f"  {cat.credential_name(h.id)} ({h.id}) {until}{instead}"))
    flagged = [h for h in result.held if h.status != "current"]
    if flagged:
        parts.append(Text("\nCredentials to renew:", style="bold"))
        for h in flagged:
            verb = "expired on" if h.status == "expired" else "expires on"
            parts.append(Text(f"  {cat.credential_name(h.id)} ({h.id}) {verb} {h.expires}",
                              style="red" if h.status == "expired" else "yellow"))
    current_held = [h for h in result.held if h.status == "current"]
    if verbose and current_held:
        parts.append(Text("\nCredentials held and current:", style="bold"))
        for h in current_held:
            until = f"valid until {h.expires}" if h.expires else "does not expire"
            parts.append(Text(f"  {cat.credential_name(h.id)} ({h.id}) {until}"))
    return Group(*parts)


def alternative_labels(options: list[Plan]) -> list[str]:
    """'cheapest', 'fastest', 'most expected credentials' (when options differ in the expected
    credentials they meet: the cheapest ones may leave an expected credential out), or 'in between'."""
    if not options:
        return []
    cheapest = min(o.totals.cost for o in options)
    fastest = min(o.totals.hours for o in options)
    met = [len(o.expected) - len(o.expected_missed) for o in options]
    labels = []
    for option, count in zip(options, met, strict=True):
        words = [w for w, yes in (("cheapest", option.totals.cost <= cheapest + 1e-9),
                                  ("fastest", option.totals.hours <= fastest + 1e-9),
                                  ("most expected credentials", count == max(met) > min(met))) if yes]
        labels.append(" and ".join(words) or "in between")
    return labels


def alternatives_view(cat: Catalog, options: list[Plan]) -> Group:
    table = Table(title="Alternatives (Pareto-optimal on cost vs hours)", title_justify="left", box=None,
                  pad_edge=False)
    expected = any(o.expected for o in options)
    cols = [("option", "left"), ("cost", "right"), ("hours", "right"), ("weeks", "right")]
    cols += [("expected met", "right")] if expected else []
    for col, just in (*cols, ("credentials", "left")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for label, option in zip(alternative_labels(options), options, strict=True):
        met = [f"{len(option.expected) - len(option.expected_missed)} of {len(option.expected)}"] if expected else []
        table.add_row(label, money(option.totals.cost), f"{option.totals.hours:g}", f"{option.totals.weeks:g}",
                      *met, ", ".join(s.credential for s in option.steps))
    return Group(Text(""), table)
