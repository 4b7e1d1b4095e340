"""SkillGraph's verbs answer from the graph's edges, and agree with the catalog's own indexes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from skillstack.catalog import Catalog, build_catalog
from skillstack.graph import SkillGraph, reachable
from skillstack.loader import load_raw, shipped_catalog
from skillstack.model import Level
from skillstack.requirements import State

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
