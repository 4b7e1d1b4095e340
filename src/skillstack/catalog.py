"""The resolved catalog: objects indexed by id, and names resolved to ids.

`build_catalog` keeps the first definition of a duplicated id (the validator
reports the rest). Name resolution follows SPEC section 2: exact id, then name
or alias (case-insensitive), then a fuzzy match above a threshold, reported as
a warning; below it, an error that lists the closest matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import Generic, Literal, Protocol, TypeVar, overload

from skillstack.errors import InputError
from skillstack.loader import RawCatalog
from skillstack.model import CatalogInfo, Credential, CredentialId, Role, RoleId, Skill, SkillId
from skillstack.requirements import credentials_named, needs_credential
from skillstack.textmatch import ACCEPT as FUZZY_THRESHOLD
from skillstack.textmatch import SUGGEST, accepted, normalize, rank

T = TypeVar("T", Skill, Credential, Role)
T_co = TypeVar("T_co", covariant=True)
Record = tuple[str, str, tuple[str, ...], str, str]
Grants = tuple[tuple[int, CredentialId], ...]
"""The (level, credential id) grants of one skill."""
Texts = dict[str, list[tuple[str, str]]]
"""Normalised id, name, alias or issuer -> [(id, name)] of the objects of one kind."""


@dataclass(frozen=True)
class Stacks:
    """The stacked credentials: `every` one; `by_part`: credential -> the stacks naming it;
    `loose`: the stacks that can be earned without holding any credential."""

    every: list[CredentialId]
    by_part: Mapping[str, list[CredentialId]]
    loose: list[CredentialId]

# what to type to find things of each kind, for error messages
HOW_TO_FIND = {
    "role": "`skillstack roles` lists them all; `skillstack search TEXT --kind role` searches",
    "skill": "`skillstack search TEXT --kind skill` finds skills by name, alias or id",
    "credential": "`skillstack search TEXT --kind credential` finds credentials by name, issuer or id",
}


_ALSO_CALLED = re.compile(r"^(.+?)\s*\(([^()]+)\)$")


def name_parts(name: str) -> tuple[str, ...]:
    """A name's two halves when it ends in another name in brackets, searched on their own:
    'Information Security Analyst (Cybersecurity Analyst)' is found as 'Cybersecurity Analyst'."""
    found = _ALSO_CALLED.match(name)
    return found.groups() if found else ()

@dataclass(frozen=True)
class Resolved:
    id: str
    warning: str = ""


def _record(obj: Skill | Credential | Role) -> Record:
    return (obj.id, obj.name, tuple(getattr(obj, "aliases", ())), getattr(obj, "issuer", ""),
            getattr(obj, "provider", ""))


Values = tuple[object, ...]
"""Some fields' values of one object (`Index.each_values`), in the order asked for."""


class Objects(Protocol[T_co]):
    """Objects of one kind by id, kept out of memory until asked for: what an `Index` is built
    over when a store (the cache, `cache.py`) holds the catalog. How it keeps them is its own."""

    def __getitem__(self, ident: str, /) -> T_co:
        """The object `ident` (KeyError if there is none), read on each call."""
        ...

    def __contains__(self, ident: object, /) -> bool: ...

    def __iter__(self) -> Iterator[str]:
        """The ids, in catalog order."""
        ...

    def __len__(self) -> int: ...

    def each(self, skip: Container[str], /) -> Iterator[tuple[str, T_co | None]]:
        """(id, object) of every object, in catalog order, read in one pass and not kept; None
        for the ids in `skip` (not read)."""
        ...

    def each_values(self, fields: tuple[str, ...], skip: Container[str], /) -> Iterator[tuple[str, Values | None]]:
        """(id, the values of the fields `fields` in that order) of every object, like `each`, only
        those fields read; None for the ids in `skip` (not read)."""
        ...

    def records(self) -> list[Record]:
        """(id, name, aliases, issuer, provider) of every object, without reading them all."""
        ...


