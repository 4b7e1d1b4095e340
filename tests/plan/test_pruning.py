"""Candidate pruning: the bounds behind it are valid, and dominance drops only what it may."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillstack.catalog import Catalog, Index
from skillstack.model import (
    AnyOf,
    Constraints,
    Cost,
    CredentialId,
    CredentialReq,
    ExperienceReq,
    Grant,
    Level,
    Profile,
    Role,
    RoleId,
    RoleSkill,
    Skill,
    SkillId,
    SkillReq,
)
from skillstack.plan.bounds import Bounds, feasible
from skillstack.plan.brute import brute_force
from skillstack.plan.candidates import candidates
from skillstack.plan.gap import gap
from skillstack.plan.milp import strongly_connected
from skillstack.plan.problem import PlanProblem
from skillstack.plan.service import plan
from skillstack.plan.state import start_state
from skillstack.requirements import State
from strategies import WHERE, as_catalog, credential, problems

START = date(2026, 12, 1)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_lower_bound_never_exceeds_the_cheapest_pathway_and_bundles_are_real_pathways(p: PlanProblem) -> None:
    catalog, _ = as_catalog(p)
    state = State(skills=dict(p.skills), credentials=set(p.held), experience=p.experience, education=p.education)
    bounds = Bounds(catalog, state, lambda c: True, lambda c: c.cost.amount)
    for item in p.gap:
        level = int(item.level)
        lower = bounds.lower_skill(item.skill, level)
        bundle = bounds.bundle_skill(item.skill, level)
        oracle = brute_force(replace(p, gap=(item,), objective="cost", budget=None, max_hours=None, expected=()))
        if oracle.feasible:
            assert lower <= oracle.cost + 1e-9, f"lower bound {lower} above the cheapest pathway {oracle.cost}"
        if bundle is not None:
            assert oracle.feasible
            assert feasible(catalog, bundle, state), f"bundle {sorted(bundle)} cannot be ordered"
            reached = State(skills=dict(state.skills))
            reached.add_grants((g.skill, g.level) for c in bundle for g in catalog.credentials[c].grants)
            assert reached.level(item.skill) >= level
            assert bounds.total(bundle) >= lower - 1e-9


def test_a_bundle_never_leans_on_a_credential_whose_gate_the_learner_fails() -> None:
    """Found by random property runs: `lower_skill(s0, 1)` was first computed while `a-gated` was
    busy, so its cheapest way in was recorded as `a-gated`, whose experience gate the learner fails
    (lower bound infinite). A later bundle for `s2` then took `a-gated` in, and could not be ordered."""
    s0 = SkillReq(SkillId("s0"), Level(1))
    gated = _course("a-gated", 0, 0, ("s0", 2), requires=(ExperienceReq("it", 1.0), AnyOf((SkillReq(SkillId("s1"), Level(1)), s0))))
    catalog, _ = _catalog(
        _course("wants-s0", 0, 0, ("s2", 1), requires=(AnyOf((AnyOf((CredentialReq(CredentialId("a-gated")), s0)), s0)),)),
        gated, _course("b-free", 0, 0, ("s0", 2), ("s1", 1)), gap=(("s0", 2), ("s2", 1)))
    state = State(experience={"it": 0.0})
    bounds = Bounds(catalog, state, lambda c: True, lambda c: c.cost.amount)
    assert bounds.bundle_skill("s0", 2) == {"b-free"}
    bundle = bounds.bundle_skill("s2", 1)
    assert bundle is None or ("a-gated" not in bundle and feasible(catalog, bundle, state))


def _catalog(*creds: object, gap: tuple[tuple[str, int], ...]) -> tuple[Catalog, Profile]:
    skills = sorted({g.skill for c in creds for g in c.grants} | {s for s, _ in gap})  # type: ignore[attr-defined]
    role = Role(RoleId("target"), "Target", WHERE,
                requires=tuple(RoleSkill(SkillId(s), Level(lv), "essential") for s, lv in gap))
    catalog = Catalog(Index("skill", [Skill(SkillId(s), s, WHERE) for s in skills]),
                      Index("credential", creds), Index("role", [role]))  # type: ignore[arg-type]
    return catalog, Profile(targets=(RoleId("target"),), constraints=Constraints(start=START))


def _course(cid: str, cost: float, hours: float, *grants: tuple[str, int], **kw: object) -> object:
    return credential(cid, tuple(Grant(SkillId(s), Level(lv)) for s, lv in grants),
                      cost=Cost(cost), hours=hours, **kw)


def _kept(catalog: Catalog, profile: Profile) -> list[str]:
    state = start_state(catalog, profile, START)
    return [c.id for c in candidates(state, gap(state)).takeable]


def _by_count(catalog: Catalog, profile: Profile, **skills: int) -> list[str]:
    """Candidates when every credential counts the same (so no bound drops any): dominance alone."""
    held = tuple((SkillId(k), Level(v)) for k, v in skills.items())
    return _kept(catalog, replace(profile, skills=held, constraints=replace(profile.constraints, optimize="count")))


def test_a_cheaper_credential_that_meets_more_drops_the_other() -> None:
    catalog, profile = _catalog(_course("both", 100, 10, ("x", 2), ("y", 1)), _course("only-x", 150, 10, ("x", 3)),
                                _course("only-y", 80, 20, ("y", 1)), gap=(("x", 2), ("y", 1)))
    assert _kept(catalog, profile) == ["both", "only-y"]
    assert [s.credential for s in plan(catalog, profile, START).steps] == ["both"]


def test_a_faster_credential_is_not_dominated_by_a_cheaper_one() -> None:
    pool = [_course("fast", 150, 10, ("x", 2)), _course("cheap", 100, 40, ("x", 2)), _course("slow", 100, 50, ("x", 3))]
    assert _by_count(*_catalog(*pool, gap=(("x", 2),))) == ["cheap", "fast"]


def test_a_dominator_with_unmet_requirements_of_its_own_does_not_drop_the_other() -> None:
    gated = _course("gated", 50, 5, ("x", 2), requires=(SkillReq(SkillId("z"), Level(1)),))
    catalog, profile = _catalog(gated, _course("open", 60, 5, ("x", 2)), _course("z-course", 20, 5, ("z", 1)),
                                gap=(("x", 2),))
    assert [s.credential for s in plan(catalog, profile, START).steps] == ["open"]  # 60 < 50 + 20
    held = replace(profile, skills=((SkillId("z"), Level(1)),))
    assert [s.credential for s in plan(catalog, held, START).steps] == ["gated"]
    assert _by_count(catalog, held, z=1) == ["gated"]


def test_a_credential_required_by_id_is_kept_even_when_dominated() -> None:
    needs = _course("needs-old", 10, 5, ("w", 1), requires=(CredentialReq(CredentialId("old")),))
    catalog, profile = _catalog(_course("new", 100, 10, ("x", 2)), _course("old", 120, 10, ("x", 2)), needs,
                                gap=(("x", 2), ("w", 1)))
    assert _kept(catalog, profile) == ["needs-old", "new", "old"]
    assert [s.credential for s in plan(catalog, profile, START).steps] == ["old", "needs-old"]


def test_a_prerequisite_cycle_gives_no_bundle_and_no_pathway() -> None:
    first = _course("first", 10, 5, ("x", 1), requires=(SkillReq(SkillId("y"), Level(1)),))
    second = _course("second", 10, 5, ("y", 1), requires=(SkillReq(SkillId("x"), Level(1)),))
    catalog, profile = _catalog(first, second, gap=(("x", 1),))
    bounds = Bounds(catalog, State(), lambda c: True, lambda c: c.cost.amount)
    assert bounds.bundle_skill("x", 1) is None
    assert not plan(catalog, profile, START).feasible


def test_the_cheapest_granter_is_found_past_a_cheaper_one_with_costly_prerequisites() -> None:
    chained = _course("chained", 50, 5, ("x", 2), requires=(SkillReq(SkillId("z"), Level(2)),))
    catalog, _ = _catalog(chained, _course("z-pricey", 500, 5, ("z", 2)), _course("direct", 300, 5, ("x", 2)),
                          gap=(("x", 2),))
    bounds = Bounds(catalog, State(), lambda c: True, lambda c: c.cost.amount)
    assert bounds.lower_skill("x", 2) == 300
    assert bounds.bundle_skill("x", 2) == {"direct"}
    assert bounds.lower(catalog.credentials["chained"]) == 550


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 12).flatmap(lambda n: st.lists(st.lists(st.integers(0, n - 1), max_size=4) if n else st.just([]),
                                                     min_size=n, max_size=n)))
def test_strongly_connected_components_match_networkx(edges: list[list[int]]) -> None:
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(edges)))
    graph.add_edges_from((v, w) for v, out in enumerate(edges) for w in out)
    expected = {frozenset(c) for c in nx.strongly_connected_components(graph)}
    component = strongly_connected(edges)
    got: dict[int, set[int]] = {}
    for node, number in enumerate(component):
        got.setdefault(number, set()).add(node)
    assert {frozenset(c) for c in got.values()} == expected
    assert sorted(got) == list(range(len(got)))


def test_strongly_connected_handles_a_chain_deeper_than_the_recursion_limit() -> None:
    n = 5000
    edges = [[v + 1] for v in range(n - 1)] + [[0]]
    assert set(strongly_connected(edges)) == {0}
    assert len(set(strongly_connected([[v + 1] for v in range(n - 1)] + [[]]))) == n


def test_a_stack_that_a_skill_alone_can_complete_is_earned_from_that_skill() -> None:
    from skillstack.holdings import earn_stacks
    from skillstack.model import AnyOf

    part = _course("part", 10, 5, ("x", 1))
    either = _course("either", 0, 0, ("y", 2), kind="program",
                     awarded_for=AnyOf((CredentialReq(CredentialId("part")), SkillReq(SkillId("s"), Level(2)))))
    needs_part = _course("needs-part", 0, 0, ("z", 2), kind="program",
                         awarded_for=AnyOf((CredentialReq(CredentialId("part")),)))
    catalog, _ = _catalog(part, either, needs_part, gap=(("y", 2),))
    state = State(skills={"s": Level(2)})
    assert earn_stacks(catalog, state) == ["either"]
    assert [s.id for s in catalog.stacks_using([])] == ["either"]
    assert sorted(s.id for s in catalog.stacks_using(["part"])) == ["either", "needs-part"]
