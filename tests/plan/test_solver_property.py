"""The MILP solver against brute force on many small random problems.

Every returned pathway is re-checked step by step by `replay`, written here
apart from both the solver and the oracle.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillstack.model import (
    IMPORTANCE_WEIGHTS,
    AllOf,
    AnyOf,
    Cost,
    Credential,
    CredentialId,
    CredentialReq,
    Education,
    EducationHeld,
    EducationReq,
    ExperienceReq,
    Grant,
    Level,
    NOf,
    Requirement,
    SkillId,
    SkillReq,
    SourceRef,
)
from skillstack.plan.brute import brute_force, objective_triple
from skillstack.plan.greedy import greedy
from skillstack.plan.problem import Expected, GapItem, PlanProblem, PlanSolution
from skillstack.plan.solve import solve_problem as solve

WHERE = SourceRef("test.yaml", 1, 1)
DOMAINS = ("it", "data")


def _draw_int(draw: st.DrawFn, low: int, high: int) -> int:
    return draw(st.integers(low, high))


def _atom(draw: st.DrawFn, skills: list[str], creds: list[str]) -> Requirement:
    kind = draw(st.sampled_from(("skill", "skill", "skill", "credential", "credential", "experience", "education")))
    if kind == "education":
        return EducationReq(Education(_draw_int(draw, 1, 4)), draw(st.sampled_from(("", "", "business"))))
    if kind == "skill":
        return SkillReq(SkillId(draw(st.sampled_from(skills))), Level(_draw_int(draw, 1, 2)))
    if kind == "credential":
        return CredentialReq(CredentialId(draw(st.sampled_from(creds))))
    return ExperienceReq(draw(st.sampled_from(DOMAINS)), float(_draw_int(draw, 1, 4)))


def _requirement(draw: st.DrawFn, skills: list[str], creds: list[str], depth: int = 0) -> Requirement:
    shape = draw(st.sampled_from(("atom",) * (3 + 3 * depth) + ("any", "n", "all")))
    if shape == "atom" or depth >= 2:
        return _atom(draw, skills, creds)
    items = tuple(_requirement(draw, skills, creds, depth + 1) for _ in range(_draw_int(draw, 2, 3)))
    if shape == "any":
        return AnyOf(items)
    if shape == "all":
        return AllOf(items)
    return NOf(_draw_int(draw, 1, len(items)), items)


def _grants(draw: st.DrawFn, skills: list[str], most: int, lowest: int = 1) -> tuple[Grant, ...]:
    chosen = draw(st.lists(st.sampled_from(skills), min_size=1, max_size=most, unique=True))
    return tuple(Grant(SkillId(s), Level(_draw_int(draw, lowest, 3))) for s in chosen)


def _credential(cid: str, grants: tuple[Grant, ...], kind: str = "course", **kw: object) -> Credential:
    return Credential(id=CredentialId(cid), name=cid, issuer="Test", kind=kind, where=WHERE, grants=grants, **kw)  # type: ignore[arg-type]


@st.composite
def problems(draw: st.DrawFn) -> PlanProblem:
    skills = [f"s{i}" for i in range(_draw_int(draw, 3, 6))]
    ids = [f"c{i}" for i in range(_draw_int(draw, 4, 7))]
    stack_ids = [f"k{i}" for i in range(draw(st.sampled_from((0, 1, 1, 2))))]
    refs = [*ids, *stack_ids, "outside"]
    candidates = tuple(
        _credential(
            cid,
            _grants(draw, skills, 3),
            cost=Cost(float(draw(st.sampled_from((0, 10, 20, 30, 50, 80))))),
            hours=float(draw(st.sampled_from((0, 5, 10, 20, 40)))),
            requires=tuple(
                _requirement(draw, skills, [r for r in refs if r != cid])
                for _ in range(draw(st.sampled_from((0, 0, 1, 1, 2))))
            ),
            recommends=tuple(
                _requirement(draw, skills, [r for r in refs if r != cid])
                for _ in range(draw(st.sampled_from((0, 0, 0, 1))))
            ),
            level=draw(st.sampled_from(("", "beginner", "intermediate", "advanced"))),
        )
        for cid in ids
    )
    stacks = tuple(_stack(draw, sid, ids, stack_ids, skills) for sid in stack_ids)
    held = frozenset(CredentialId(c) for c in draw(st.lists(st.sampled_from(refs), max_size=2, unique=True)))
    start: dict[SkillId, Level] = {}
    for s in draw(st.lists(st.sampled_from(skills), max_size=2, unique=True)):
        start[SkillId(s)] = Level(_draw_int(draw, 1, 3))
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
        experience={d: float(_draw_int(draw, 0, 5)) for d in DOMAINS},
        gap=gap,
        objective=draw(st.sampled_from(("cost", "hours", "count"))),
        budget=draw(st.sampled_from((None, None, None, 30.0, 60.0, 100.0))),
        max_hours=draw(st.sampled_from((None, None, None, 20.0, 60.0))),
        expected=expected,
        education=education,
    )


def _stack(draw: st.DrawFn, sid: str, ids: list[str], stack_ids: list[str], skills: list[str]) -> Credential:
    parts = draw(
        st.lists(st.sampled_from([*ids, *(s for s in stack_ids if s != sid)]), min_size=1, max_size=3, unique=True)
    )
    items: tuple[Requirement, ...] = tuple(CredentialReq(CredentialId(p)) for p in parts)
    rules: list[Requirement] = [AllOf(items), AnyOf(items), NOf(min(2, len(items)), items)]
    rule = draw(st.sampled_from(rules))
    return _credential(sid, _grants(draw, skills, 2, lowest=2), kind="program", awarded_for=rule)


# ---- an independent checker -------------------------------------------------------


def _holds(req: Requirement, skills: Mapping[SkillId, int], held: set[str], years: Mapping[str, float]) -> bool:
    match req:
        case SkillReq(skill=s, level=lv):
            return skills.get(s, 0) >= lv
        case CredentialReq(credential=c):
            return c in held
        case ExperienceReq(domain=d, years=y):
            return years.get(d, 0.0) >= y
        case EducationReq():
            return True  # replay checks order only; both planners evaluate education themselves
        case AllOf(items=items):
            return all(_holds(i, skills, held, years) for i in items)
        case AnyOf(items=items):
            return any(_holds(i, skills, held, years) for i in items)
        case NOf(n=n, items=items):
            return sum(_holds(i, skills, held, years) for i in items) >= n
    raise AssertionError(req)


def replay(p: PlanProblem, sol: PlanSolution) -> None:
    """Re-check a pathway step by step against every rule of SPEC section 3."""
    by_id = {c.id: c for c in p.candidates}
    skills = {s: int(lv) for s, lv in p.skills.items()}
    held: set[str] = set(p.held)

    def gain(cred: Credential) -> None:
        held.add(cred.id)
        for g in cred.grants:
            skills[g.skill] = max(skills.get(g.skill, 0), int(g.level))

    def earn_stacks() -> list[str]:
        new: list[str] = []
        while ready := [
            s
            for s in p.stacks
            if s.id not in held and s.awarded_for and _holds(s.awarded_for, skills, held, p.experience)
        ]:
            for s in ready[:1]:
                gain(s)
                new.append(s.id)
        return new

    earn_stacks()
    stacks: list[tuple[str, int]] = []
    assert len(set(sol.steps)) == len(sol.steps)
    for index, step in enumerate(sol.steps):
        cred = by_id[step]
        for req in cred.requires:
            assert _holds(req, skills, held, p.experience), f"{step} starts before {req}"
        gain(cred)
        stacks.extend((s, index) for s in earn_stacks())
    assert sorted(stacks) == sorted(sol.stacks)
    closed = {g for g in p.gap if skills.get(g.skill, 0) >= g.level}
    assert set(sol.closed) == closed and set(sol.open) == set(p.gap) - closed
    essential = all(_holds(e.requirement, skills, held, p.experience) for e in p.expected if e.importance == "essential")
    assert sol.feasible == (closed == set(p.gap) and essential)
    assert sol.cost == sum(by_id[s].cost.amount for s in sol.steps)
    assert sol.hours == sum(by_id[s].hours for s in sol.steps)
    assert p.budget is None or sol.cost <= p.budget
    assert p.max_hours is None or sol.hours <= p.max_hours


def closed_weight(sol: PlanSolution) -> float:
    return sum(IMPORTANCE_WEIGHTS[g.importance] for g in sol.closed)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_solver_matches_brute_force(p: PlanProblem) -> None:
    sol = solve(p)
    oracle = brute_force(p)
    replay(p, sol)
    replay(p, oracle)
    assert sol.optimal
    assert sol.feasible == oracle.feasible
    assert closed_weight(sol) == closed_weight(oracle)
    mine = objective_triple(p, sol.cost, sol.hours, len(sol.steps))
    best = objective_triple(p, oracle.cost, oracle.hours, len(oracle.steps))
    assert mine == best
    assert (sol.waived, set(sol.expected_met)) == (oracle.waived, set(oracle.expected_met))
    assert (sol.steps, sol.stacks) == (oracle.steps, oracle.stacks)  # the same canonical pathway, in the same order


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_greedy_pathway_is_valid(p: PlanProblem) -> None:
    replay(p, greedy(p))
