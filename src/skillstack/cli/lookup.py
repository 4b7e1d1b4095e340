from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from skillstack.cli import completion
from skillstack.cli.app import app, keep_until_exit
from skillstack.cli.options import CatalogOpt, Fmt, FormatOpt, catalog_paths
from skillstack.cli.output import print_report, warn, write_or_save
from skillstack.errors import ExitCode


class Kind(str, Enum):
    skill = "skill"
    credential = "credential"
    role = "role"


class SchemaKind(str, Enum):
    catalog = "catalog"
    profile = "profile"


@app.command()
def search(
    text: str = typer.Argument(..., help="What to look for: a name, id, alias or issuer, misspelt or not."),
    kind: list[Kind] | None = typer.Option(None, "--kind", "-k", help="Only this kind (repeatable)."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="How many results."),
    catalog: list[Path] | None = CatalogOpt,
    fmt: Fmt = FormatOpt,
) -> None:
    """Find skills, credentials and roles by fuzzy text.

    Examples:

    \b
      skillstack search "gogle data analytcs" --kind credential
      skillstack search cyber --kind role --format json
    """
    from skillstack.cache import load_catalog
    from skillstack.cli.output import note
    from skillstack.lookup import KINDS
    from skillstack.lookup import search as run_search
    from skillstack.report.outputs import SEARCH, SearchReport

    cat = load_catalog(catalog_paths(catalog), progress=note).catalog
    keep_until_exit(cat)
    kinds = tuple(k.value for k in kind) if kind else KINDS
    hits = run_search(cat, text, kinds, limit)
    print_report(SEARCH.report(fmt.value, SearchReport(text, hits)))
    if not hits:  # the documented "no", in every format
        raise typer.Exit(ExitCode.NO)


@app.command()
def show(
    ident: str = typer.Argument(..., metavar="ID", autocompletion=completion.anything, help="Id (or name, or alias) of a skill, credential or role."),
    catalog: list[Path] | None = CatalogOpt,
    fmt: Fmt = FormatOpt,
) -> None:
    """Show one skill, credential or role in full: facts, sources, what it leads to.

    Examples:

    \b
      skillstack show comptia-security-plus
      skillstack show "security plus" --format json
    """
    from skillstack.cache import load_catalog
    from skillstack.cli.output import note
    from skillstack.lookup import find
    from skillstack.report.outputs import SHOW, ShowReport

    cat = load_catalog(catalog_paths(catalog), progress=note).catalog
    keep_until_exit(cat)
    obj, warning = find(cat, ident)
    if warning:
        warn(warning)
    print_report(SHOW.report(fmt.value, ShowReport(cat, obj)))


@app.command()
def schema(
    kind: SchemaKind = typer.Argument(SchemaKind.catalog, help="Which file: catalog or profile."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
) -> None:
    """Print the JSON Schema of catalog or profile files, for editors.

    Generated from the same schema the loader checks with.

    Examples:

    \b
      skillstack schema catalog -o skillstack-catalog.schema.json
      skillstack schema profile -o skillstack-profile.schema.json
    """
    from skillstack.report.jsonify import json_text
    from skillstack.schema import json_schema

    write_or_save(json_text(json_schema(kind.value)), output)
    if output is not None:
        typer.echo(f"wrote {output}", err=True)
