"""Search and show: finding skills, credentials and roles by what people type."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from skillstack.catalog import Catalog, name_parts, normalize
from skillstack.errors import InputError
from skillstack.model import Credential, Profile, Role, Skill
from skillstack.textmatch import SUGGEST, accepted, rank

KINDS = ("skill", "credential", "role")
# on equal scores roles come first: "data" answers a career changer's "which roles?" before the
# eight skills named Data Something
TIE_ORDER = ("role", "credential", "skill")
# a match on an alias or an issuer ranks one tier below the same match on a name (textmatch's
# tiers: 96-99 starts with the query, 90-95 word matches): "cyber" finds the Cybersecurity
# credentials and role before Risk Management (alias "cyber risk management")
ALIAS_PENALTY = 9.0
# what `skillstack search` lists: a typo of a word scores 80 or more ("pyhton" 83, "statistcs" 95);
# at `SUGGEST` (60) a "did you mean" still helps ("sequel" -> sql), but a list of results
# there is noise ("nurse" -> Microsoft Azure at 60)
LISTED = 70.0


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    name: str
    score: float


def _texts(catalog: Catalog, kinds: tuple[str, ...]) -> dict[str, list[tuple[str, str, str]]]:
    """Searchable text -> [(kind, id, name)]."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for kind in kinds:
        for text, found in catalog.texts(kind).items():
            out.setdefault(text, []).extend((kind, ident, name) for ident, name in found)
    return out


def search(catalog: Catalog, text: str, kinds: tuple[str, ...] = KINDS, limit: int = 10,
           cutoff: float = LISTED) -> list[Hit]:
    """Best matches for `text` across names, ids, aliases and issuers, best first
    (scored by `skillstack.textmatch`: exact, then word and prefix matches, then typos).

    >>> [h.id for h in search(catalog, "k8s", ("skill",))][:1]
    ['kubernetes']
    """
    texts = _texts(catalog, kinds)
    best: dict[tuple[str, str], Hit] = {}
    for matched, found in rank(text, list(texts), limit=limit * 8, cutoff=cutoff):
        for kind, ident, name in texts[matched]:
            own = matched in (normalize(ident), normalize(name), *map(normalize, name_parts(name)))
            score = found if own else found - ALIAS_PENALTY
            key = (kind, ident)
            if score < cutoff:
                continue
            if key not in best or best[key].score < score:
                best[key] = Hit(kind, ident, name, score)
    return sorted(best.values(), key=lambda h: (-h.score, TIE_ORDER.index(h.kind), h.id))[:limit]


def find(catalog: Catalog, ident: str) -> tuple[Skill | Credential | Role, str]:
    """One object by exact id in any kind, else by name or alias, else by a clear fuzzy
    winner (returned with a warning to show); else InputError with suggestions."""
    indexes = (catalog.credentials, catalog.roles, catalog.skills)
    for index in indexes:
        obj = index.get(ident)
        if obj is not None:
            return obj, ""
    key = normalize(ident)
    for index in indexes:
        if key in index.names:
            return index[index.names[key]], ""
    hits = search(catalog, ident, limit=3, cutoff=SUGGEST)
    if accepted([(h.id, h.score) for h in hits]):
        best = hits[0]
        return catalog.index(best.kind)[best.id], f"{ident!r} read as {best.name!r} ({best.id})"
    hint = f"closest: {', '.join(f'{h.id} ({h.kind})' for h in hits)}" if hits else "nothing like it"
    raise InputError(f"nothing in the catalog is called {ident!r}; {hint}; "
                     f"`skillstack search TEXT` searches names, aliases and issuers")


def stacks_using(catalog: Catalog, cid: str) -> list[Credential]:
    """The stacks whose `awarded_for` names credential `cid`."""
    from skillstack.requirements import credentials_named

    return [c for c in catalog.stacks_using([cid]) if cid in credentials_named(c.needs)]


def roles_by_onet(catalog: Catalog) -> dict[str, list[str]]:
    """O*NET-SOC code -> the ids of the roles that give it."""
    by_code: dict[str, list[str]] = {}
    for role in catalog.roles:
        if role.onet:
            by_code.setdefault(role.onet, []).append(role.id)
    return by_code


def roles_needing(catalog: Catalog, sid: str) -> list[Role]:
    return [r for r in catalog.roles if any(n.skill == sid for n in r.requires)]


def granting(catalog: Catalog, sid: str) -> list[Credential]:
    return [catalog.credentials[c] for c in catalog.granters(sid)]


@dataclass(frozen=True)
class RoleRow:
    """One line of `skillstack roles`: a role, and how ready the learner is when a profile is given."""

    id: str
    name: str
    field: str
    level: str
    salary: float | None
    salary_source: str
    outlook: str
    readiness: float | None = None


def fields(catalog: Catalog) -> list[str]:
    """The fields (role domains) in the catalog, sorted."""
    return sorted({r.domain for r in catalog.roles if r.domain})


def resolve_field(catalog: Catalog, text: str) -> tuple[str, str]:
    """A field as the catalog spells it, and a warning to show when it was read fuzzily;
    InputError listing the fields when nothing is close."""
    known = {normalize(f): f for f in fields(catalog)}
    if normalize(text) in known:
        return known[normalize(text)], ""
    close = rank(text, list(known), limit=3)
    if accepted(close):
        return known[close[0][0]], f"field {text!r} read as {known[close[0][0]]!r}"
    hint = f"closest: {', '.join(known[t] for t, _ in close)}" if close else f"fields: {', '.join(known.values())}"
    raise InputError(f"no field {text!r} in the catalog; {hint}")


def roles(catalog: Catalog, field: str | None = None, profile: Profile | None = None,
          on: date | None = None) -> list[RoleRow]:
    """Every role (of one field, written as in the catalog or nearly), by name; with a
    profile, each role's readiness, most ready first.

    >>> {r.field for r in roles(catalog, "Security")}
    {'security'}
    """
    chosen = list(catalog.roles)
    if field is not None:
        key = normalize(resolve_field(catalog, field)[0])
        chosen = [r for r in chosen if normalize(r.domain) == key]
    state = None
    if profile is not None:
        from skillstack.audit import audit_role
        from skillstack.holdings import learner_state

        state = learner_state(catalog, profile, on or date.today())
    out = []
    for role in chosen:
        ready = audit_role(catalog, role, state, profile.in_progress).readiness if state and profile else None
        out.append(RoleRow(role.id, role.name, role.domain, role.level,
                           role.salary.median if role.salary else None,
                           role.salary.source if role.salary else "", role.outlook, ready))
    out.sort(key=lambda r: (-(r.readiness or 0.0), r.field, r.name, r.id))
    return out