class Store(Protocol):
    """A catalog kept out of memory (the cache is one): `Catalog.from_store` builds a catalog
    that asks it for objects when they are used and for the derived indexes it keeps."""

    info: CatalogInfo
    files: list[str]

    @overload
    def objects(self, kind: Literal["skill"]) -> Objects[Skill]: ...
    @overload
    def objects(self, kind: Literal["credential"]) -> Objects[Credential]: ...
    @overload
    def objects(self, kind: Literal["role"]) -> Objects[Role]: ...
    def objects(self, kind: str) -> Objects[Skill] | Objects[Credential] | Objects[Role]:
        """The objects of one kind: "skill", "credential" or "role"."""
        ...

    def granters(self) -> Mapping[str, Grants] | None:
        """`Catalog.granter_index` as the store keeps it, or None (the catalog builds it)."""
        ...

    def stacks(self) -> Stacks | None:
        """`Catalog.stack_index` as the store keeps it, or None (the catalog builds it)."""
        ...

    def derived(self, name: str, build: Callable[[], Iterable[tuple[str, object]]]) -> Mapping[str, object] | None:
        """A table derived from the catalog for another module, kept by the store: `build`'s (key,
        plain value) pairs, built on first use; None when the store keeps none."""
        ...


class Index(Generic[T]):
    """Objects of one kind by id, with a name/alias index for people's spellings.

    Built from the objects, or `over` a store's `Objects`: then an object is read on first use
    and kept, so a command that needs a few hundred of 50,000 credentials reads only those.
    """

    def __init__(self, kind: str, objects: Iterable[T] = ()) -> None:
        self.kind = kind
        self._objects: dict[str, T] = {}
        for obj in objects:
            self._objects.setdefault(obj.id, obj)
        self._stored: Objects[T] | None = None
        self._added: list[str] = []  # over a store: ids of objects added in memory (`plus`), after the stored
        self._names: dict[str, str] | None = None
        self._records: list[Record] | None = None

    @classmethod
    def over(cls, kind: str, objects: Objects[T]) -> Index[T]:
        """An index whose objects are read from `objects` when first used."""
        index = cls(kind)
        index._stored = objects
        return index

    def plus(self, obj: T) -> Index[T]:
        """This index and `obj` (a new id) after its objects; over a store, nothing is read."""
        if self._stored is None:
            return Index(self.kind, [*self, obj])
        index = Index.over(self.kind, self._stored)
        index._objects = {**self._objects, obj.id: obj}
        index._added = [*self._added, obj.id]
        return index

    def __contains__(self, key: object) -> bool:
        return key in self._objects or (self._stored is not None and key in self._stored)

    def __getitem__(self, key: str) -> T:
        obj = self._objects.get(key)
        if obj is None:
            if self._stored is None:
                raise KeyError(key)
            obj = self._objects[key] = self._stored[key]
        return obj

    def __len__(self) -> int:
        return len(self._objects) if self._stored is None else len(self._stored) + len(self._added)

    def __iter__(self) -> Iterator[T]:
        if self._stored is None:  # built from objects: all of them at hand (validate walks them often)
            return iter(list(self._objects.values()))
        return (self[key] for key in list(self._stored) + self._added)

    def each(self) -> Iterator[T]:
        """Every object, in order, like iterating, but over a store those not yet in memory are
        read and not kept: one pass over a large catalog without holding all of it."""
        if self._stored is None:
            return iter(list(self._objects.values()))
        objects = self._objects
        return chain((objects[key] if obj is None else obj for key, obj in self._stored.each(objects)),
                     [objects[key] for key in self._added])

    def each_values(self, *fields: str) -> Iterator[Values]:
        """The values of the fields `fields` (in that order) of every object, in order, like `each`;
        over a store only those fields are read from an object not yet in memory (reading five
        fields of 50,000 credentials costs a fraction of reading the credentials)."""
        def values(obj: T) -> Values:
            return tuple(getattr(obj, name) for name in fields)

        if self._stored is None:
            return map(values, list(self._objects.values()))
        objects = self._objects
        return chain((values(objects[key]) if got is None else got
                      for key, got in self._stored.each_values(fields, objects)),
                     map(values, [objects[key] for key in self._added]))

    @property
    def decoded(self) -> list[str]:
        """The ids of the objects in memory: every one when built from objects; over a store's
        objects, those read so far."""
        return list(self._objects)

    def get(self, key: str) -> T | None:
        if key not in self:
            return None
        return self[key]

    def records(self) -> list[Record]:
        """(id, name, aliases, issuer, provider) of every object: what names are looked up by."""
        if self._records is None:
            stored = self._stored
            if stored is None:
                self._records = [_record(o) for o in self]
            else:
                self._records = stored.records() + [_record(self._objects[i]) for i in self._added]
        return self._records

    @property
    def names(self) -> dict[str, str]:
        """Normalised id, name and alias -> id."""
        if self._names is None:
            names: dict[str, str] = {}
            for record in self.records():
                for text in (record[0], record[1], *record[2]):  # type: ignore[has-type]
                    names.setdefault(normalize(text), record[0])
            self._names = names
        return self._names

    def closest(self, text: str, limit: int = 3, cutoff: float = SUGGEST) -> list[tuple[str, float]]:
        """The ids whose id, name or alias best answer `text` (at `cutoff` or above), best first."""
        names = self.names
        out: dict[str, float] = {}
        for name, score in rank(text, list(names), limit=limit * 4, cutoff=cutoff):
            out.setdefault(names[name], score)
        return list(out.items())[:limit]

    def resolve(self, text: str) -> Resolved:
        """An id for what a person wrote, or InputError naming the closest ids and how to search."""
        if text in self:
            return Resolved(text)
        key = normalize(text)
        if key in self.names:
            return Resolved(self.names[key])
        close = self.closest(text) if len(self) else []
        if accepted(close):
            ident = close[0][0]
            return Resolved(ident, f"{text!r} read as {self[ident].name!r} ({ident})")
        hint = f"closest: {', '.join(i for i, _ in close)}" if close else "nothing like it in the catalog"
        raise InputError(f"unknown {self.kind} {text!r}; {hint}; {HOW_TO_FIND.get(self.kind, '')}".rstrip("; "))


