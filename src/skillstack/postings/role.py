"""A catalog role from one job posting or many (SPEC section 7 role format).

Given N postings for one job title, every requirement is counted by the postings
that ask for it. With more than one posting, a requirement is kept when at least
`min_share` of them (default 0.25, and never fewer than 2) ask for it. Its
importance is the most common importance among the postings that ask for it
(ties: the higher one), then capped by how often it recurs: asked by half or more
keeps it; by a quarter up to half, at most important; by less, optional. Its level
(or years) is the median of what the postings ask. One posting keeps everything it
asks for, as it asks.

A skill asked at a level no catalog credential grants is capped at the highest
level one grants, and the item's `source` says so; a skill no credential grants at
all is kept and named in `allow_warnings: [ungranted-skill]`, so the written role
passes `validate --strict` while the curator sees why.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from skillstack.catalog import Catalog
from skillstack.model import (
    AnyOf,
    CredentialId,
    CredentialReq,
    Education,
    EducationReq,
    Expectation,
    ExperienceReq,
    Level,
    Requirement,
    Role,
    RoleId,
    RoleSkill,
    SkillId,
    SourceRef,
)
from skillstack.postings import rules
from skillstack.postings.extract import PostingResult

DEFAULT_MIN_SHARE = 0.25


@dataclass(frozen=True)
class Count:
    """One requirement of the role and how many postings ask for it."""

    kind: str  # skill | credential | experience | education
    key: tuple[str, ...]  # skill id | credential ids | experience domain | education level
    label: str  # what people read: "SQL", "Security+ or CISSP", "3 years of networking"
    postings: int  # how many postings ask for it
    total: int
    importance: str
    level: float = 0.0  # skill level, years of experience
    field_of_study: str = ""
    note: str = ""
    sources: tuple[str, ...] = ()  # the postings that ask for it

    @property
    def share(self) -> str:
        return f"{self.label}: {self.postings} of {self.total} posting{'s' if self.total != 1 else ''}"


@dataclass(frozen=True)
class RoleDraft:
    role_id: str
    name: str
    total: int
    kept: tuple[Count, ...]
    dropped: tuple[Count, ...]  # asked by too few postings
    allow_warnings: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())


def _importance(values: list[str], asked: int, total: int) -> str:
    counts = Counter(values)
    best = max(counts, key=lambda v: (counts[v], rules.RANK[v]))
    if total > 1:
        share = asked / total
        cap = "essential" if share >= 0.5 else "important" if share >= 0.25 else "optional"
        if rules.RANK[cap] < rules.RANK[best]:
            best = cap
    return best


def build_role(catalog: Catalog, results: list[PostingResult], role_id: str, name: str = "",
               min_share: float = DEFAULT_MIN_SHARE) -> RoleDraft:
    """Count each requirement over the postings and keep what recurs; see the module docstring."""
    total = len(results)
    Key = tuple[str, tuple[str, ...]]
    seen: dict[Key, list[tuple[str, str, float, str]]] = {}
    labels: dict[tuple[str, tuple[str, ...]], str] = {}
    for result in results:
        asked: dict[tuple[str, tuple[str, ...]], tuple[str, str, float, str]] = {}

        def note(k: tuple[str, tuple[str, ...]], importance: str, value: float, extra: str = "",
                 src: str = result.source, into: dict[tuple[str, tuple[str, ...]], tuple[str, str, float, str]] = asked
                 ) -> None:
            old = into.get(k)
            if old is None or rules.RANK[importance] > rules.RANK[old[0]]:
                into[k] = (importance, src, value, extra)

        for s in result.skills:
            k: Key = ("skill", (s.skill,))
            labels[k] = catalog.skill_name(s.skill)
            note(k, s.importance, float(s.level))
        for c in result.credentials:
            ids = tuple(sorted(c.any_of))
            k = ("credential", ids)
            labels[k] = " or ".join(catalog.credential_name(i) for i in ids)
            note(k, c.importance, 0.0)
        for e in result.experience:
            k = ("experience", (e.domain,))
            labels[k] = f"experience in {e.domain}"
            note(k, e.importance, e.years)
        for ed in result.education:
            k = ("education", ("education",))
            labels[k] = "education"
            old = asked.get(k)
            level = float(rules.EDUCATION_LEVELS.index(ed.level))
            if old is None or level < old[2]:
                asked[k] = (ed.importance, result.source, level, ed.field)
        for k, v in asked.items():
            seen.setdefault(k, []).append(v)
    need = 1 if total == 1 else max(2, math.ceil(min_share * total - 1e-9))
    kept: list[Count] = []
    dropped: list[Count] = []
    allow: set[str] = set()
    for k, asks in seen.items():
        kind, key = k
        importance = _importance([a[0] for a in asks], len(asks), total)
        value = statistics.median_low(sorted(a[2] for a in asks))
        label, extra = labels[k], ""
        if kind == "skill":
            grants = [level for level, _ in catalog.granter_index.get(key[0], ())]  # the index, not every credential
            if grants and value > max(grants):
                extra = f"asked at level {int(value)}; no catalog credential grants above {max(grants)}"
                value = float(max(grants))
            elif not grants:
                allow.add("ungranted-skill")
                extra = "no catalog credential grants this skill"
        if kind == "experience":
            label = f"{value:g} year{'s' if value != 1 else ''} of {key[0]}"
        if kind == "education":
            level_name = rules.EDUCATION_LEVELS[int(value)]
            fields = Counter(a[3] for a in asks if a[3])
            extra = fields.most_common(1)[0][0] if fields else ""
            label = f"{level_name} degree" + (f" in {extra}" if extra else "")
            key = (level_name,)
        count = Count(kind, key, label, len(asks), total, importance, value,
                      extra if kind == "education" else "", extra if kind != "education" else "",
                      tuple(a[1] for a in asks))
        (kept if len(asks) >= need else dropped).append(count)
    order = {"skill": 0, "credential": 1, "experience": 2, "education": 3}
    kept.sort(key=lambda c: (order[c.kind], -c.postings, -rules.RANK[c.importance], c.label.lower()))
    dropped.sort(key=lambda c: (order[c.kind], -c.postings, c.label.lower()))
    title = name or _common_title(results) or role_id
    if not any(c.kind == "skill" for c in kept):
        allow.discard("ungranted-skill")
    return RoleDraft(role_id, title, total, tuple(kept), tuple(dropped), tuple(sorted(allow)),
                     tuple(r.source for r in results))


def _common_title(results: list[PostingResult]) -> str:
    titles = Counter(r.title.strip() for r in results if r.title.strip() and len(r.title) <= 80)
    return titles.most_common(1)[0][0] if titles else ""


def _requirement(count: Count) -> Requirement:
    if count.kind == "credential":
        items = tuple(CredentialReq(CredentialId(c)) for c in count.key)
        return items[0] if len(items) == 1 else AnyOf(items)
    if count.kind == "experience":
        return ExperienceReq(count.key[0], count.level)
    return EducationReq(Education.parse(count.key[0]), count.field_of_study)


def draft_role(draft: RoleDraft, where: str = "<postings>") -> Role:
    """The draft as a catalog Role, for planning and auditing against it directly."""
    ref = SourceRef(where)
    skills = tuple(RoleSkill(SkillId(c.key[0]), Level(int(c.level)), c.importance, ref, c.share)
                   for c in draft.kept if c.kind == "skill")
    expects = tuple(Expectation(_requirement(c), c.importance, c.share, ref) for c in draft.kept if c.kind != "skill")
    return Role(RoleId(draft.role_id), draft.name, ref, requires=skills, expects=expects,
                allow_warnings=draft.allow_warnings, last_reviewed=date.today())


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def role_yaml(draft: RoleDraft, today: date) -> str:
    """The draft as a catalog file with one role (SPEC section 7), comments saying where it came from."""
    lines = [(f"# Role read from {draft.total} job posting{'s' if draft.total != 1 else ''} by `skillstack posting` "
              f"on {today.isoformat()}."),
             "# Each item's `source` says how many postings asked for it; rerun `skillstack posting` on the",
             "# postings for the evidence (phrase and line) of every item.",
             *(f"#   {s}" for s in draft.sources[:50])]
    if draft.dropped:
        lines.append("# Asked by too few postings to keep: " + "; ".join(c.share for c in draft.dropped[:40]))
    lines += ["roles:", f"  - id: {draft.role_id}", f"    name: {_q(draft.name)}",
              f"    description: {_q(f'Read from {draft.total} job posting(s).')}",
              f"    last_reviewed: {today.isoformat()}"]
    if draft.allow_warnings:
        lines.append(f"    allow_warnings: [{', '.join(draft.allow_warnings)}]")
    lines.append("    requires:")
    if not draft.kept:
        lines[-1] = "    requires: []"
    for c in draft.kept:
        source = c.share + (f"; {c.note}" if c.note else "")
        if c.kind == "skill":
            lines.append(f"      - {{skill: {c.key[0]}, level: {int(c.level)}, importance: {c.importance}, "
                         f"source: {_q(source)}}}")
        elif c.kind == "credential":
            if len(c.key) == 1:
                lines.append(f"      - credential: {c.key[0]}")
            else:
                lines.append(f"      - any_of: [{', '.join('{credential: ' + k + '}' for k in c.key)}]")
            lines += [f"        importance: {c.importance}", f"        source: {_q(source)}"]
        elif c.kind == "experience":
            lines.append(f"      - {{experience: {c.key[0]}, years: {c.level:g}, importance: {c.importance}, "
                         f"source: {_q(source)}}}")
        else:
            field_part = f", field: {_q(c.field_of_study)}" if c.field_of_study else ""
            lines.append(f"      - {{education: {c.key[0]}{field_part}, importance: {c.importance}, "
                         f"source: {_q(source)}}}")
    return "\n".join(lines) + "\n"
