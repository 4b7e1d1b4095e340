"""`skillstack import ctdl|badges|onet|esco` and `skillstack export ctdl`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from skillstack.cli.app import app
from skillstack.cli.options import CatalogOpt, Fmt, FormatOpt, catalog_paths
from skillstack.cli.output import warn, write
from skillstack.errors import InputError

import_app = typer.Typer(help="Import credentials, a learner's badges, or O*NET / ESCO roles and skills.\n\n"
                         "Example: skillstack import ctdl registry/*.json --output catalog/imported/",
                         no_args_is_help=True)
export_app = typer.Typer(help="Export the catalog in other formats.\n\n"
                         "Example: skillstack export ctdl --output credentials.jsonld", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(export_app, name="export")


def read_json(path: Path) -> Any:
    """A JSON input file (a byte-order mark allowed), or a one-line InputError naming file:line:col."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; give the JSON files inside it") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: byte {exc.start} is not UTF-8; save the file as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: not JSON ({exc.msg})") from None


def _json_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.json") if p.is_file()))
        else:
            out.append(path)
    return out


def _roles_by_onet(catalog: list[Path] | None) -> dict[str, list[str]]:
    from skillstack.cache import load_catalog

    by_code: dict[str, list[str]] = {}
    for role in load_catalog(catalog_paths(catalog)).catalog.roles:
        if role.onet:
            by_code.setdefault(role.onet, []).append(role.id)
    return by_code


@import_app.command("ctdl")
def import_ctdl(
    paths: list[Path] = typer.Argument(..., help="CTDL JSON-LD files (records, @graph bundles, registry "
                                       "envelopes) or folders of them."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder to write the catalog YAML files to."),
    lenient: bool = typer.Option(False, "--lenient", help="Targets not in the input are warnings, not errors."),
    catalog: list[Path] | None = CatalogOpt,
    fmt: Fmt = FormatOpt,
) -> None:
    """Turn CTDL credential records into catalog YAML that passes `validate`.

    One YAML file is written per input file. Requirements whose targets are in
    none of the inputs are errors (exit 2, nothing written) unless --lenient.
    Occupations are linked to the roles of --catalog with the same O*NET code.

    Example: skillstack import ctdl registry/*.json --output catalog/imported/
    """
    from skillstack.fileio import write_text_atomic
    from skillstack.importers.ctdl import import_ctdl as run
    from skillstack.importers.yamlout import dump_catalog

    files = _json_files(paths)
    if not output.is_dir():
        raise InputError(f"{output}: no such folder; create it first")
    result = run([(str(f), read_json(f)) for f in files], lenient=lenient, roles_by_onet=_roles_by_onet(catalog))
    written: list[str] = []
    if not result.unresolved:
        for stem, records in result.files.items():
            target = output / f"{stem}.yaml"
            header = (f"Imported by `skillstack import ctdl` from {records[0]['x-ctdl']['file']}.\n"
                      "Every credential cites its CTDL record in `sources`; x-ctdl keeps the CTID and notes.")
            write_text_atomic(target, dump_catalog(header, credentials=records))
            written.append(str(target))
    _report(fmt, result.notices, {"written": written, "credentials": result.credentials if written else 0})
    if result.unresolved:
        if fmt is Fmt.text:
            typer.echo(f"skillstack: nothing written: {len(result.unresolved)} target(s) are not in the input; "
                       "import their records too, or use --lenient to keep them as notes", err=True)
        raise typer.Exit(2)


def _report(fmt: Fmt, notices: list[Any], summary: dict[str, Any]) -> None:
    if fmt is Fmt.json:
        from skillstack.report.jsonify import dumps

        write(dumps({"schema_version": 1, **summary, "notices": [n.as_json() for n in sorted(notices)]}))
        return
    for notice in sorted(notices):
        warn(str(notice)) if notice.level == "warning" else typer.echo(f"skillstack: error: {notice}", err=True)
    for path in summary.get("written", []):
        typer.echo(f"wrote {path}")
