"""Load a catalog for the commands that read one, through a cache.

Reading a 50,000-credential catalog takes seconds; the loaded and checked
catalog is cached under the user's cache directory, keyed by the files' paths
and contents and skillstack's version, written atomically (temp file, then
rename), and rebuilt when stale or unreadable. `SKILLSTACK_CACHE_DIR` moves
the cache; `SKILLSTACK_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from skillstack import __version__
from skillstack.catalog import Catalog
from skillstack.errors import InputError
from skillstack.fileio import write_bytes_atomic
from skillstack.loader import RawCatalog, catalog_files, iter_file_bytes, paused_gc, read_file

CACHE_FORMAT = 1


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
    files = catalog_files(paths)
    if not files:
        raise InputError(f"no catalog files (*.yaml) under {', '.join(str(p) for p in paths)}")
    contents = list(iter_file_bytes(files))
    use_cache = os.environ.get("SKILLSTACK_NO_CACHE") != "1"
    # the working directory is in the key because locations are shown relative to it
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{__version__}:{Path.cwd()}".encode())
    for file, data in contents:
        digest.update(str(file.resolve()).encode() + b"\0" + hashlib.sha256(data).digest())
    cache_file = cache_dir() / f"catalog-{digest.hexdigest()[:32]}.pickle"
    if use_cache and cache_file.is_file():
        try:
            with paused_gc():
                loaded = pickle.loads(cache_file.read_bytes())
            if isinstance(loaded, Loaded):
                loaded.from_cache = True
                return loaded
        except Exception:  # noqa: BLE001, S110 - a corrupt cache is rebuilt, never fatal
            pass
    raw = RawCatalog()
    with paused_gc():
        for file, data in contents:
            read_file(file, data, raw)
        loaded = _check(raw)
    if use_cache:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(cache_file, pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, InputError):
            pass  # a read-only cache directory only costs speed
    return loaded
