"""`skillstack import ctdl|badges|onet|esco` and `skillstack export ctdl`."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from skillstack.cli.app import app
from skillstack.cli.options import CatalogOpt, Fmt, FormatOpt, catalog_paths, parse_date
from skillstack.cli.output import print_report, warn, write_or_save
from skillstack.errors import ExitCode, InputError
from skillstack.fileio import PROFILE_LIMIT, read_input_bytes

if TYPE_CHECKING:
    from skillstack.importers.badges import BadgeResult, Fetch
    from skillstack.importers.esco import EscoImport
    from skillstack.importers.held import HeldUpdate
    from skillstack.importers.onet import OnetImport

IMPORT_LIMIT = 64 * 1024 * 1024  # one JSON or badge file; CTDL exports of whole registries stay below
TABLE_LIMIT = 1024 * 1024 * 1024  # one O*NET or ESCO table; the largest are tens of megabytes

import_app = typer.Typer(help="Import credentials, a learner's badges, or O*NET / ESCO roles and skills.\n\n"
                         "Example: skillstack import ctdl registry/*.json --output catalog/imported/",
                         no_args_is_help=True)
export_app = typer.Typer(help="Export the catalog in other formats.\n\n"
                         "Example: skillstack export ctdl --output credentials.jsonld", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(export_app, name="export")


def read_json(path: Path) -> object:
    """A JSON input file's value (a byte-order mark allowed), or a one-line InputError naming file:line:col."""
    raw = read_input_bytes(path, what="JSON file", limit=IMPORT_LIMIT)
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
    from skillstack.lookup import roles_by_onet

    return roles_by_onet(load_catalog(catalog_paths(catalog)).catalog)


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
    Occupations (occupationType) are linked to the roles of --catalog with the
    same O*NET-SOC code (or 6-digit SOC code); a code no role has is a warning.
    Records written by `export ctdl` come back field for field (docs/ctdl.md).

    Examples:

    \b
      skillstack import ctdl registry/*.json --output catalog/imported/
      skillstack import ctdl credential.jsonld --lenient -o catalog/imported/ --format json
    """
    from skillstack.fileio import write_text_atomic
    from skillstack.importers.ctdl import import_ctdl as run
    from skillstack.report.outputs import IMPORT_CTDL, CtdlReport

    files = _json_files(paths)
    if not output.is_dir():
        raise InputError(f"{output}: no such folder; create it first")
    result = run([(str(f), read_json(f)) for f in files], lenient=lenient, roles_by_onet=_roles_by_onet(catalog))
    written: list[str] = []
    for stem, text in result.catalog_files().items():
        write_text_atomic(output / f"{stem}.yaml", text)
        written.append(str(output / f"{stem}.yaml"))
    print_report(IMPORT_CTDL.report(fmt.value, CtdlReport(result, written)))
    if result.unresolved:
        raise typer.Exit(ExitCode.USAGE)


def _all_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        elif path.exists():  # a file; anything else is refused, with its kind, when read
            out.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return out


def _fetcher(files: dict[Path, bytes], resolve: list[str]) -> Fetch:
    """URL -> document, from the input files (by their ids) and --resolve PREFIX=FOLDER only."""
    from skillstack.importers.badges import local_fetcher

    prefixes: list[tuple[str, Path]] = []
    for item in resolve:
        prefix, sep, folder = item.partition("=")
        if not sep or not Path(folder).is_dir():
            raise InputError(f"--resolve {item!r}: write it as URL-PREFIX=FOLDER, with a folder that exists")
        prefixes.append((prefix, Path(folder)))
    return local_fetcher(files.values(), prefixes,
                         lambda target: read_input_bytes(target, what="badge file", limit=IMPORT_LIMIT))


@import_app.command("badges")
def import_badges(
    paths: list[Path] = typer.Argument(..., help="Badge files (JSON, JWS/JWT, baked PNG or SVG) or folders, "
                                       "with any badge classes, issuers, keys and status lists they need."),
    profile: Path | None = typer.Option(None, "--profile", "-p", help="Profile to add the held credentials to "
                                        "(edited in place, comments kept)."),
    resolve: list[str] | None = typer.Option(None, "--resolve", metavar="URL-PREFIX=FOLDER",
                                             help="Read documents under this URL prefix from this folder "
                                             "(repeatable); nothing is fetched from the network."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Also write fuzzy matches."),
    today: str | None = typer.Option(None, "--today", metavar="YYYY-MM-DD", help="Judge expiry on this date."),
    catalog: list[Path] | None = CatalogOpt,
    fmt: Fmt = FormatOpt,
) -> None:
    """Check a learner's Open Badges 2.0 / 3.0 and CLR 2.0 credentials offline, and add them to a profile.

    Each file gets a verdict: verified, unverifiable-offline (and why), expired,
    not-yet-valid, revoked, tampered, invalid; badge classes, issuers, keys and
    status lists are `supporting`. With --profile, verified, unverifiable and
    expired badges that match a catalog credential are written as held
    credentials with their earned and expiry dates. Exit 1 when a badge is
    tampered, invalid or revoked.

    Examples:

    \b
      skillstack import badges ~/badges/ --profile me.yaml
      skillstack import badges badge.json --profile me.yaml --yes --resolve https://badges.example.org/=mirror/
    """
    from datetime import datetime, time

    from skillstack.importers.badges import check_file
    from skillstack.report.outputs import IMPORT_BADGES, BadgesReport

    files = {path: read_input_bytes(path, what="badge file", limit=IMPORT_LIMIT) for path in _all_files(paths)}
    fetch = _fetcher(files, resolve or [])
    day = parse_date(today, "--today")
    now = datetime.combine(day, time(12), UTC) if day else datetime.now(UTC)
    results = [check_file(str(path), data, fetch, now) for path, data in files.items()]
    update = _write_held(profile, results, yes, catalog) if profile is not None else None
    print_report(IMPORT_BADGES.report(fmt.value, BadgesReport(results, update)))
    if any(r.verdict in ("tampered", "invalid", "revoked") for r in results):
        raise typer.Exit(ExitCode.NO)


def _write_held(profile: Path, results: list[BadgeResult], yes: bool, catalog: list[Path] | None) -> HeldUpdate:
    from skillstack.cache import load_catalog
    from skillstack.fileio import write_text_atomic
    from skillstack.importers.held import add_held, held_update

    update = held_update(results, load_catalog(catalog_paths(catalog)).catalog, yes)
    for warning in update.held_back:
        warn(warning)
    if not update.changes:
        return update
    try:
        text = read_input_bytes(profile, what="profile", limit=PROFILE_LIMIT).decode("utf-8") if profile.exists() else ""
    except UnicodeDecodeError as exc:
        raise InputError(f"{profile}: byte {exc.start} is not UTF-8; save the profile as UTF-8") from None
    write_text_atomic(profile, add_held(text, list(update.changes), str(profile)))
    return update


def _table(folder: Path, pattern: str, delimiter: str) -> list[dict[str, str]]:
    from skillstack.importers.tables import table_rows

    found = sorted(folder.glob(pattern))
    if not found:
        raise InputError(f"{folder}: no file matching {pattern}; give the folder of the extract")
    return table_rows(str(found[0]), read_input_bytes(found[0], what="table", limit=TABLE_LIMIT), delimiter)


def _write_catalog(output: Path, name: str, header: str, result: OnetImport | EscoImport) -> Path:
    from skillstack.fileio import write_text_atomic
    from skillstack.importers.yamlout import dump_catalog

    if not output.is_dir():
        raise InputError(f"{output}: no such folder; create it first")
    target = output / name
    write_text_atomic(target, dump_catalog(header, skills=result.skills, roles=result.roles))
    return target


@import_app.command("onet")
def import_onet(
    folder: Path = typer.Argument(..., help="Folder of the O*NET extract (occupation_data, skills, "
                                  "technology_skills, content_model_reference as TSV)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder to write onet.yaml to."),
    occupation: list[str] | None = typer.Option(None, "--occupation", help="Only this O*NET-SOC code (repeatable)."),
    fmt: Fmt = FormatOpt,
) -> None:
    """Turn O*NET occupations into roles and their skills into catalog skills.

    Importance and level map to essential/important/optional and levels 1-4 by
    the rule in the README; in-demand technology skills become requirements too.

    Examples:

    \b
      skillstack import onet onet-29.2/ --output catalog/onet/
      skillstack import onet onet-29.2/ --occupation 15-2051.01 -o catalog/onet/ --format json
    """
    from skillstack.importers.onet import ATTRIBUTION
    from skillstack.importers.onet import import_onet as run
    from skillstack.report.outputs import IMPORT_ONET, TableImportReport

    result = run(_table(folder, "occupation_data*.tsv", "\t"), _table(folder, "skills*.tsv", "\t"),
                 _table(folder, "technology_skills*.tsv", "\t"), _table(folder, "content_model_reference*.tsv", "\t"),
                 set(occupation) if occupation else None)
    target = _write_catalog(output, "onet.yaml", f"Imported by `skillstack import onet`.\n{ATTRIBUTION}", result)
    print_report(IMPORT_ONET.report(fmt.value, TableImportReport(target, len(result.skills), len(result.roles))))


@import_app.command("esco")
def import_esco(
    folder: Path = typer.Argument(..., help="Folder of the ESCO CSV extract (skill collections, skillsHierarchy, "
                                  "broaderRelationsSkillPillar, occupations, occupation-skill relations)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder to write esco.yaml to."),
    fmt: Fmt = FormatOpt,
) -> None:
    """Turn ESCO occupations into roles and ESCO skills (with their hierarchy) into catalog skills.

    Essential skills are required at level 2, optional ones at level 1 (ESCO has
    no proficiency levels).

    Examples:

    \b
      skillstack import esco esco-1.2.0/ --output catalog/esco/
      skillstack import esco esco-1.2.0/ -o catalog/esco/ --format json
    """
    from skillstack.importers.esco import ATTRIBUTION
    from skillstack.importers.esco import import_esco as run
    from skillstack.report.outputs import IMPORT_ESCO, TableImportReport

    skills = _table(folder, "digitalSkillsCollection*.csv", ",")
    skills += _table(folder, "transversalSkillsCollection*.csv", ",")
    result = run(skills, _table(folder, "skillsHierarchy*.csv", ","), _table(folder, "broaderRelations*.csv", ","),
                 _table(folder, "occupations*.csv", ","), _table(folder, "occupation_skill_relations*.csv", ","))
    target = _write_catalog(output, "esco.yaml", f"Imported by `skillstack import esco`.\n{ATTRIBUTION}", result)
    print_report(IMPORT_ESCO.report(fmt.value, TableImportReport(target, len(result.skills), len(result.roles),
                                                                 result.unresolved)))


@export_app.command("ctdl")
def export_ctdl(
    catalog: list[Path] | None = CatalogOpt,
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
) -> None:
    """Write the catalog's credentials as one CTDL JSON-LD @graph document.

    `skillstack import ctdl` reads it back to the same credentials, every field:
    CTDL terms where CTDL has them, `skillstack:` extension properties for the
    rest (docs/ctdl.md lists which).

    Examples:

    \b
      skillstack export ctdl --output credentials.jsonld
      skillstack export ctdl --catalog my-catalog/ -o my-credentials.jsonld
    """
    from skillstack.cache import load_catalog
    from skillstack.importers.ctdl_export import export_ctdl as run
    from skillstack.report.jsonify import json_text

    cat = load_catalog(catalog_paths(catalog)).catalog
    write_or_save(json_text(run(cat.credentials, cat.roles), indent=1), output)
