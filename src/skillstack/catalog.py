"""The resolved catalog: objects indexed by id, and names resolved to ids.

`build_catalog` keeps the first definition of a duplicated id (the validator
reports the rest). Name resolution follows SPEC section 2: exact id, then name
or alias (case-insensitive), then a fuzzy match above a threshold, reported as
a warning; below it, an error that lists the closest matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from skillstack.errors import InputError
from skillstack.loader import RawCatalog
from skillstack.model import CatalogInfo, Credential, CredentialId, Role, RoleId, Skill, SkillId

FUZZY_THRESHOLD = 85.0

T = TypeVar("T", Skill, Credential, Role)


def normalize(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


@dataclass(frozen=True)
class Resolved:
    id: str
    warning: str = ""


class Index(Generic[T]):
    """Objects of one kind by id, with a name/alias index for people's spellings."""

    def __init__(self, kind: str, objects: Iterable[T]) -> None:
        self.kind = kind
        self.by_id: dict[str, T] = {}
        for obj in objects:
            self.by_id.setdefault(obj.id, obj)
        self._names: dict[str, str] | None = None

    def __contains__(self, key: object) -> bool:
        return key in self.by_id

    def __getitem__(self, key: str) -> T:
        return self.by_id[key]

    def __len__(self) -> int:
        return len(self.by_id)

    def __iter__(self) -> Iterator[T]:
        return iter(self.by_id.values())

    def get(self, key: str) -> T | None:
        return self.by_id.get(key)

    @property
    def names(self) -> dict[str, str]:
        """Normalised id, name and alias -> id."""
        if self._names is None:
            names: dict[str, str] = {}
            for obj in self.by_id.values():
                item: Any = obj
                for text in (item.id, item.name, *getattr(item, "aliases", ())):
                    names.setdefault(normalize(text), item.id)
            self._names = names
        return self._names

    def closest(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """The ids whose id, name or alias are nearest to `text`, best first."""
        from rapidfuzz import fuzz, process, utils

        matches = process.extract(normalize(text), list(self.names), scorer=fuzz.WRatio,
                                  processor=utils.default_process, limit=limit * 4)
        out: list[tuple[str, float]] = []
        for name, score, _ in matches:
            ident = self.names[name]
            if ident not in (i for i, _ in out):
                out.append((ident, score))
        return out[:limit]

    def resolve(self, text: str) -> Resolved:
        """An id for what a person wrote, or InputError listing the closest ids."""
        if text in self.by_id:
            return Resolved(text)
        key = normalize(text)
        if key in self.names:
            return Resolved(self.names[key])
        close = self.closest(text) if self.by_id else []
        if close and close[0][1] >= FUZZY_THRESHOLD and (len(close) == 1 or close[1][1] < close[0][1]):
            ident = close[0][0]
            return Resolved(ident, f"{text!r} read as {self.by_id[ident].name!r} ({ident})")
        hint = ", ".join(i for i, _ in close) or "none"
        raise InputError(f"unknown {self.kind} {text!r}; closest: {hint}")


@dataclass
class Catalog:
    skills: Index[Skill]
    credentials: Index[Credential]
    roles: Index[Role]
    info: CatalogInfo = field(default_factory=CatalogInfo)
    files: list[str] = field(default_factory=list)

    def index(self, kind: str) -> Index[Any]:
        """The index of one kind: "skill", "credential" or "role"."""
        indexes: dict[str, Index[Any]] = {"skill": self.skills, "credential": self.credentials, "role": self.roles}
        return indexes[kind]

    def granters(self, skill: str, level: int = 1) -> list[CredentialId]:
        """Credentials that grant `skill` at `level` or above, by id."""
        index = self.__dict__.get("_granters")
        if index is None:
            index = {}
            for cred in self.credentials:
                for grant in cred.grants:
                    index.setdefault(grant.skill, []).append((int(grant.level), cred.id))
            self.__dict__["_granters"] = index
        return sorted({cid for lv, cid in index.get(skill, ()) if lv >= level})

    def stacks(self) -> list[Credential]:
        """Stacked credentials (earned automatically from their parts)."""
        found = self.__dict__.get("_stacks")
        if found is None:
            found = self.__dict__["_stacks"] = [c for c in self.credentials if c.is_stack]
        return found

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

    def issuers(self) -> dict[str, list[CredentialId]]:
        """Normalised issuer (and provider) name -> credential ids."""
        out: dict[str, list[CredentialId]] = {}
        for cred in self.credentials:
            for who in {cred.issuer, cred.provider} - {""}:
                out.setdefault(normalize(who), []).append(cred.id)
        return out


def build_catalog(raw: RawCatalog) -> Catalog:
    info = raw.info[0][0] if raw.info else CatalogInfo()
    return Catalog(Index("skill", raw.skills), Index("credential", raw.credentials), Index("role", raw.roles),
                   info, list(raw.files))


__all__ = ["Catalog", "Index", "Resolved", "RoleId", "SkillId", "build_catalog", "normalize"]
