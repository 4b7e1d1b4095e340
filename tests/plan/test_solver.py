"""Hand-written pathway problems with their exact optimal answers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pytest

from skillstack.model import (
    OBJECTIVES,
    AllOf,
    AnyOf,
    Cost,
    Credential,
    CredentialId,
    CredentialReq,
    ExperienceReq,
    Grant,
    Level,
    NOf,
    Requirement,
    SkillId,
    SkillReq,
)
from skillstack.plan.brute import brute_force
from skillstack.plan.candidates import WEIGHTS
from skillstack.plan.greedy import greedy
from skillstack.plan.problem import GapItem, PlanProblem, PlanSolution
from skillstack.plan.solve import CRITERIA
from skillstack.plan.solve import solve_problem as solve
from strategies import WHERE


def cred(
    cid: str,
    cost: float = 0.0,
    hours: float = 0.0,
    grants: Mapping[str, int] | None = None,
    requires: Iterable[Requirement] = (),
) -> Credential:
    return Credential(
        id=CredentialId(cid),
        name=cid,
        issuer="Test",
        kind="course",
        where=WHERE,
        cost=Cost(float(cost)),
        hours=float(hours),
        grants=tuple(Grant(SkillId(s), Level(lv)) for s, lv in (grants or {}).items()),
        requires=tuple(requires),
    )


def stack(cid: str, awarded_for: Requirement, grants: Mapping[str, int] | None = None) -> Credential:
    return Credential(
        id=CredentialId(cid),
        name=cid,
        issuer="Test",
        kind="program",
        where=WHERE,
        grants=tuple(Grant(SkillId(s), Level(lv)) for s, lv in (grants or {}).items()),
        awarded_for=awarded_for,
    )


def skill(name: str, level: int = 1) -> SkillReq:
    return SkillReq(SkillId(name), Level(level))


def needs(cid: str) -> CredentialReq:
    return CredentialReq(CredentialId(cid))


def gap(*items: str, importance: str = "essential") -> tuple[GapItem, ...]:
    """Gap items written 'skill:level'."""
    result = []
    for item in items:
        name, level = item.split(":")
        result.append(GapItem(SkillId(name), Level(int(level)), importance))
    return tuple(result)


def problem(candidates: Iterable[Credential], the_gap: tuple[GapItem, ...], **kw: object) -> PlanProblem:
    return PlanProblem(candidates=tuple(candidates), gap=the_gap, **kw)  # type: ignore[arg-type]


def summary(sol: PlanSolution) -> tuple[object, ...]:
    return (sol.feasible, sol.optimal, sol.steps, sol.stacks, sol.cost, sol.hours)


def check(
    p: PlanProblem, steps: tuple[str, ...], cost: float, hours: float, stacks: tuple[tuple[str, int], ...] = ()
) -> PlanSolution:
    sol = solve(p)
    assert summary(sol) == (True, True, steps, stacks, cost, hours)
    assert sol.open == () and sol.closed == p.gap
    assert sol.status == "optimal"
    oracle = brute_force(p)
    assert (oracle.feasible, oracle.cost, oracle.hours, len(oracle.steps)) == (True, cost, hours, len(steps))
    return sol


# ---- covering -------------------------------------------------------------------


def test_simple_cover_takes_the_cheapest_combination() -> None:
    cands = [
        cred("a", 100, 10, {"sql": 2}),
        cred("b", 50, 20, {"python": 1}),
        cred("c", 200, 25, {"sql": 2, "python": 1}),
        cred("d", 10, 5, {"sql": 1}),
    ]
    check(problem(cands, gap("sql:2", "python:1")), ("b", "a"), 150.0, 30.0)  # foundations (level 1) first


def test_count_objective_prefers_one_credential_covering_both() -> None:
    cands = [
        cred("a", 100, 10, {"sql": 2}),
        cred("b", 50, 20, {"python": 1}),
        cred("c", 200, 25, {"sql": 2, "python": 1}),
    ]
    check(problem(cands, gap("sql:2", "python:1"), objective="count"), ("c",), 200.0, 25.0)


def test_nothing_to_close_gives_an_empty_feasible_pathway() -> None:
    sol = solve(problem([cred("a", 10, 1, {"sql": 1})], gap("sql:1"), skills={SkillId("sql"): Level(3)}))
    assert summary(sol) == (True, True, (), (), 0.0, 0.0)
    assert sol.closed == gap("sql:1")


# ---- prerequisites and order --------------------------------------------------------


def test_prerequisite_chain_forces_the_order() -> None:
    cands = [
        cred("a-ml", 100, 40, {"ml": 2}, [skill("python"), needs("m-stats")]),
        cred("m-stats", 30, 20, {"stats": 2}, [skill("python")]),
        cred("z-python", 10, 10, {"python": 1}),
    ]
    check(problem(cands, gap("ml:2")), ("z-python", "m-stats", "a-ml"), 140.0, 70.0)


def test_any_of_prerequisite_takes_the_cheaper_branch() -> None:
    cands = [
        cred("target", 100, 10, {"ml": 2}, [AnyOf((needs("x-cert"), skill("stats", 2)))]),
        cred("x-cert", 50, 5, {"cloud": 1}),
        cred("y-stats", 30, 30, {"stats": 2}),
    ]
    check(problem(cands, gap("ml:2")), ("y-stats", "target"), 130.0, 40.0)


def test_n_of_prerequisite_takes_the_two_cheapest_items() -> None:
    rule = NOf(2, (skill("a"), skill("b"), skill("c")))
    cands = [
        cred("target", 100, 10, {"ml": 2}, [rule]),
        cred("pa", 40, 1, {"a": 1}),
        cred("pb", 10, 1, {"b": 1}),
        cred("pc", 20, 1, {"c": 1}),
    ]
    check(problem(cands, gap("ml:2")), ("pb", "pc", "target"), 130.0, 12.0)


def test_nested_all_of_inside_any_of() -> None:
    rule = AnyOf((AllOf((skill("a"), skill("b"))), needs("big")))
    cands = [
        cred("target", 100, 10, {"ml": 2}, [rule]),
        cred("big", 100, 1, {"z": 1}),
        cred("pa", 40, 1, {"a": 1}),
        cred("pb", 40, 1, {"b": 1}),
    ]
    check(problem(cands, gap("ml:2")), ("pa", "pb", "target"), 180.0, 12.0)
    cheap = [*cands[:1], cred("big", 70, 1, {"z": 1}), *cands[2:]]
    check(problem(cheap, gap("ml:2")), ("big", "target"), 170.0, 11.0)


def test_n_of_inside_any_of_needs_n_items_of_one_branch() -> None:
    rule = AnyOf((NOf(2, (skill("a"), skill("b"), skill("c"))), NOf(2, (skill("d"), skill("e"), skill("f")))))
    cands = [
        cred("target", 100, 10, {"ml": 2}, [rule]),
        cred("pa", 1, 1, {"a": 1}),
        cred("pb", 50, 1, {"b": 1}),
        cred("pd", 1, 1, {"d": 1}),
        cred("pe", 40, 1, {"e": 1}),
        cred("pcf", 60, 1, {"c": 1, "f": 1}),
    ]
    check(problem(cands, gap("ml:2")), ("pd", "pe", "target"), 141.0, 12.0)


def test_a_cycle_of_prerequisites_needs_a_way_in() -> None:
    cands = [
        cred("a", 10, 1, {"x": 1}, [AnyOf((skill("y"), needs("base")))]),
        cred("b", 10, 1, {"y": 1}, [skill("x")]),
        cred("base", 100, 1, {"z": 1}),
    ]
    check(problem(cands, gap("x:1", "y:1")), ("base", "a", "b"), 120.0, 3.0)


def test_mutual_prerequisites_can_never_start() -> None:
    cands = [
        cred("a", 10, 1, {"x": 1}, [skill("y")]),
        cred("b", 10, 1, {"y": 1}, [skill("x")]),
    ]
    sol = solve(problem(cands, gap("x:1")))
    assert summary(sol) == (False, True, (), (), 0.0, 0.0)
    assert sol.open == gap("x:1")


# ---- levels and experience -----------------------------------------------------------


def test_a_level_one_grant_does_not_meet_a_level_two_need() -> None:
    cands = [
        cred("basic-sql", 10, 5, {"sql": 1}),
        cred("mid-sql", 100, 20, {"sql": 2}),
        cred("bi", 50, 10, {"bi": 2}, [skill("sql", 2)]),
    ]
    check(problem(cands, gap("sql:1", "bi:2")), ("mid-sql", "bi"), 150.0, 30.0)


def test_held_skill_level_meets_a_requirement() -> None:
    cands = [cred("mid-sql", 100, 20, {"sql": 2}), cred("bi", 50, 10, {"bi": 2}, [skill("sql", 2)])]
    p = problem(cands, gap("bi:2"), skills={SkillId("sql"): Level(3)})
    check(p, ("bi",), 50.0, 10.0)


def test_experience_gate_excludes_a_credential() -> None:
    cands = [
        cred("pro", 100, 10, {"sec": 3}, [ExperienceReq("security", 5)]),
        cred("route", 400, 50, {"sec": 3}),
    ]
    check(problem(cands, gap("sec:3"), experience={"security": 3.0}), ("route",), 400.0, 50.0)
    check(problem(cands, gap("sec:3"), experience={"security": 5.0}), ("pro",), 100.0, 10.0)


# ---- stacks and held credentials ---------------------------------------------------------


def test_stack_earned_along_the_way_closes_the_gap_and_unlocks_a_step() -> None:
    program = stack("program", AllOf((needs("part-1"), needs("part-2"))), {"cloud": 2})
    cands = [
        cred("part-1", 50, 10, {"a": 1}),
        cred("part-2", 60, 10, {"b": 1}),
        cred("cloud-direct", 200, 30, {"cloud": 2}),
        cred("advanced", 100, 20, {"arch": 3}, [needs("program")]),
        cred("arch-direct", 500, 10, {"arch": 3}),
    ]
    p = problem(cands, gap("cloud:2", "arch:3"), stacks=(program,))
    check(p, ("part-1", "part-2", "advanced"), 210.0, 40.0, stacks=(("program", 1),))


def test_stack_of_stacks_is_earned_in_the_same_step() -> None:
    inner = stack("inner", AllOf((needs("p1"), needs("p2"))), {"x": 1})
    outer = stack("outer", AllOf((needs("inner"), skill("x"))), {"y": 2})
    cands = [cred("p1", 10, 1, {"a": 1}), cred("p2", 10, 1, {"b": 1}), cred("py", 100, 1, {"y": 2})]
    p = problem(cands, gap("y:2"), stacks=(outer, inner))
    check(p, ("p1", "p2"), 20.0, 2.0, stacks=(("inner", 1), ("outer", 1)))


def test_held_credential_meets_a_credential_requirement() -> None:
    cands = [
        cred("base", 80, 10, {"net": 1}),
        cred("advanced", 100, 20, {"sec": 2}, [needs("base")]),
    ]
    check(problem(cands, gap("sec:2")), ("base", "advanced"), 180.0, 30.0)
    held = frozenset({CredentialId("base")})
    check(problem(cands, gap("sec:2"), held=held, skills={SkillId("net"): Level(1)}), ("advanced",), 100.0, 20.0)


# ---- budget and hours ----------------------------------------------------------------------


def test_budget_too_small_gives_the_best_partial_pathway() -> None:
    the_gap = (
        GapItem(SkillId("e"), Level(1), "essential"),
        GapItem(SkillId("i"), Level(1), "important"),
        GapItem(SkillId("o"), Level(1), "optional"),
    )
    cands = [cred("ce", 100, 1, {"e": 1}), cred("ci", 60, 1, {"i": 1}), cred("co", 20, 1, {"o": 1})]
    p = problem(cands, the_gap, budget=130.0)
    sol = solve(p)
    assert summary(sol) == (False, True, ("ce", "co"), (), 120.0, 2.0)
    assert sol.closed == (the_gap[0], the_gap[2]) and sol.open == (the_gap[1],)
    assert sol.status.startswith("no pathway closes the whole gap")
    oracle = brute_force(p)
    assert (oracle.feasible, oracle.steps, oracle.cost) == (False, ("ce", "co"), 120.0)


def test_unclosable_gap_item_leaves_the_rest_closed_cheaply() -> None:
    cands = [cred("a", 100, 1, {"x": 1}), cred("b", 10, 1, {"x": 1})]
    sol = solve(problem(cands, gap("x:1", "nobody-teaches:1")))
    assert summary(sol) == (False, True, ("b",), (), 10.0, 1.0)
    assert sol.open == gap("nobody-teaches:1")


def test_max_hours_rules_out_the_cheap_long_course() -> None:
    cands = [cred("slow", 10, 100, {"sql": 2}), cred("fast", 50, 10, {"sql": 2})]
    check(problem(cands, gap("sql:2")), ("slow",), 10.0, 100.0)
    check(problem(cands, gap("sql:2"), max_hours=50.0), ("fast",), 50.0, 10.0)


def test_budget_counts_prerequisites_too() -> None:
    cands = [
        cred("intro", 60, 5, {"python": 1}),
        cred("ml-a", 50, 10, {"ml": 2}, [skill("python")]),
        cred("ml-b", 100, 40, {"ml": 2}),
    ]
    check(problem(cands, gap("ml:2")), ("ml-b",), 100.0, 40.0)
    check(problem(cands, gap("ml:2"), objective="hours"), ("intro", "ml-a"), 110.0, 15.0)
    sol = solve(problem(cands, gap("ml:2"), objective="hours", budget=105.0))
    assert summary(sol) == (True, True, ("ml-b",), (), 100.0, 40.0)


# ---- objectives and tie-breaks ------------------------------------------------------------------


def test_cost_tie_is_broken_by_hours() -> None:
    cands = [cred("a", 100, 50, {"x": 1}), cred("b", 100, 30, {"x": 1})]
    check(problem(cands, gap("x:1")), ("b",), 100.0, 30.0)


def test_cost_and_hours_tie_is_broken_by_count() -> None:
    cands = [cred("a", 50, 15, {"x": 1}), cred("b", 50, 15, {"y": 1}), cred("c", 100, 30, {"x": 1, "y": 1})]
    check(problem(cands, gap("x:1", "y:1")), ("c",), 100.0, 30.0)


def test_hours_objective_with_ties_broken_by_cost_then_count() -> None:
    cands = [
        cred("a", 300, 10, {"x": 1}),
        cred("b", 200, 10, {"x": 1}),
        cred("c", 100, 5, {"x": 1}),
        cred("d", 100, 5, {"y": 1}),
        cred("e", 200, 10, {"x": 1, "y": 1}),
    ]
    check(problem(cands[:2], gap("x:1"), objective="hours"), ("b",), 200.0, 10.0)
    check(problem(cands, gap("x:1", "y:1"), objective="hours"), ("e",), 200.0, 10.0)
    cheaper_d = [*cands[:3], cred("d", 90, 5, {"y": 1}), cands[4]]
    check(problem(cheaper_d, gap("x:1", "y:1"), objective="hours"), ("c", "d"), 190.0, 10.0)


def test_count_objective_with_ties_broken_by_cost_then_hours() -> None:
    cands = [
        cred("a", 300, 10, {"x": 1, "y": 1}),
        cred("b", 200, 40, {"x": 1, "y": 1}),
        cred("c", 200, 30, {"x": 1, "y": 1}),
        cred("d", 10, 1, {"x": 1}),
        cred("e", 10, 1, {"y": 1}),
    ]
    check(problem(cands, gap("x:1", "y:1"), objective="count"), ("c",), 200.0, 30.0)
    check(problem(cands, gap("x:1", "y:1"), objective="cost"), ("d", "e"), 20.0, 2.0)


def test_time_limit_reports_not_optimal_with_a_pathway() -> None:
    cands = [cred("a", 10, 1, {"x": 1}), cred("b", 5, 1, {"x": 1})]
    sol = solve(problem(cands, gap("x:1")), time_limit=0.0)
    assert (sol.feasible, sol.optimal, sol.steps) == (True, False, ("b",))
    assert sol.status.startswith("time limit")


def test_unknown_objective_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown objective"):
        solve(problem([], gap("x:1"), objective="fun"))


# ---- robustness ------------------------------------------------------------------------------------


def test_held_candidate_is_not_taken_again() -> None:
    cands = [cred("a", 10, 1, {"x": 1}), cred("b", 50, 1, {"y": 1}, [needs("a")])]
    p = problem(cands, gap("y:1"), held=frozenset({CredentialId("a")}), skills={SkillId("x"): Level(1)})
    check(p, ("b",), 50.0, 1.0)


def test_stack_complete_at_the_start_counts_as_held() -> None:
    done = stack("done", needs("old"), {"z": 2})
    cands = [cred("b", 50, 1, {"y": 1}, [needs("done"), skill("z", 2)])]
    p = problem(cands, gap("y:1"), held=frozenset({CredentialId("old")}), stacks=(done,))
    check(p, ("b",), 50.0, 1.0)


def test_greedy_is_valid_but_not_optimal() -> None:
    cands = [
        cred("three", 6, 1, {"a": 1, "b": 1, "c": 1}),
        cred("ab", 5, 1, {"a": 1, "b": 1}),
        cred("cd", 5, 1, {"c": 1, "d": 1}),
    ]
    p = problem(cands, gap("a:1", "b:1", "c:1", "d:1"))
    assert summary(greedy(p)) == (True, False, ("cd", "three"), (), 11.0, 2.0)
    assert summary(solve(p)) == (True, True, ("ab", "cd"), (), 10.0, 2.0)


def test_greedy_takes_prerequisites_as_needed() -> None:
    cands = [
        cred("target", 10, 1, {"t": 1}, [skill("p")]),
        cred("prep", 5, 1, {"p": 1}),
        cred("alt", 30, 1, {"t": 1}),
    ]
    assert summary(greedy(problem(cands, gap("t:1")))) == (True, False, ("prep", "target"), (), 15.0, 2.0)


def test_every_objective_is_one_of_the_model_s_and_breaks_ties_on_the_others() -> None:
    """The objective names live in `model.OBJECTIVES`; the solver's tie-breakers and the
    candidates' bounds are tables over exactly those names."""
    assert set(CRITERIA) == set(WEIGHTS) == set(OBJECTIVES)
    for objective, order in CRITERIA.items():
        assert order[0] == objective and sorted(order) == sorted(OBJECTIVES)
