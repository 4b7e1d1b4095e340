"""SkillGraph's verbs answer from the graph's edges, and agree with the catalog's own indexes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from skillstack.catalog import Catalog, build_catalog
from skillstack.graph import SkillGraph, reachable, reachable_among
from skillstack.loader import load_raw, shipped_catalog
from skillstack.model import Level
from skillstack.plan.problem import PlanProblem
from skillstack.requirements import State
from strategies import as_catalog, problems

TWICE = """skills:
  - {id: sql, name: SQL}
  - {id: python, name: Python}
credentials:
  - {id: sql-course, name: SQL Course, issuer: X, kind: course, grants: [{skill: sql, level: 3}, {skill: sql, level: 1}]}
  - {id: sql-intro, name: SQL Intro, issuer: X, kind: course, grants: [{skill: sql, level: 1}]}
roles:
  - id: analyst
    name: Analyst
    requires:
      - {skill: python, level: 1, importance: optional}
      - {skill: sql, level: 1, importance: important}
      - {skill: sql, level: 2, importance: essential}
"""


@cache
def shipped() -> Catalog:
    return build_catalog(load_raw([shipped_catalog()]))


def test_the_graphs_answers_are_the_catalogs_on_the_shipped_catalog() -> None:
    catalog = shipped()
    graph = SkillGraph(catalog)
    for skill in catalog.skills:
        for level in range(1, 5):
            assert graph.granters(skill.id, level) == catalog.granters(skill.id, level), (skill.id, level)
    for role in catalog.roles:
        assert graph.role_needs(role.id) == [(n.skill, int(n.level), n.importance) for n in role.requires]


def test_a_skill_listed_twice_counts_at_its_highest_level(tmp_path: Path) -> None:
    (tmp_path / "cat.yaml").write_text(TWICE, encoding="utf-8")
    graph = SkillGraph(build_catalog(load_raw([tmp_path])))
    assert graph.granters("sql", 1) == ["sql-course", "sql-intro"]
    assert graph.granters("sql", 3) == ["sql-course"]
    assert graph.granters("sql", 4) == []
    assert graph.role_needs("analyst") == [("python", 1, "optional"), ("sql", 2, "essential")]


def test_names_not_in_the_graph_have_no_edges() -> None:
    graph = SkillGraph(shipped())
    assert graph.granters("no-such-skill") == []
    assert graph.role_needs("no-such-role") == []


ORDERED = """skills:
  - {id: sql, name: SQL}
  - {id: python, name: Python}
credentials:
  - {id: gate, name: Gate, issuer: X, kind: course, grants: [{skill: sql, level: 2}]}
  - id: advanced
    name: Advanced
    issuer: X
    kind: course
    requires: [{skill: sql, level: 2}, {credential: gate}, {experience: it, years: 2}]
    recommends: [{skill: sql, level: 3}, {credential: gate}]
    grants: [{skill: python, level: 1}]
  - id: either
    name: Either
    issuer: X
    kind: course
    requires: [{any_of: [{skill: python, level: 2}, {all_of: [{credential: advanced}, {skill: sql, level: 1}]}]}]
    grants: [{skill: python, level: 3}]
  - {id: two-of, name: Two Of, issuer: X, kind: program, awarded_for: {n_of: 2, from: [{credential: gate}, {credential: either}, {credential: never}]}}
  - {id: never, name: Never, issuer: X, kind: course, requires: [{skill: python, level: 4}], grants: [{skill: sql, level: 4}]}
  - {id: schooled, name: Schooled, issuer: X, kind: course, requires: [{education: master}]}
