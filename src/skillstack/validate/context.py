"""What every rule gets: the raw files, the resolved catalog, the graph, today; and the indexes
the rules share, each built once (one walk over the credentials finds the few each rule looks at).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, KeysView
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from skillstack.catalog import Catalog, Index
from skillstack.graph import Dependents, SkillGraph, dependents_of, reachable, reachable_among
from skillstack.loader import RawCatalog
from skillstack.model import Credential, Requirement, Role, RoleSkill, Skill, SourceRef
from skillstack.requirements import Atom, Placed, walk_requirements
from skillstack.textmatch import normalize, suggest_ids

MAX_REVIEW_AGE = timedelta(days=365)  # stale-review: facts older than this are checked again


@dataclass
class CredentialWalk:
    """The credentials each kind of rule may report, found in one walk over every credential, in
    catalog order. Each list may hold more than its rule reports (the rule checks each again);
    it never leaves out one it would report. In a clean catalog most lists are short."""

    ids: list[str] = field(default_factory=list)  # every credential's, in order
    needy: list[Credential] = field(default_factory=list)  # requires, recommends or awarded_for
    stacks: list[Credential] = field(default_factory=list)  # awarded_for
    lifecycle: list[Credential] = field(default_factory=list)  # not active, a retires date, or superseded_by
    numbers: list[Credential] = field(default_factory=list)  # hours <= 0, a negative cost or validity, credit
    foreign: list[Credential] = field(default_factory=list)  # cost not in USD
    no_grants: list[Credential] = field(default_factory=list)
    no_sources: list[Credential] = field(default_factory=list)
    discounted: list[Credential] = field(default_factory=list)
    allowing: list[Credential] = field(default_factory=list)  # allow_warnings
    insecure: list[Credential] = field(default_factory=list)  # a url or a source's url not https
    review: list[Credential] = field(default_factory=list)  # last_reviewed missing or out of date, a dated source
    typed: list[Credential] = field(default_factory=list)  # a source with a kind


CREDENTIAL_LISTS = tuple(f.name for f in fields(CredentialWalk))


class _Unwalked(list[Credential]):
    """A list of `CredentialWalk` that the walk for the error rules alone leaves out: only rules
    that find warnings read it, and reading it is a mistake (tests run each error rule so)."""

    def __iter__(self) -> Iterator[Credential]:
        raise AssertionError("a list of the credential walk that only warnings read was read by an error rule")

    def __len__(self) -> int:
        raise AssertionError("a list of the credential walk that only warnings read was read by an error rule")


ERRORS_READ = ("ids", "needy", "stacks", "lifecycle", "numbers", "discounted", "allowing")
"""The lists of `CredentialWalk` the error rules read (`walk_credentials(errors_only=True)`)."""


def walk_credentials(credentials: list[Credential], today: date, errors_only: bool = False) -> CredentialWalk:
    """One walk: what each rule about credentials must look at (see `CredentialWalk`); with
    `errors_only`, only the lists in ERRORS_READ (no source, url or review date is looked at)."""
    if errors_only:
        unwalked: dict[str, Any] = {f: _Unwalked() for f in CREDENTIAL_LISTS if f not in ERRORS_READ}
        return _walk_for_errors(credentials, CredentialWalk(**unwalked))
    walk = _walk_for_errors(credentials, CredentialWalk())
    _walk_for_warnings(credentials, today, walk)
    return walk


def _walk_for_errors(credentials: list[Credential], walk: CredentialWalk) -> CredentialWalk:
    """Fill the lists of ERRORS_READ."""
    ids = walk.ids
    needy, stacks, lifecycle, numbers = walk.needy, walk.stacks, walk.lifecycle, walk.numbers
    discounted, allowing = walk.discounted, walk.allowing
    for cred in credentials:
        ids.append(cred.id)
        if cred.awarded_for is not None:
            needy.append(cred)
            stacks.append(cred)
        elif cred.requires or cred.recommends:
            needy.append(cred)
        if cred.status != "active" or cred.retires is not None or cred.superseded_by is not None:
            lifecycle.append(cred)
        cost = cred.cost
        if cred.hours <= 0 or cost.amount < 0 or (cred.validity_years or 0) < 0 or cred.credit:
            numbers.append(cred)
        if cred.discounts:
            discounted.append(cred)
        if cred.allow_warnings:
            allowing.append(cred)
    return walk


def _walk_for_warnings(credentials: list[Credential], today: date, walk: CredentialWalk) -> None:
    """Fill the lists that only rules finding warnings read (those not in ERRORS_READ)."""
    foreign, no_grants, no_sources = walk.foreign, walk.no_grants, walk.no_sources
    insecure, review, typed = walk.insecure, walk.review, walk.typed
    try:
        fresh = today - MAX_REVIEW_AGE  # reviewed on this day or later (and not after today): fresh
    except OverflowError:
        fresh = date.min
    https = "https://"
    for cred in credentials:
        if cred.cost.currency != "USD":
            foreign.append(cred)
        if not cred.grants:
            no_grants.append(cred)
        reviewed = cred.last_reviewed
        dated = reviewed is None or not fresh <= reviewed <= today
        url = cred.url
        unsafe = bool(url) and not url.startswith(https)
        kinds = False
        sources = cred.sources
        if not sources:
            no_sources.append(cred)
        for source in sources:
            if source.kind or source.reviewed or not source.url.startswith(https):
                kinds = kinds or bool(source.kind)
                dated = dated or bool(source.reviewed)
                unsafe = unsafe or not source.url.startswith(https)
        if dated:
            review.append(cred)
        if unsafe:
            insecure.append(cred)
        if kinds:
            typed.append(cred)


@dataclass
class SkillWalk:
    """What the rules about skills read, found in one walk over every skill."""

    ids: list[str] = field(default_factory=list)  # in catalog order
    names: list[str] = field(default_factory=list)  # each skill's name, normalised (`textmatch.normalize`)
    broader: dict[str, str] = field(default_factory=dict)  # skill -> its broader skill, for those that name one
    aliased: list[Skill] = field(default_factory=list)  # the skills with aliases


def walk_skills(skills: list[Skill]) -> SkillWalk:
    walk = SkillWalk()
    ids, names, broader, aliased = walk.ids, walk.names, walk.broader, walk.aliased
    for skill in skills:
        ids.append(skill.id)
        names.append(normalize(skill.name))
        if skill.broader:
            broader[skill.id] = skill.broader
        if skill.aliases:
            aliased.append(skill)
    return walk


@dataclass
class RuleContext:
    """`catalog` is `build_catalog(raw)`: the first definition of each id of `raw`.

    `errors_only`: only the rules that find errors run, for a command that goes on to plan with
    the catalog: they then ask the catalog's `granter_index` (which that command builds anyway)
    what they would otherwise find in `reachable` (a walk over every grant that only the
    warnings need)."""

    raw: RawCatalog
    catalog: Catalog
    today: date = field(default_factory=date.today)
    enabled: frozenset[str] = frozenset()  # opt-in rules switched on (validate --enable)
    errors_only: bool = False

    @cached_property
    def graph(self) -> SkillGraph:
        return SkillGraph(self.catalog)

    @cached_property
    def credentials(self) -> list[Credential]:
        """Every credential, in catalog order (one list for every rule that walks them all)."""
        return list(self.catalog.credentials)

    @cached_property
    def skills(self) -> list[Skill]:
        return list(self.catalog.skills)

    @cached_property
    def roles(self) -> list[Role]:
        return list(self.catalog.roles)

    @cached_property
    def walk(self) -> CredentialWalk:
        """The credentials each rule about credentials looks at, found in one walk."""
        return walk_credentials(self.credentials, self.today, self.errors_only)

    @cached_property
    def requirements(self) -> tuple[list[Placed[Atom]], list[Placed[Requirement]]]:
        """Every leaf and every group of the credentials' requires, recommends and awarded_for, with
        the credential and the field (`requirements.walk_requirements`), walked once."""
        return walk_requirements(self.walk.needy)

    @cached_property
    def dependents(self) -> Dependents:
        """The edges out of credentials in the graph, as dicts (validate builds no networkx graph
        unless a rule needs one: a cycle's path)."""
        return dependents_of(self.requirements[0])

    @cached_property
    def reachable(self) -> tuple[set[str], dict[str, int]]:
        """Credentials and skill levels reachable from scratch (any experience)."""
        got, state = reachable(self.catalog)
        return got, {k: int(v) for k, v in state.skills.items()}

    def reachable_of(self, ids: Iterable[str]) -> set[str]:
        """Those of the credential ids `ids` reachable from scratch: from `reachable` unless only
        the error rules run and it is not at hand (then by walking back from them)."""
        if self.errors_only and "reachable" not in self.__dict__:
            return reachable_among(self.catalog, ids)
        got = self.reachable[0]
        return {i for i in ids if i in got}

    @cached_property
    def granted(self) -> KeysView[str]:
        """Every skill id credentials grant (known or not), for unknown-reference."""
        if self.errors_only and "reachable" not in self.__dict__:
            return self.catalog.granter_index.keys()
        return self.best_grants.keys()

    @cached_property
    def short_needs(self) -> list[tuple[Role, list[RoleSkill]]]:
        """Per role (in order), the skills it requires above the level reachable from scratch, in
        the role's order: all unreachable and ungranted-skill look at (a skill granted at a level
        by some credential is reached at it when every credential is reachable)."""
        return self._role_needs[0]

    @cached_property
    def unknown_needs(self) -> list[tuple[Role, RoleSkill]]:
        """The skills roles require that the catalog does not define, in order."""
        if self.errors_only and "_role_needs" not in self.__dict__:  # no levels reached to compare with
            known = self.skill_ids
            return [(role, need) for role in self.roles for need in role.requires if need.skill not in known]
        return self._role_needs[1]

    @cached_property
    def _role_needs(self) -> tuple[list[tuple[Role, list[RoleSkill]]], list[tuple[Role, RoleSkill]]]:
        """`short_needs` and `unknown_needs`, in one walk over what roles require."""
        level = self.reachable[1].get
        known = self.skill_ids
        short_needs: list[tuple[Role, list[RoleSkill]]] = []
        unknown: list[tuple[Role, RoleSkill]] = []
        for role in self.roles:
            short = []
            for need in role.requires:
                if level(need.skill, 0) < need.level:
                    short.append(need)
                if need.skill not in known:
                    unknown.append((role, need))
            if short:
                short_needs.append((role, short))
        return short_needs, unknown

    @cached_property
    def skill_walk(self) -> SkillWalk:
        """What the rules about skills read, found in one walk over them."""
        return walk_skills(self.skills)

    @cached_property
    def skill_ids(self) -> frozenset[str]:
        """The ids of the catalog's skills, as a set (rules test millions of references)."""
        return frozenset(self.skill_walk.ids)

    @cached_property
    def credential_ids(self) -> frozenset[str]:
        return frozenset(self.walk.ids)

    def defined_twice(self, kind: str) -> bool:
        """Whether some id of `kind` ('skill', 'credential', 'role') is defined more than once in
        the raw files (the catalog keeps one object per id)."""
        if kind == "skill":
            return len(self.raw.skills) != len(self.catalog.skills)
        if kind == "credential":
            return len(self.raw.credentials) != len(self.catalog.credentials)
        return len(self.raw.roles) != len(self.catalog.roles)

    @cached_property
    def best_grants(self) -> dict[str, int]:
        """Every skill id credentials grant (known or not) -> the highest level granted, for the
        rules about grants (unknown-reference, ungranted-skill): the levels reached from scratch
        when every credential is reachable, else one walk over every grant."""
        got, levels = self.reachable
        if len(got) == len(self.credentials):
            return levels  # every credential is reachable (most catalogs): what they grant, at its highest
        best: dict[str, int] = {}
        for cred in self.credentials:
            for grant in cred.grants:
                if grant.level > best.get(grant.skill, 0):
                    best[grant.skill] = int(grant.level)
        return best


def where_of(obj_where: SourceRef | None, fallback: SourceRef) -> SourceRef:
    return obj_where if obj_where is not None else fallback


def suggestions(index: Index[Any], ident: str, limit: int = 2) -> list[str]:
    """Ids close enough to `ident` to be what was meant, best first."""
    return suggest_ids(ident, index.names, limit) if len(index) else []
