"""Rich views of search hits and single catalog objects."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from skillstack.catalog import Catalog
from skillstack.lookup import Hit, RoleRow, granting, roles_needing, stacks_using
from skillstack.model import Credential, Role, Skill
from skillstack.money import money
from skillstack.report.provenance import describe_cost, describe_discount, describe_salary, describe_source
from skillstack.requirements import describe


def hits_table(hits: list[Hit]) -> Table:
    table = Table(box=None, pad_edge=False)
    table.add_column("kind", style="dim")
    table.add_column("id", style="bold")
    table.add_column("name")
    table.add_column("match", justify="right", style="dim")
    for hit in hits:
        table.add_row(hit.kind, hit.id, hit.name, f"{hit.score:.0f}")
    return table


def _fields(rows: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    for key, value in rows:
        if value:
            table.add_row(key, Text(value))
    return table


def _credential(cat: Catalog, c: Credential) -> list[RenderableType]:
    cost = describe_cost(c)
    status = c.status + (f", last day {c.retires}" if c.retires else "")
    if c.superseded_by:
        status += f", replaced by {cat.credentials[c.superseded_by].name} ({c.superseded_by})" \
            if c.superseded_by in cat.credentials else f", replaced by {c.superseded_by}"
    rows = [
        ("status", status if c.status != "active" or c.retires else ""), ("exam", c.exam),
        ("issuer", c.issuer + (f", taken on {c.provider}" if c.provider else "")), ("kind", c.kind),
        ("level", c.level), ("format", c.format), ("cost", cost),
        ("discounts", "; ".join(describe_discount(d) for d in c.discounts)), ("hours", f"{c.hours:g}"),
        ("validity", f"{c.validity_years:g} years" if c.validity_years else "does not expire"),
        ("renewal", c.renewal), ("accreditation", ", ".join(c.accreditation)), ("verification", c.verification),
        ("url", c.url), ("last reviewed", str(c.last_reviewed or "never")),
        ("defined at", str(c.where)),
    ]
    out: list[RenderableType] = [_fields(rows)]
    if c.grants:
        out.append(Text("\nGrants", style="bold"))
        out += [Text(f"  {cat.skill_name(g.skill)} ({g.skill}) at level {int(g.level)} {g.level.label}")
                for g in c.grants]
    for title, reqs in (("Requires", c.requires), ("Recommends", c.recommends)):
        if reqs:
            out.append(Text(f"\n{title}", style="bold"))
            out += [Text(f"  {describe(r)}") for r in reqs]
    if c.awarded_for is not None:
        out += [Text("\nAwarded automatically for", style="bold"), Text(f"  {describe(c.awarded_for)}")]
    stacks = stacks_using(cat, c.id)
    if stacks:
        out.append(Text("\nCounts toward", style="bold"))
        out += [Text(f"  {s.name} ({s.id})") for s in stacks]
    if c.credit:
        out.append(Text("\nCredit", style="bold"))
        out += [Text(f"  {cr.credits:g} credits toward {cr.toward}") for cr in c.credit]
    if c.sources:
        out.append(Text("\nSources", style="bold"))
        out += [Text(f"  {describe_source(s)}") for s in c.sources]
    return out


def _role(cat: Catalog, r: Role) -> list[RenderableType]:
    salary = describe_salary(r.salary) if r.salary else ""
    rows = [("domain", r.domain), ("O*NET", r.onet), ("ESCO", r.esco), ("salary", salary),
            ("outlook", r.outlook), ("defined at", str(r.where))]
    out: list[RenderableType] = [_fields(rows)]
    if r.description:
        out.append(Text(f"\n{r.description}"))
    table = Table(box=None, title=None, pad_edge=False)
    for col in ("skill", "level", "importance"):
        table.add_column(col)
    for need in r.requires:
        table.add_row(f"{cat.skill_name(need.skill)} ({need.skill})", f"{int(need.level)} {need.level.label}",
                      need.importance)
    out += [Text("\nRequires", style="bold"), table]
    return out


def _skill(cat: Catalog, s: Skill) -> list[RenderableType]:
    rows = [("aliases", ", ".join(s.aliases)), ("domain", s.domain), ("broader", s.broader or ""),
            ("ESCO", s.esco), ("O*NET", s.onet), ("defined at", str(s.where))]
    out: list[RenderableType] = [_fields(rows)]
    if s.description:
        out.append(Text(f"\n{s.description}"))
    grants = granting(cat, s.id)
    if grants:
        out.append(Text("\nGranted by", style="bold"))
        out += [Text(f"  {c.name} ({c.id}) at level "
                     f"{max(int(g.level) for g in c.grants if g.skill == s.id)}") for c in grants]
    roles = roles_needing(cat, s.id)
    if roles:
        out.append(Text("\nNeeded by", style="bold"))
        out += [Text(f"  {r.name} ({r.id})") for r in roles]
    return out


def show(cat: Catalog, obj: Skill | Credential | Role) -> Group:
    kind = "credential" if isinstance(obj, Credential) else "role" if isinstance(obj, Role) else "skill"
    head = Text.assemble((obj.name, "bold"), f"  {kind} {obj.id}")
    body = _credential(cat, obj) if isinstance(obj, Credential) else (
        _role(cat, obj) if isinstance(obj, Role) else _skill(cat, obj))
    return Group(head, *body)


def roles_table(rows: list[RoleRow], readiness: bool) -> Table:
    """Roles, one a line: names wrap, ids never do (they are what people copy)."""
    table = Table(box=None, pad_edge=False)
    table.add_column("role", ratio=1)
    table.add_column("id", no_wrap=True, min_width=max((len(r.id) for r in rows), default=2), style="bold")
    table.add_column("field", no_wrap=True)
    if any(r.level for r in rows):
        table.add_column("level", no_wrap=True)
    table.add_column("median pay", justify="right", no_wrap=True)
    table.add_column("outlook", no_wrap=True)
    if readiness:
        table.add_column("readiness", justify="right", no_wrap=True)
    for r in rows:
        cells = [r.name, r.id, r.field or "-"]
        if any(x.level for x in rows):
            cells.append(r.level or "-")
        cells += [money(r.salary) if r.salary is not None else "-", r.outlook or "-"]
        if readiness:
            cells.append(f"{r.readiness:.0%}" if r.readiness is not None else "-")
        table.add_row(*cells)
    return table