"""


def test_reachable_is_the_fixpoint_whatever_the_order_and_the_edge_kinds(tmp_path: Path) -> None:
    """A credential that requires a skill and also recommends it (the graph keeps one edge, of
    the later kind) is still taken once the skill rises, however late in the walk."""
    (tmp_path / "cat.yaml").write_text(ORDERED, encoding="utf-8")
    catalog = build_catalog(load_raw([tmp_path]))
    got, state = reachable(catalog)
    assert got == {"gate", "advanced", "either", "two-of", "schooled"}
    assert state.skills == {"sql": 2, "python": 3} and state.credentials == got
    # experience and education are what the learner has: they never change on the way
    got, state = reachable(catalog, State(experience={"it": 1.0}))
    assert got == {"gate"} and state.skills == {"sql": 2}
    got, state = reachable(catalog, State(credentials={"gate"}, experience={"it": 2.0}))
    assert got == set() and state.skills == {}  # gate is held already: its grants are in the state or not at all
    got, state = reachable(catalog, State(skills={"sql": Level.INTERMEDIATE}, credentials={"gate"},
                                          experience={"it": 2.0}))
    assert got == {"advanced", "either", "two-of"}
    assert state.skills == {"sql": 2, "python": 3} and state.credentials == got | {"gate"}


CHAINED = """skills:
  - {id: sql, name: SQL}
  - {id: python, name: Python}
  - {id: stats, name: Stats}
credentials:
  - {id: easy, name: Easy, issuer: X, kind: course, grants: [{skill: sql, level: 1}]}
  - {id: mid, name: Mid, issuer: X, kind: course, requires: [{skill: sql, level: 1}], grants: [{skill: sql, level: 2}]}
  - {id: top, name: Top, issuer: X, kind: course, requires: [{skill: sql, level: 2}], grants: [{skill: python, level: 3}]}
  - {id: loop-a, name: Loop A, issuer: X, kind: course, requires: [{credential: loop-b}], grants: [{skill: stats, level: 1}]}
  - {id: loop-b, name: Loop B, issuer: X, kind: course, requires: [{skill: stats, level: 1}], grants: [{skill: stats, level: 2}]}
  - {id: door, name: Door, issuer: X, kind: course, requires: [{any_of: [{credential: loop-a}, {skill: python, level: 3}]}],
     grants: [{skill: stats, level: 1}]}
  - {id: pair, name: Pair, issuer: X, kind: program, awarded_for: {all_of: [{credential: easy}, {credential: door}]},
     grants: [{skill: stats, level: 3}]}
  - {id: lost, name: Lost, issuer: X, kind: course, requires: [{skill: stats, level: 4}, {credential: nowhere}],
     grants: [{skill: python, level: 1}]}
"""


def test_reachable_among_walks_back_through_chains_groups_and_cycles(tmp_path: Path) -> None:
    """A credential two prerequisites deep, one whose only way in is a cycle's skill, and one that
    needs a skill nothing grants high enough: each answered as the walk over every credential does."""
    (tmp_path / "cat.yaml").write_text(CHAINED, encoding="utf-8")
    catalog = build_catalog(load_raw([tmp_path]))
    everything = reachable(catalog)[0]
    assert everything == {"easy", "mid", "top", "door", "loop-b", "loop-a", "pair"}
    for ident in [c.id for c in catalog.credentials] + ["nowhere"]:
        assert reachable_among(build_catalog(load_raw([tmp_path])), [ident]) == {ident} & everything, ident
    assert reachable_among(catalog, ["top", "lost", "pair"]) == {"top", "pair"}


def test_reachable_among_is_reachable_on_the_shipped_and_test_catalogs(data: Path) -> None:
    folders = [shipped_catalog(), *sorted((data / "catalogs").iterdir()),
               *sorted(p for p in (data / "rules").glob("*/*") if p.is_dir())]
    for folder in folders:
        catalog = build_catalog(load_raw([folder]))
        ids = [c.id for c in catalog.credentials]
        everything = reachable(catalog)[0]
        assert reachable_among(catalog, ids) == everything, folder
        for ident in ids[:40]:
            assert reachable_among(catalog, [ident]) == {ident} & everything, (folder, ident)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_reachable_among_is_reachable_on_drawn_catalogs(p: PlanProblem) -> None:
    catalog, _ = as_catalog(p)
    ids = [c.id for c in catalog.credentials]
    everything = reachable(catalog)[0]
    assert reachable_among(catalog, [*ids, "outside"]) == everything
    for ident in ids:
        assert reachable_among(catalog, [ident]) == {ident} & everything, ident
