"""Graphs for other tools: DOT, Mermaid, GraphML and JSON (node-link).

They write out a labelled graph as `skillstack.graph_view` chose it; none chooses nodes or edges.
"""

from __future__ import annotations

import json
import re
from typing import Any

import networkx as nx

SHAPES = {"skill": "ellipse", "credential": "box", "role": "doubleoctagon"}


def _dot_id(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(g: nx.DiGraph) -> str:
    lines = ["digraph skillstack {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    for node, attrs in sorted(g.nodes(data=True)):
        lines.append(f"  {_dot_id(node)} [label={_dot_id(attrs.get('label', node))}, "
                     f"shape={SHAPES.get(attrs.get('kind', ''), 'ellipse')}];")
    for u, v, attrs in sorted(g.edges(data=True)):
        extra = f", label={_dot_id(str(attrs['level']))}" if "level" in attrs else ""
        lines.append(f"  {_dot_id(u)} -> {_dot_id(v)} [class={_dot_id(attrs.get('kind', ''))}{extra}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_id(node: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", node)


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def to_mermaid(g: nx.DiGraph) -> str:
    brackets = {"skill": ('(["', '"])'), "credential": ('["', '"]'), "role": ('{{"', '"}}')}
    lines = ["flowchart LR"]
    for node, attrs in sorted(g.nodes(data=True)):
        left, right = brackets.get(attrs.get("kind", ""), ('["', '"]'))
        lines.append(f"  {_mermaid_id(node)}{left}{_mermaid_text(attrs.get('label', node))}{right}")
    for u, v, attrs in sorted(g.edges(data=True)):
        lines.append(f"  {_mermaid_id(u)} -->|{attrs.get('kind', '')}| {_mermaid_id(v)}")
    return "\n".join(lines) + "\n"


def to_graphml(g: nx.DiGraph) -> str:
    clean: nx.DiGraph[str] = nx.DiGraph()
    for node, attrs in sorted(g.nodes(data=True)):
        clean.add_node(node, **{k: v for k, v in attrs.items() if isinstance(v, (str, int, float))})
    for u, v, attrs in sorted(g.edges(data=True)):
        clean.add_edge(u, v, **{k: val for k, val in attrs.items() if isinstance(val, (str, int, float))})
    return "\n".join(nx.generate_graphml(clean)) + "\n"


def to_json(g: nx.DiGraph) -> str:
    doc: dict[str, Any] = {
        "schema_version": 1,
        "nodes": [{"id": n, **attrs} for n, attrs in sorted(g.nodes(data=True))],
        "edges": [{"source": u, "target": v, **attrs} for u, v, attrs in sorted(g.edges(data=True))],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"

