"""Plans and audits for people: rich tables and short sentences."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from skillstack.audit import Audit, RoleAudit
from skillstack.catalog import Catalog
from skillstack.model import Level
from skillstack.plan.service import Plan, Step
from skillstack.report.provenance import price_label, salary_origin

MAX_LEFT_OUT = 10


def _money(amount: float) -> str:
    return f"${amount:,.0f}" if amount == int(amount) else f"${amount:,.2f}"


def _level(n: int) -> str:
    return f"{n} {Level(n).label}" if n else "-"


def _step(cat: Catalog, n: int, step: Step) -> Text:
    text = Text(f"{n:>2}. ")
    text.append(cat.credential_name(step.credential), style="bold")
    text.append(f" ({step.credential})", style="dim")
    text.append(f"\n    {step.start} to {step.end}  {_money(step.cost)}")
    text.append(f" (price: {price_label(cat.credentials[step.credential])})", style="dim")
    text.append(f"  {step.hours:g} h")
    text.append(f"\n    closes: {', '.join(step.closes)}" if step.closes else "\n    (a prerequisite for a later step)")
    for stack in step.stacks:
        text.append(f"\n    + earns {cat.credential_name(stack)} ({stack}) at no extra cost", style="green")
    for waived in step.waived:
        text.append(f"\n    recommends {waived}: waived", style="yellow")
    return text


def _expectations(cat: Catalog, plan: Plan) -> list[RenderableType]:
    from skillstack.requirements import describe

    parts: list[RenderableType] = []
    if plan.expected:
        parts.append(Text("\nCredentials employers expect:", style="bold"))
        for e in plan.expected:
            met = e in plan.expected_met
            where = "on this pathway" if met else "not within your budget and deadline"
            source = f"; {e.source}" if e.source else ""
            parts.append(Text(f"  {'yes' if met else 'no '} {describe(e.requirement, cat.display_name)} "
                              f"({e.importance}{source}): {where}", style="green" if met else "yellow"))
    if plan.suggestions:
        parts.append(Text("Also worth considering (optional): " + "; ".join(
            describe(e.requirement, cat.display_name) + (f" ({e.source})" if e.source else "")
            for e in plan.suggestions)))
    for g in plan.gates:
        aim = (f" Aim first for {cat.roles[g.aim_first].name} ({g.aim_first})." if g.aim_first else "")
        parts.append(Text(f"{cat.roles[g.role].name} also asks {describe(g.requirement)}, which no credential "
                          f"can give ({g.importance}{'; ' + g.source if g.source else ''}).{aim}", style="yellow"))
    for t in plan.near_ties:
        names = ", ".join(t.steps)
        parts.append(Text(f"Near tie: {names} ({_money(t.cost)}, {t.hours:g} h): {t.why}.", style="cyan"))
    return parts


def plan_view(cat: Catalog, plan: Plan, who: str = "") -> Group:
    parts: list[RenderableType] = []
    roles = ", ".join(f"{cat.roles[r].name} ({r})" for r in plan.roles)
    parts.append(Text.assemble(("Pathway to ", "bold"), (roles, "bold cyan"), f" for {who}" if who else ""))
    for rid in plan.roles:
        salary = cat.roles[rid].salary
        if salary is not None:
            parts.append(Text(f"  {cat.roles[rid].name}: median pay {_money(salary.median)} ({salary_origin(salary)})",
                              style="dim"))
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
        parts.append(Text(f"\nTotal: {_money(t.cost)}, {t.hours:g} hours, {t.weeks:g} weeks at "
                          f"{plan.hours_per_week:g} h/week, {t.credentials} credential(s); from {plan.start} to {end}.",
                          style="bold"))
    limits = []
    if plan.budget is not None:
        limits.append(f"budget {_money(plan.budget)}")
    if plan.max_hours is not None:
        limits.append(f"{plan.max_hours:.0f} h until the deadline")
    proof = "optimal (proven by the solver)" if plan.optimal else "best found, not proven optimal"
    first = ("first as many important expected credentials as the budget and deadline allow, then "
             if any(e.importance == "important" for e in plan.expected) else "")
    parts.append(Text(f"Objective: {first}lowest {plan.objective}; {proof}"
                      + (f"; within {', '.join(limits)}" if limits else "") + "."))
    if plan.waived:
        parts.append(Text(f"{plan.waived} recommendation(s) waived (see the steps); "
                          "--strict-recommendations makes them binding.", style="dim"))
    parts += _expectations(cat, plan)
    for cid, when in plan.renew:
        parts.append(Text(f"Renew {cat.credential_name(cid)} ({cid}): it expires on {when}, before the pathway "
                          "ends; the plan counts it as held.", style="yellow"))
    if not plan.feasible:
        parts.append(Text("\nNo pathway closes the whole gap:", style="bold red"))
        parts += [Text(f"  - {why}") for why in plan.why]
        if plan.open:
            still = ", ".join(f"{g.skill} at {int(g.level)}" for g in plan.open)
            parts.append(Text(f"  Still open after the best partial pathway: {still}"))
    if plan.excluded:
        parts.append(Text("\nLeft out:", style="bold"))
        parts += [Text(f"  {e.credential}: {e.reason}", style="dim") for e in plan.excluded[:MAX_LEFT_OUT]]
        if len(plan.excluded) > MAX_LEFT_OUT:
            parts.append(Text(f"  and {len(plan.excluded) - MAX_LEFT_OUT} more (--format json lists them all)",
                              style="dim"))
    return Group(*parts)


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
        table.add_row(Text(e.status, style=styles[e.status]), f"{e.kind}: {e.text}{via}", "-", "-", e.importance)
    return table


def audit_view(cat: Catalog, result: Audit, plans: dict[str, Plan] | None = None) -> Group:
    parts: list[RenderableType] = []
    if plans is not None:
        table = Table(title="Roles ranked by readiness", title_justify="left", box=None, pad_edge=False)
        for col, just in (("role", "left"), ("readiness", "right"), ("plan cost", "right"),
                          ("plan hours", "right"), ("credentials", "right")):
            table.add_column(col, justify=just)  # type: ignore[arg-type]
        for r in result.roles:
            p = plans.get(r.role)
            cost = (_money(p.totals.cost) if p.feasible else "no pathway") if p else "-"
            table.add_row(f"{cat.roles[r.role].name} ({r.role})", f"{r.readiness:.0%}", cost,
                          f"{p.totals.hours:g}" if p and p.feasible else "-",
                          str(p.totals.credentials) if p and p.feasible else "-")
        parts.append(table)
    else:
        for r in result.roles:
            head = ("\n" if parts else "") + cat.roles[r.role].name
            parts.append(Text.assemble((head, "bold cyan"), f" ({r.role}): readiness {r.readiness:.0%}"))
            parts.append(_role_table(cat, r))
            links = [f"level {r.level}"] if r.level else []
            if r.previous:
                links.append("comes after " + ", ".join(f"{cat.roles[p].name} ({p})" for p in r.previous if p in cat.roles))
            if r.next:
                links.append("leads to " + ", ".join(f"{cat.roles[n].name} ({n})" for n in r.next if n in cat.roles))
            if links:
                parts.append(Text("  " + "; ".join(links), style="dim"))
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
    return Group(*parts)


def alternatives_view(cat: Catalog, options: list[Plan]) -> Group:
    table = Table(title="Alternatives (Pareto-optimal on cost vs hours)", title_justify="left", box=None,
                  pad_edge=False)
    for col, just in (("option", "left"), ("cost", "right"), ("hours", "right"), ("weeks", "right"),
                      ("credentials", "left")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for n, option in enumerate(options):
        label = "cheapest" if n == 0 else "fastest" if n == len(options) - 1 else "in between"
        if len(options) == 1:
            label = "cheapest and fastest"
        table.add_row(label, _money(option.totals.cost), f"{option.totals.hours:g}", f"{option.totals.weeks:g}",
                      ", ".join(s.credential for s in option.steps))
    return Group(Text(""), table)
