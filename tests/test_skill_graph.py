"""SkillGraph's verbs answer from the graph's edges, and agree with the catalog's own indexes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from skillstack.catalog import Catalog, build_catalog
from skillstack.graph import SkillGraph
from skillstack.loader import load_raw, shipped_catalog

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
