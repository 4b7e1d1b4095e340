"""Find catalog files and read them into model objects, each with its location.

Nothing is resolved here: references between objects are checked by
`catalog.py`. Problems found while reading (YAML syntax, bad bytes, schema) are
returned as values beside what could be read.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from skillstack.errors import InputError
from skillstack.fileio import CATALOG_FILE_LIMIT, find_files, read_input_bytes
from skillstack.model import CatalogInfo, Credential, Role, Skill, SourceRef
from skillstack.problems import Problem

if TYPE_CHECKING:  # imported when first read: a command served from the cache never loads it
    from skillstack.fastread import CatalogReader

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class RawCatalog:
    """Everything read from a set of catalog files, unresolved."""

    files: list[str] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    credentials: list[Credential] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    info: list[tuple[CatalogInfo, SourceRef]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # files that could not be read at all (syntax, encoding): the ids they seem to define, so
    # that references to those ids elsewhere are not reported as unknown one by one
    unread: dict[str, frozenset[str]] = field(default_factory=dict)


_ID_LINE = re.compile(rb"(?:^|[{,\s])id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)", re.MULTILINE)


def shipped_catalog() -> Path:
    """The catalog that ships inside the package (or, in a source checkout, the repo's)."""
    packaged = Path(__file__).parent / "catalog"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "catalog"


def default_paths() -> list[Path]:
    env = os.environ.get("SKILLSTACK_CATALOG")
    if env:
        return [Path(p) for p in env.split(os.pathsep) if p]
    return [shipped_catalog()]


def catalog_files(paths: Iterable[Path]) -> list[Path]:
    """Every YAML file under the given directories (recursively) and files, sorted, once each."""
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = find_files(path, YAML_SUFFIXES)
        elif path.exists():  # a file; anything else given by name is refused, with its kind, when read
            found = [path]
        else:
            raise InputError(f"{path}: no such file or directory; pass a catalog directory or YAML file")
        for file, key in zip(found, resolve_paths(found), strict=True):
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


def resolve_paths(files: Iterable[Path]) -> list[Path]:
    """`file.resolve()` of each file, each folder resolved once: a file that is not a link
    resolves to its folder's real path and its name (a catalog of 285 files under a linked
    folder took 1,140 `realpath` walks, a third of a warm `plan`)."""
    folders: dict[Path, Path] = {}
    out: list[Path] = []
    for file in files:
        real = folders.get(file.parent)
        if real is None:
            real = folders[file.parent] = file.parent.resolve()
        out.append(file.resolve() if file.name in ("", ".", "..") or file.is_symlink() else real / file.name)
    return out


def display_path(path: Path, resolved: Path | None = None, cwd: Path | None = None) -> str:
    """A path as the user would write it: relative to the working directory when inside it.
    `resolved` (the path's real path) and `cwd` (the working directory's) save resolving them."""
    try:
        return str((resolved or path.resolve()).relative_to(cwd or Path.cwd().resolve()))
    except ValueError:
        return str(path)


_fast: CatalogReader | Literal[False] | None = None


def _fast_reader() -> CatalogReader | None:
    """The fast reader (compiled once), or None where its parsers (rapidyaml, msgspec) cannot be
    imported: a broken install still reads, every file with the located reader."""
    global _fast
    if _fast is None:
        try:
            from skillstack.fastread import CatalogReader

            _fast = CatalogReader()  # (it imports the parsers: an ImportError comes from here)
        except ImportError:
            _fast = False
    return _fast or None


def read_file(path: Path, data: bytes, raw: RawCatalog, fast: bool = True, *,
              place: tuple[Path, str] | None = None) -> None:
    """Read one catalog file into `raw`: through the fast reader when it can take the file
    exactly (`fastread`), else the located reader; `fast=False` always uses the located one.
    `place`: the file's real path and its name as shown, when the caller has them already."""
    if place is None:
        real = path.resolve()  # once: display_path and the locator both need it (a realpath walk each)
        place = real, display_path(path, real)
    real, name = place
    raw.files.append(name)
    reader = _fast_reader() if fast else None
    if reader is not None:
        from skillstack.locate import LazyRef, Locator

        locator = Locator(name, str(real), data)
        values = reader.read(data, locator)
        if values is not None:
            _add(raw, values, LazyRef(locator, ()))
            return
    _read_located(name, data, raw)


def _add(raw: RawCatalog, values: dict[str, Any], where: SourceRef) -> None:
    raw.skills.extend(values.get("skills", ()))
    raw.credentials.extend(values.get("credentials", ()))
    raw.roles.extend(values.get("roles", ()))
    if "catalog" in values:
        raw.info.append((values["catalog"], where))


def _read_located(name: str, data: bytes, raw: RawCatalog) -> None:
    # imported here: a command served from the cache never loads the YAML reader or the schema
    from skillstack.schema import CATALOG_FILE, INVALID, Ctx
    from skillstack.yamlread import MapNode, ScalarNode, read_bytes

    result = read_bytes(data, name)
    raw.problems.extend(result.problems)
    if result.problems:
        raw.unread[name] = frozenset(m.decode("ascii") for m in _ID_LINE.findall(data))
        return
    root = result.root
    if root is None or (isinstance(root, ScalarNode) and root.value is None):
        raw.problems.append(Problem(name, 1, 1, "warning", "empty-file",
                                    "the file is empty; add skills, credentials or roles, or delete it"))
        return
    if not isinstance(root, MapNode):
        raw.problems.append(Problem(name, root.line, root.col, "error", "schema",
                                    "a catalog file must be a mapping with skills, credentials or roles lists"))
        return
    ctx = Ctx(name)
    values = CATALOG_FILE.convert(root, ctx)
    raw.problems.extend(ctx.problems)
    if values is INVALID:
        return
    _add(raw, values, SourceRef(name, root.line, root.col))


def iter_file_bytes(files: Iterable[Path]) -> Iterator[tuple[Path, bytes]]:
    for file in files:
        yield file, read_input_bytes(file, what="catalog file", limit=CATALOG_FILE_LIMIT)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Building a large catalog makes millions of objects and no cycles; the cyclic
    garbage collector would rescan them all again and again (4x slower at 50,000
    credentials), so it waits until they are built, and they are then left out of its
    scans (`gc.freeze`): reporting or planning after a large load would otherwise pay
    about half a second of full collections over a heap that holds no garbage for it.
    Reference counting still frees them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def load_raw(paths: Iterable[Path], fast: bool = True) -> RawCatalog:
    """Read every catalog file under `paths` (`fast=False`: only with the located reader)."""
    raw = RawCatalog()
    with paused_gc():
        for file, data in iter_file_bytes(catalog_files(paths)):
            read_file(file, data, raw, fast)
    return raw
