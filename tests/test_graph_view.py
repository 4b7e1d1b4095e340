"""graph_view: the part of the catalog graph a library user (or `skillstack graph`) shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from skillstack.catalog import build_catalog
from skillstack.graph_view import graph_view
from skillstack.loader import load_raw
from skillstack.model import Profile, RoleId

MINI = Path(__file__).parent / "data" / "catalogs" / "mini"


def test_a_role_by_name_shows_its_neighbourhood_labelled_and_says_how_it_was_read() -> None:
    catalog = build_catalog(load_raw([MINI]))
    view = graph_view(catalog, role="data analist")
    assert view.graph.nodes["role:analyst"] == {"kind": "role", "label": "Data Analyst"}
    assert "credential:data-stack" in view.graph and "role:security-lead" not in view.graph
    assert view.warnings == ("'data analist' read as 'Data Analyst' (analyst)",)
    whole = graph_view(catalog)
    assert "role:security-lead" in whole.graph and whole.warnings == ()
    assert all("label" in attrs for _, attrs in whole.graph.nodes(data=True))


def test_a_profile_shows_its_pathway_in_order() -> None:
    catalog = build_catalog(load_raw([MINI]))
    view = graph_view(catalog, profile=Profile(targets=(RoleId("analyst"),)), on=date(2026, 12, 1))
    then = [(u, v) for u, v, kind in view.graph.edges(data="kind") if kind == "then"]
    assert then == [("credential:py-basics", "credential:sql-basics"),
                    ("credential:sql-basics", "credential:stats-course")]
    assert view.graph.nodes["credential:py-basics"]["step"] == 1


def test_a_role_and_a_profile_together_are_refused() -> None:
    catalog = build_catalog(load_raw([MINI]))
    with pytest.raises(ValueError, match="pass one of them"):
        graph_view(catalog, role="analyst", profile=Profile(targets=(RoleId("analyst"),)))
