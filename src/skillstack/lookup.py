"""Search and show: finding skills, credentials and roles by what people type."""

from __future__ import annotations

from dataclasses import dataclass

from skillstack.catalog import FUZZY_THRESHOLD, Catalog, normalize
from skillstack.errors import InputError
from skillstack.model import Credential, Role, Skill

KINDS = ("skill", "credential", "role")


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


def search(catalog: Catalog, text: str, kinds: tuple[str, ...] = KINDS, limit: int = 10) -> list[Hit]:
    """Best fuzzy matches for `text` across names, ids, aliases and issuers.

    >>> [h.id for h in search(catalog, "k8s", ("skill",))][:1]
    ['kubernetes']
    """
    from rapidfuzz import fuzz, process, utils

    texts = _texts(catalog, kinds)
    best: dict[tuple[str, str], Hit] = {}
    matches = process.extract(normalize(text), list(texts), scorer=fuzz.WRatio, processor=utils.default_process,
                              limit=limit * 8, score_cutoff=50)
    for matched, score, _ in matches:
        for kind, ident, name in texts[matched]:
            key = (kind, ident)
            if key not in best or best[key].score < score:
                best[key] = Hit(kind, ident, name, round(float(score), 1))
    return sorted(best.values(), key=lambda h: (-h.score, KINDS.index(h.kind), h.id))[:limit]


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
    hits = search(catalog, ident, limit=3)
    if hits and hits[0].score >= FUZZY_THRESHOLD and (len(hits) == 1 or hits[1].score < hits[0].score):
        best = hits[0]
        return catalog.index(best.kind)[best.id], f"{ident!r} read as {best.name!r} ({best.id})"
    hint = ", ".join(f"{h.id} ({h.kind})" for h in hits) or "none"
    raise InputError(f"nothing in the catalog is called {ident!r}; closest: {hint}")


def stacks_using(catalog: Catalog, cid: str) -> list[Credential]:
    """The stacks whose `awarded_for` names credential `cid`."""
    from skillstack.requirements import credentials_named

    return [c for c in catalog.stacks_using([cid]) if cid in credentials_named(c.needs)]


def roles_needing(catalog: Catalog, sid: str) -> list[Role]:
    return [r for r in catalog.roles if any(n.skill == sid for n in r.requires)]


def granting(catalog: Catalog, sid: str) -> list[Credential]:
    return [catalog.credentials[c] for c in catalog.granters(sid)]
