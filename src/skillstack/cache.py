"""Load a catalog for the commands that read one, through a cache.

Reading a 50,000-credential catalog takes seconds; the loaded and checked
catalog is cached under the user's cache directory, keyed by the files' paths
and contents and skillstack's version, written atomically (temp file, then
rename), and rebuilt when stale or unreadable. `SKILLSTACK_CACHE_DIR` moves
the cache; `SKILLSTACK_NO_CACHE=1` turns it off.

Hashing 40 MB of YAML costs a tenth of a second, so a small stamp file, named
after the files' paths, sizes, change times and inodes, remembers which content
key they had: while none of those move, the files are not read at all. The
KEEP most recently used catalogs stay; older ones are deleted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from skillstack import __version__
from skillstack.catalog import Catalog
from skillstack.errors import InputError
from skillstack.fileio import write_bytes_atomic
from skillstack.loader import RawCatalog, catalog_files, iter_file_bytes, paused_gc, read_file

CACHE_FORMAT = 5
KEEP = 4


@dataclass
class Loaded:
    catalog: Catalog
    warnings: int
    from_cache: bool = False


def cache_dir() -> Path:
    env = os.environ.get("SKILLSTACK_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("skillstack"))


def _check(raw: RawCatalog) -> Loaded:
    from skillstack.validate.service import check_raw

    result = check_raw(raw)
    errors = [p for p in result.problems if p.level == "error"]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InputError(f"the catalog has errors: {errors[0]}{more}; run `skillstack validate` to see them all")
    return Loaded(result.catalog, result.warnings)


def load_catalog(paths: Iterable[Path]) -> Loaded:
    """The checked catalog under `paths`; InputError if it has errors."""
    paths = list(paths)
    files = catalog_files(paths)
    if not files:
        raise InputError(f"no catalog files (*.yaml) under {', '.join(str(p) for p in paths)}")
    if os.environ.get("SKILLSTACK_NO_CACHE") == "1":
        return _build(list(iter_file_bytes(files)))
    folder = cache_dir()
    stamp, newest = _stamp(files)
    stamp_file = folder / f"stamp-{stamp}"
    try:  # the files are as they were when their contents were last hashed: skip reading them
        cache_file = folder / f"catalog-{stamp_file.read_text(encoding='ascii').strip()}.pickle"
        loaded = _read_cache(cache_file)
        if loaded is not None:
            os.utime(cache_file)  # recently used: kept by _prune
            return loaded
    except (OSError, UnicodeDecodeError):
        pass
    contents = list(iter_file_bytes(files))
    digest = _digest(contents)
    cache_file = folder / f"catalog-{digest}.pickle"
    loaded = _read_cache(cache_file)
    if loaded is None:
        loaded = _build(contents)
        _write(cache_file, pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(folder)
    if time.time() - newest > RACY_SECONDS:
        _write(stamp_file, digest.encode("ascii"))
    return loaded


RACY_SECONDS = 2.0
"""A file changed this recently could change again within its timestamp's resolution
without its size or time moving: such files are always read and hashed."""


def _keyed() -> hashlib._Hash:
    """A hash started with what every key depends on besides the files: the cache format,
    skillstack's version and the working directory (locations are shown relative to it)."""
    return hashlib.sha256(f"{CACHE_FORMAT}:{__version__}:{Path.cwd()}".encode())


def _stamp(files: list[Path]) -> tuple[str, float]:
    """What the file system says of the files (path, size, times changed, inode), hashed;
    and the newest of those times."""
    digest = _keyed()
    newest = 0.0
    for file in files:
        try:
            st = file.stat()
        except OSError as exc:
            raise InputError(f"{file}: cannot read ({exc.strerror}); check the path and permissions") from exc
        digest.update(f"{file.resolve()}\0{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}\0".encode())
        newest = max(newest, st.st_mtime, st.st_ctime)
    return digest.hexdigest()[:32], newest


def _digest(contents: list[tuple[Path, bytes]]) -> str:
    """The cache key: `_keyed`, then each file's path and contents."""
    digest = _keyed()
    for file, data in contents:
        digest.update(str(file.resolve()).encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:32]


def _read_cache(cache_file: Path) -> Loaded | None:
    try:
        data = cache_file.read_bytes()
        with paused_gc():
            loaded = pickle.loads(data)
    except Exception:  # noqa: BLE001 - a missing or corrupt cache is rebuilt, never fatal
        return None
    if not isinstance(loaded, Loaded):
        return None
    loaded.from_cache = True
    return loaded


def _build(contents: list[tuple[Path, bytes]]) -> Loaded:
    raw = RawCatalog()
    with paused_gc():
        for file, data in contents:
            read_file(file, data, raw)
        return _check(raw)


def _prune(folder: Path) -> None:
    """Delete all but the KEEP most recently used catalogs, and the stamps pointing nowhere."""
    try:
        catalogs = sorted(folder.glob("catalog-*.pickle"), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in catalogs[KEEP:]:
            old.unlink(missing_ok=True)
        kept = {f.stem.removeprefix("catalog-") for f in catalogs[:KEEP]}
        for stamp in folder.glob("stamp-*"):
            if stamp.read_text(encoding="ascii").strip() not in kept:
                stamp.unlink(missing_ok=True)
    except (OSError, UnicodeDecodeError):
        pass  # another process got there first, or the folder is read-only: only costs disk


def _write(file: Path, data: bytes) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(file, data, private=True)
    except (OSError, InputError):
        pass  # a read-only cache directory only costs speed
