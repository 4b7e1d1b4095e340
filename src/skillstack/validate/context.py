"""What every rule gets: the raw files, the resolved catalog, the graph, today."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from skillstack.catalog import Catalog, Index
from skillstack.graph import Dependents, SkillGraph, dependents, reachable
from skillstack.loader import RawCatalog
from skillstack.model import Credential, Requirement, SourceRef
from skillstack.textmatch import suggest_ids


@dataclass
class RuleContext:
    raw: RawCatalog
    catalog: Catalog
    today: date = field(default_factory=date.today)
    enabled: frozenset[str] = frozenset()  # opt-in rules switched on (validate --enable)

    @cached_property
    def graph(self) -> SkillGraph:
        return SkillGraph(self.catalog)

    @cached_property
    def dependents(self) -> Dependents:
        """The edges out of credentials in the graph, as dicts (validate builds no networkx graph
        unless a rule needs one: a cycle's path)."""
        return dependents(self.catalog, skills=False)

    @cached_property
    def reachable(self) -> tuple[set[str], dict[str, int]]:
        """Credentials and skill levels reachable from scratch (any experience)."""
        got, state = reachable(self.catalog)
        return got, {k: int(v) for k, v in state.skills.items()}

    @cached_property
    def skill_ids(self) -> frozenset[str]:
        """The ids of the catalog's skills, as a set (rules test millions of references)."""
        return frozenset(skill.id for skill in self.catalog.skills)

    @cached_property
    def credential_ids(self) -> frozenset[str]:
        return frozenset(cred.id for cred in self.catalog.credentials)

    @cached_property
    def best_grants(self) -> dict[str, int]:
        """Every skill id credentials grant (known or not) -> the highest level granted, for the
        rules about grants (unknown-reference, ungranted-skill): the levels reached from scratch
        when every credential is reachable, else one walk over every grant."""
        got, levels = self.reachable
        if len(got) == len(self.catalog.credentials):
            return levels  # every credential is reachable (most catalogs): what they grant, at its highest
        best: dict[str, int] = {}
        for cred in self.catalog.credentials:
            for grant in cred.grants:
                if grant.level > best.get(grant.skill, 0):
                    best[grant.skill] = int(grant.level)
        return best

    def requirement_lists(self) -> Iterator[tuple[Credential, str, tuple[Requirement, ...]]]:
        """(credential, 'requires' | 'recommends' | 'awarded_for', requirements) for every credential
        that has them (most credentials have none: nothing is yielded for an empty list)."""
        for cred in self.catalog.credentials:
            if cred.requires:
                yield cred, "requires", cred.requires
            if cred.recommends:
                yield cred, "recommends", cred.recommends
            if cred.awarded_for is not None:
                yield cred, "awarded_for", (cred.awarded_for,)


def where_of(obj_where: SourceRef | None, fallback: SourceRef) -> SourceRef:
    return obj_where if obj_where is not None else fallback


def suggestions(index: Index[Any], ident: str, limit: int = 2) -> list[str]:
    """Ids close enough to `ident` to be what was meant, best first."""
    return suggest_ids(ident, index.names, limit) if len(index) else []
