from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from skillstack.cli.app import app, keep_until_exit
from skillstack.cli.options import CatalogOpt, catalog_paths, parse_date
from skillstack.cli.output import print_report, warn
from skillstack.errors import UsageError


class GraphFmt(str, Enum):
    dot = "dot"
    mermaid = "mermaid"
    graphml = "graphml"
    json = "json"


@app.command()
def graph(
    role: str | None = typer.Option(None, "--role", "-r", help="Only this role's neighbourhood."),
    profile: Path | None = typer.Option(None, "--profile", "-p", help="The pathway planned for this profile."),
    fmt: GraphFmt = typer.Option(GraphFmt.dot, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    today: str | None = typer.Option(None, "--today", help="Plan date for --profile.", metavar="YYYY-MM-DD"),
    catalog: list[Path] | None = CatalogOpt,
) -> None:
    """Export the catalog, a role's neighbourhood, or one pathway as a graph.

    DOT (Graphviz), Mermaid, GraphML (Gephi, yEd) or JSON (node-link).

    Examples:

    \b
      skillstack graph --role data-analyst --format mermaid
      skillstack graph --profile me.yaml --format dot -o pathway.dot
      skillstack graph --format graphml -o catalog.graphml
    """
    from datetime import date

    from skillstack.cache import load_catalog
    from skillstack.cli.output import note
    from skillstack.graph_view import graph_view
    from skillstack.report.outputs import GRAPH, GraphReport

    if role and profile:
        raise UsageError("--role and --profile each choose a graph; pass one of them")
    cat = load_catalog(catalog_paths(catalog), progress=note).catalog
    keep_until_exit(cat)
    learner = None
    if profile is not None:
        from skillstack.profile import read_learner

        learner, readings = read_learner(cat, profile)
        for message in readings:
            warn(message)
    view = graph_view(cat, role, learner, parse_date(today, "--today") or date.today())
    for message in view.warnings:
        warn(message)
    print_report(GRAPH.report(fmt.value, GraphReport(view.graph)), output)