@dataclass
class Catalog:
    skills: Index[Skill]
    credentials: Index[Credential]
    roles: Index[Role]
    info: CatalogInfo = field(default_factory=CatalogInfo)
    files: list[str] = field(default_factory=list)
    _store: Store | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def from_store(cls, store: Store) -> Catalog:
        """A catalog that reads its objects, and the derived indexes the store keeps, from `store`."""
        catalog = cls(Index.over("skill", store.objects("skill")),
                      Index.over("credential", store.objects("credential")),
                      Index.over("role", store.objects("role")), store.info, list(store.files))
        catalog._store = store
        return catalog

    def with_role(self, role: Role) -> Catalog:
        """This catalog and one more role (a new id): objects, store and derived indexes shared, so
        over a store nothing more is read."""
        catalog = Catalog(self.skills, self.credentials, self.roles.plus(role), self.info, list(self.files))
        catalog._store = self._store
        return catalog

    def derived(self, name: str, build: Callable[[], Iterable[tuple[str, object]]]) -> Mapping[str, object] | None:
        """A table derived from the catalog (key -> plain value; `name` says what it is and of which
        version), as its store keeps it: built by `build` the first time and kept, so a command reads
        only the keys it looks up. None without a store that keeps one: the caller builds in memory."""
        return self._store.derived(name, build) if self._store is not None else None

    def index(self, kind: str) -> Index[Skill] | Index[Credential] | Index[Role]:
        """The index of one kind: "skill", "credential" or "role"."""
        indexes: dict[str, Index[Skill] | Index[Credential] | Index[Role]] = {"skill": self.skills, "credential": self.credentials, "role": self.roles}
        return indexes[kind]

    def granters(self, skill: str, level: int = 1) -> list[CredentialId]:
        """Credentials that grant `skill` at `level` or above, by id."""
        grants = self.granter_index.get(skill, ())
        return sorted({cid for granted, cid in grants if granted >= level})

    def stacks(self) -> list[Credential]:
        """Stacked credentials (earned automatically from their parts)."""
        return [self.credentials[c] for c in self.stack_index.every]

    def stacks_using(self, ids: Iterable[str]) -> list[Credential]:
        """The stacks that holding the credentials `ids` (and anything else but other credentials)
        can complete: those whose `awarded_for` names one of them, or can hold without credentials."""
        index = self.stack_index
        found = dict.fromkeys(index.loose)
        for ident in ids:
            found.update(dict.fromkeys(index.by_part.get(ident, ())))
        return [self.credentials[c] for c in found]

    def issuers(self) -> dict[str, list[CredentialId]]:
        """Normalised issuer (and provider) name -> credential ids."""
        return self._issuer_index

    def texts(self, kind: str) -> Texts:
        """Normalised id, name, alias and issuer -> [(id, name)] of one kind, for searching."""
        return self._text_index[kind]

    # ---- indexes derived from the catalog, built once (or taken from its store) ----

    @cached_property
    def granter_index(self) -> Mapping[str, Grants]:
        """Skill -> (level, credential id) of every credential that grants it."""
        kept = self._store.granters() if self._store is not None else None
        if kept is not None:
            return kept
        index: dict[str, list[tuple[int, CredentialId]]] = {}
        for cred in self.credentials:
            for grant in cred.grants:
                index.setdefault(grant.skill, []).append((int(grant.level), cred.id))
        return {skill: tuple(grants) for skill, grants in index.items()}

    @cached_property
    def stack_index(self) -> Stacks:
        """The stacked credentials (see `Stacks`)."""
        kept = self._store.stacks() if self._store is not None else None
        if kept is not None:
            return kept
        every: list[CredentialId] = []
        loose: list[CredentialId] = []
        by_part: dict[str, list[CredentialId]] = {}
        for cred in self.credentials:
            if cred.awarded_for is None:
                continue
            every.append(cred.id)
            parts = credentials_named(cred.needs)
            for part in sorted(parts):
                by_part.setdefault(part, []).append(cred.id)
            if not needs_credential(cred.awarded_for):
                loose.append(cred.id)
        return Stacks(every, by_part, loose)

    @cached_property
    def _issuer_index(self) -> dict[str, list[CredentialId]]:
        out: dict[str, list[CredentialId]] = {}
        for ident, _, _, issuer, provider in self.credentials.records():
            for who in {issuer, provider} - {""}:
                out.setdefault(normalize(who), []).append(CredentialId(ident))
        return out

    @cached_property
    def _text_index(self) -> dict[str, Texts]:
        out: dict[str, Texts] = {}
        for kind in ("skill", "credential", "role"):
            texts: Texts = {}
            out[kind] = texts
            for ident, name, aliases, issuer, _ in self.index(kind).records():
                for text in dict.fromkeys((ident, name, *name_parts(name), *aliases, issuer)):
                    if text:
                        texts.setdefault(normalize(text), []).append((ident, name))
        return out

    def display_name(self, ident: str) -> str:
        """The name of a credential or skill id, for sentences."""
        obj = self.credentials.get(ident) or self.skills.get(ident)
        return obj.name if obj else ident

    def skill_name(self, sid: str) -> str:
        skill = self.skills.get(sid)
        return skill.name if skill else sid

    def credential_name(self, cid: str) -> str:
        cred = self.credentials.get(cid)
        return cred.name if cred else cid


def build_catalog(raw: RawCatalog) -> Catalog:
    info = raw.info[0][0] if raw.info else CatalogInfo()
    return Catalog(Index("skill", raw.skills), Index("credential", raw.credentials), Index("role", raw.roles),
                   info, list(raw.files))


__all__ = ["FUZZY_THRESHOLD", "HOW_TO_FIND", "Catalog", "Grants", "Index", "Objects", "Record", "Resolved",
           "RoleId", "SkillId", "Store", "build_catalog", "name_parts", "normalize"]
