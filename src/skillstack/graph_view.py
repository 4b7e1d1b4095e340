"""Which part of the catalog graph to show, labelled: what `skillstack graph` exports.

One of three views: a planned pathway (its steps in order, the gap skills each closes, the
stacks earned, the target roles), a role's neighbourhood (`SkillGraph.role_neighbourhood`), or
the whole catalog. Every node gets its `kind` and a `label` (the object's name, else its id);
the reporters in `report/graph_export.py` only write a view out (DOT, Mermaid, GraphML, JSON).

>>> view = graph_view(catalog, role="data analyst")
>>> view.graph.nodes["role:data-analyst"]["label"], view.warnings
('Data Analyst', ())
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from skillstack.catalog import Catalog
from skillstack.graph import SkillGraph, cred_node, role_node, skill_node
from skillstack.model import Profile
from skillstack.plan.service import Plan, plan

if TYPE_CHECKING:  # networkx is imported when a graph is built, not at start-up
    import networkx as nx


@dataclass(frozen=True)
class GraphView:
    graph: nx.DiGraph[str]
    warnings: tuple[str, ...] = ()  # how a role's name was read, when it was read fuzzily


def graph_view(catalog: Catalog, role: str | None = None, profile: Profile | None = None,
               on: date | None = None) -> GraphView:
    """The pathway planned for `profile` on day `on` (default today), the neighbourhood of `role`
    (an id or a name, read as `Index.resolve` reads it), or, with neither, the whole catalog."""
    if role is not None and profile is not None:
        raise ValueError("a role and a profile each choose a graph; pass one of them")
    if profile is not None:
        return GraphView(pathway_graph(catalog, plan(catalog, profile, on or date.today())))
    graph = SkillGraph(catalog)
    if role is None:
        return GraphView(label_nodes(graph.copy(), catalog))
    found = catalog.roles.resolve(role)
    return GraphView(label_nodes(graph.role_neighbourhood(found.id), catalog),
                     (found.warning,) if found.warning else ())


def label_nodes(g: nx.DiGraph[str], catalog: Catalog) -> nx.DiGraph[str]:
    """`g` with each node's `kind` and `label` (the object's name, else its id) set."""
    for node, attrs in g.nodes(data=True):
        kind, ident = node.split(":", 1)
        attrs.setdefault("kind", kind)
        obj = catalog.index(kind).get(ident)
        attrs["label"] = obj.name if obj else ident
    return g


def pathway_graph(catalog: Catalog, pathway: Plan) -> nx.DiGraph[str]:
    """Steps in order, the gap skills each closes, the stacks earned, the target roles; labelled."""
    import networkx as nx

    g: nx.DiGraph[str] = nx.DiGraph()
    for rid in pathway.roles:
        g.add_node(role_node(rid), kind="role")
    previous = None
    for n, step in enumerate(pathway.steps, 1):
        node = cred_node(step.credential)
        g.add_node(node, kind="credential", step=n, start=step.start.isoformat(), end=step.end.isoformat())
        if previous:
            g.add_edge(previous, node, kind="then")
        previous = node
        for skill in step.closes:
            g.add_edge(node, skill_node(skill), kind="grants")
            for rid in pathway.roles:
                if any(need.skill == skill for need in catalog.roles[rid].requires):
                    g.add_edge(skill_node(skill), role_node(rid), kind="needs")
        for stack in step.stacks:
            g.add_edge(node, cred_node(stack), kind="part_of")
    return label_nodes(g, catalog)
