"""Shared hypothesis strategies and helpers for the planner's property tests and CLI tests.

Small random planning problems (`problems()`), the credentials and requirements
they are made of, and `as_catalog` to plan one through the whole service;
`entry_point()`, the installed `skillstack` script every subprocess test runs. Test
modules import this module by name (`tests/` is on pytest's `pythonpath`), never
each other, so the suite collects under any `--import-mode`.
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

from hypothesis import strategies as st

from skillstack.catalog import Catalog, Index
from skillstack.model import (
    IMPORTANCE_WEIGHTS,
    AllOf,
    AnyOf,
    Constraints,
    Cost,
    Credential,
    CredentialId,
    CredentialReq,
    Education,
    EducationHeld,
    EducationReq,
    Expectation,
    ExperienceReq,
    Grant,
    HeldCredential,
    Level,
    NOf,
    Profile,
    Requirement,
    Role,
    RoleId,
    RoleSkill,
    Skill,
    SkillId,
    SkillReq,
    SourceRef,
)
from skillstack.plan.problem import Expected, GapItem, PlanProblem, PlanSolution

WHERE = SourceRef("test.yaml", 1, 1)
DOMAINS = ("it", "data")


def draw_int(draw: st.DrawFn, low: int, high: int) -> int:
    return draw(st.integers(low, high))


def atom(draw: st.DrawFn, skills: list[str], creds: list[str]) -> Requirement:
    kind = draw(st.sampled_from(("skill", "skill", "skill", "credential", "credential", "experience", "education")))
    if kind == "education":
        return EducationReq(Education(draw_int(draw, 1, 4)), draw(st.sampled_from(("", "", "business"))))
    if kind == "skill":
        return SkillReq(SkillId(draw(st.sampled_from(skills))), Level(draw_int(draw, 1, 2)))
    if kind == "credential":
        return CredentialReq(CredentialId(draw(st.sampled_from(creds))))
    return ExperienceReq(draw(st.sampled_from(DOMAINS)), float(draw_int(draw, 1, 4)))


def requirement(draw: st.DrawFn, skills: list[str], creds: list[str], depth: int = 0) -> Requirement:
    shape = draw(st.sampled_from(("atom",) * (3 + 3 * depth) + ("any", "n", "all")))
    if shape == "atom" or depth >= 2:
        return atom(draw, skills, creds)
    items = tuple(requirement(draw, skills, creds, depth + 1) for _ in range(draw_int(draw, 2, 3)))
    if shape == "any":
        return AnyOf(items)
    if shape == "all":
        return AllOf(items)
    return NOf(draw_int(draw, 1, len(items)), items)


def grants(draw: st.DrawFn, skills: list[str], most: int, lowest: int = 1) -> tuple[Grant, ...]:
    chosen = draw(st.lists(st.sampled_from(skills), min_size=1, max_size=most, unique=True))
    return tuple(Grant(SkillId(s), Level(draw_int(draw, lowest, 3))) for s in chosen)


def credential(cid: str, grants: tuple[Grant, ...], kind: str = "course", **kw: object) -> Credential:
    return Credential(id=CredentialId(cid), name=cid, issuer="Test", kind=kind, where=WHERE, grants=grants, **kw)  # type: ignore[arg-type]


@st.composite
def problems(draw: st.DrawFn) -> PlanProblem:
    skills = [f"s{i}" for i in range(draw_int(draw, 3, 6))]
    ids = [f"c{i}" for i in range(draw_int(draw, 4, 7))]
    stack_ids = [f"k{i}" for i in range(draw(st.sampled_from((0, 1, 1, 2))))]
    refs = [*ids, *stack_ids, "outside"]
    candidates = tuple(
        credential(
            cid,
            grants(draw, skills, 3),
            cost=Cost(float(draw(st.sampled_from((0, 10, 20, 30, 50, 80))))),
            hours=float(draw(st.sampled_from((0, 5, 10, 20, 40)))),
            requires=tuple(
                requirement(draw, skills, [r for r in refs if r != cid])
                for _ in range(draw(st.sampled_from((0, 0, 1, 1, 2))))
            ),
            recommends=tuple(
                requirement(draw, skills, [r for r in refs if r != cid])
                for _ in range(draw(st.sampled_from((0, 0, 0, 1))))
            ),
            level=draw(st.sampled_from(("", "beginner", "intermediate", "advanced"))),
        )
        for cid in ids
    )
    stacks = tuple(stack(draw, sid, ids, stack_ids, skills) for sid in stack_ids)
    held = frozenset(CredentialId(c) for c in draw(st.lists(st.sampled_from(refs), max_size=2, unique=True)))
    start: dict[SkillId, Level] = {}
    for s in draw(st.lists(st.sampled_from(skills), max_size=2, unique=True)):
        start[SkillId(s)] = Level(draw_int(draw, 1, 3))
    for cred in (*candidates, *stacks):
        if cred.id in held:
            for g in cred.grants:
                start[g.skill] = max(start.get(g.skill, g.level), g.level)
    offered = sorted({(g.skill, int(g.level)) for c in (*candidates, *stacks) for g in c.grants})
    anything = st.tuples(st.sampled_from(skills).map(SkillId), st.integers(1, 3))
    wanted = st.one_of(st.sampled_from(offered), st.sampled_from(offered), st.sampled_from(offered), anything)
    pairs = draw(st.lists(wanted, min_size=2, max_size=4, unique_by=lambda pair: pair[0]))
    importance = st.sampled_from(tuple(IMPORTANCE_WEIGHTS))
    gap = tuple(GapItem(skill, Level(level), draw(importance)) for skill, level in pairs)
    named: list[Requirement] = [CredentialReq(CredentialId(c)) for c in refs]
    named += [AnyOf((CredentialReq(CredentialId(a)), CredentialReq(CredentialId(b)))) for a, b in pairwise(ids)]
    expected = tuple(Expected(draw(st.sampled_from(named)), draw(importance))
                     for _ in range(draw(st.sampled_from((0, 0, 1, 2)))))
    schooling = (None, EducationHeld(Education.HIGH_SCHOOL), EducationHeld(Education.MASTER, "business"))
    education = draw(st.sampled_from(schooling))
    return PlanProblem(
        candidates=candidates,
        stacks=stacks,
        skills=start,
        held=held,
        experience={d: float(draw_int(draw, 0, 5)) for d in DOMAINS},
        gap=gap,
        objective=draw(st.sampled_from(("cost", "hours", "count"))),
        budget=draw(st.sampled_from((None, None, None, 30.0, 60.0, 100.0))),
        max_hours=draw(st.sampled_from((None, None, None, 20.0, 60.0))),
        expected=expected,
        education=education,
    )


def stack(draw: st.DrawFn, sid: str, ids: list[str], stack_ids: list[str], skills: list[str]) -> Credential:
    parts = draw(
        st.lists(st.sampled_from([*ids, *(s for s in stack_ids if s != sid)]), min_size=1, max_size=3, unique=True)
    )
    items: tuple[Requirement, ...] = tuple(CredentialReq(CredentialId(p)) for p in parts)
    rules: list[Requirement] = [AllOf(items), AnyOf(items), NOf(min(2, len(items)), items)]
    rule = draw(st.sampled_from(rules))
    return credential(sid, grants(draw, skills, 2, lowest=2), kind="program", awarded_for=rule)



def closed_weight(sol: PlanSolution) -> float:
    return sum(IMPORTANCE_WEIGHTS[g.importance] for g in sol.closed)




START = date(2026, 12, 1)


def as_catalog(p: PlanProblem) -> tuple[Catalog, Profile]:
    creds = [*p.candidates, *p.stacks]
    skills = sorted({g.skill for c in creds for g in c.grants} | {g.skill for g in p.gap} | set(p.skills))
    role = Role(RoleId("target"), "Target", WHERE,
                requires=tuple(RoleSkill(g.skill, g.level, g.importance) for g in p.gap),
                expects=tuple(Expectation(e.requirement, e.importance) for e in p.expected))
    catalog = Catalog(Index("skill", [Skill(SkillId(s), s, WHERE) for s in skills]),
                      Index("credential", creds), Index("role", [role]))
    known = {c.id for c in creds}
    deadline = START + timedelta(days=int(p.max_hours) - 1) if p.max_hours is not None else None
    profile = Profile(
        skills=tuple(sorted(p.skills.items())),
        credentials=tuple(HeldCredential(c) for c in sorted(p.held) if c in known),
        experience=tuple(p.experience.items()), targets=(RoleId("target"),),
        constraints=Constraints(budget=p.budget, hours_per_week=7.0, start=START, deadline=deadline,
                                optimize=p.objective, with_optional=True), education=p.education)
    return catalog, profile


def entry_point() -> str:
    """The `skillstack` script installed beside the running interpreter (this venv's entry point).

    Not `shutil.which`: outside an activated venv the first `skillstack` on PATH may be another
    install (a pyenv shim, a user install), and the tests would check that one instead.
    """
    script = Path(sys.executable).with_name("skillstack.exe" if os.name == "nt" else "skillstack")
    assert script.is_file(), (f"the skillstack entry point is not installed beside {sys.executable}: "
                              'run `pip install -e ".[dev]"` with this interpreter')
    return str(script)


def regold() -> bool:
    """Whether to rewrite golden outputs instead of comparing with them: SKILLSTACK_UPDATE_GOLDEN=1
    (docs/exit-codes-and-environment.md); SKILLSTACK_REGOLD=1 is the older spelling, still read."""
    return any(os.environ.get(name) for name in ("SKILLSTACK_UPDATE_GOLDEN", "SKILLSTACK_REGOLD"))


@st.composite
def edited(draw: st.DrawFn, base: str, pieces: st.SearchStrategy[str], most_edits: int, longest_cut: int) -> bytes:
    """`base` with 1 to `most_edits` pieces inserted or written over, runs of up to `longest_cut`
    characters deleted, or lines doubled: documents near a valid one, for the readers' fuzz tests."""
    text = base
    for _ in range(draw(st.integers(1, most_edits))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "replace", "duplicate-line"]))
        piece = draw(pieces)
        if edit == "insert":
            text = text[:at] + piece + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, longest_cut)):]
        elif edit == "replace":
            text = text[:at] + piece + text[at + len(piece):]
        else:
            lines = text.split("\n")
            row = draw(st.integers(0, len(lines) - 1))
            lines.insert(row, lines[row])
            text = "\n".join(lines)
    return text.encode("utf-8", "surrogatepass")
