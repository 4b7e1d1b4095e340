"""Load a catalog for the commands that read one, through a cache.

Reading a 50,000-credential catalog takes seconds; the loaded and checked
catalog is cached under the user's cache directory, keyed by the files'
resolved paths and contents, skillstack's version and the model's shape (not
the working directory: locations are shown relative to it when read back),
written atomically (temp file, then rename), and rebuilt when stale, damaged
or not ours. `SKILLSTACK_CACHE_DIR` moves the cache; `SKILLSTACK_NO_CACHE=1`
turns it off.

The cache is data only (MessagePack: plain values, never code). One file per
catalog holds every object on its own with an index, so a command reads and
decodes only the objects it touches (with `pread`: memory stays flat in the
catalog's size); each object carries a CRC.

Safety on shared folders: the cache directory is created with mode 0700 and is
used only when it is the user's own and writable by nobody else; a cache or
stamp file is read only when it is a regular file owned by the user and not
writable by others. Anything else there is ignored and never deleted. Temp
files left by a killed writer are removed once they are old.

Hashing 40 MB of YAML costs a tenth of a second, so a small stamp file, named
after the files' paths, sizes, change times and inodes, remembers which content
key they had: while none of those move, the files are not read at all. The
KEEP most recently used catalogs stay; older ones are deleted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import os
import re
import stat
import struct
import sys
import threading
import time
import types
import typing
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from itertools import islice, repeat
from operator import gt, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from skillstack import __version__, locate, model
from skillstack.catalog import Catalog, Grants, Record, Stacks, Values
from skillstack.errors import InputError
from skillstack.fileio import write_atomic_with, write_bytes_atomic
from skillstack.loader import (
    RawCatalog,
    catalog_files,
    display_path,
    iter_file_bytes,
    paused_gc,
    read_file,
    resolve_paths,
)
from skillstack.locate import LazyRef, Locator, places

if TYPE_CHECKING:
    import hashlib

try:  # SHA-256 as CPython builds it in, without hashlib's loading OpenSSL (2-3 ms of a warm plan)
    from _sha256 import sha256  # CPython 3.11
except ImportError:  # pragma: no cover - another Python
    try:
        from _sha2 import sha256  # CPython 3.12 and later
    except ImportError:
        from hashlib import sha256

CACHE_FORMAT = 11
KEEP = 4
ORPHAN_SECONDS = 600.0
"""A temp file this old was left by a writer that died (a write takes about a second)."""
SUFFIX = ".skc"


@dataclass
class Loaded:
    catalog: Catalog
    from_cache: bool = False


def cache_dir() -> Path:
    """$SKILLSTACK_CACHE_DIR, else the user's cache folder as platformdirs names it. On Linux with
    no $XDG_CACHE_HOME and an absolute $HOME that is $HOME/.cache/skillstack, said here: importing
    platformdirs (and the tempfile and shutil it imports) costs 5-10 ms of every warm command."""
    env = os.environ.get("SKILLSTACK_CACHE_DIR")
    if env:
        return Path(env)
    home = os.environ.get("HOME", "")
    if (sys.platform == "linux" and "XDG_CACHE_HOME" not in os.environ and os.path.isabs(home)
            and "ANDROID_DATA" not in os.environ and not hasattr(sys, "getandroidapilevel")):
        return Path(home, ".cache", "skillstack")
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("skillstack"))


def _check(raw: RawCatalog) -> Loaded:
    from skillstack.validate.service import check_raw

    result = check_raw(raw, errors_only=True)  # commands that load a catalog show no warnings
    errors = [p for p in result.problems if p.level == "error"]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InputError(f"the catalog has errors: {errors[0]}{more}; run `skillstack validate` to see them all")
    return Loaded(result.catalog)


PROGRESS_AFTER = 1.0
"""Seconds a first load may take before `progress` is told what is going on."""


def load_catalog(paths: Iterable[Path], progress: Callable[[str], None] | None = None) -> Loaded:
    """The checked catalog under `paths`; InputError if it has errors. `progress` gets one
    line to show when reading and checking the files takes more than PROGRESS_AFTER seconds."""
    paths = list(paths)
    files = catalog_files(paths)
    if not files:
        raise InputError(f"no catalog files (*.yaml) under {', '.join(str(p) for p in paths)}")
    folder = cache_dir()
    if os.environ.get("SKILLSTACK_NO_CACHE") == "1" or not _usable_dir(folder):
        return _build(list(iter_file_bytes(files)), progress, cached=False)
    real = resolve_paths(files)
    cwd = Path.cwd().resolve()
    resolved = [str(path) for path in real]
    shown = [display_path(file, path, cwd) for file, path in zip(files, real, strict=True)]
    places = list(zip(real, shown, strict=True))  # resolved once, not again by each read
    stamp, newest = _stamp(files, resolved)
    stamp_file = folder / f"stamp-{stamp}"
    known = _read_owned(stamp_file, 100)
    if known is not None:  # the files are as they were when their contents were last hashed: skip reading them
        cache_file = folder / f"catalog-{known.decode('ascii', 'replace').strip()}{SUFFIX}"
        loaded = _open_cache(cache_file, resolved, shown)
        if loaded is not None:
            _touch(cache_file)
            return loaded
    contents = list(iter_file_bytes(files))
    digest = _digest(contents, resolved)
    cache_file = folder / f"catalog-{digest}{SUFFIX}"
    loaded = _open_cache(cache_file, resolved, shown)
    if loaded is None:
        loaded = _build(contents, progress, places=places)
        _write_with(cache_file, lambda out: pack_catalog(loaded, resolved, out))
        _housekeeping(folder)
    if time.time() - newest > RACY_SECONDS:
        _write(stamp_file, lambda: digest.encode("ascii"))
    return loaded


RACY_SECONDS = 2.0
"""A file changed this recently could change again within its timestamp's resolution
without its size or time moving: such files are always read and hashed."""


def _keyed() -> hashlib._Hash:
    """A hash started with what every key depends on besides the files: the cache format,
    skillstack's version and the shape of the model's classes."""
    return sha256(f"{CACHE_FORMAT}:{__version__}:{_fingerprint()}".encode())


def _stamp(files: list[Path], resolved: list[str]) -> tuple[str, float]:
    """What the file system says of the files (path, size, times changed, inode), hashed;
    and the newest of those times."""
    digest = _keyed()
    newest = 0.0
    for file, real in zip(files, resolved, strict=True):
        try:
            st = file.stat()
        except OSError as exc:
            raise InputError(f"{file}: cannot read ({exc.strerror}); check the path and permissions") from exc
        digest.update(f"{real}\0{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}\0".encode())
        newest = max(newest, st.st_mtime, st.st_ctime)
    return digest.hexdigest()[:32], newest


def _digest(contents: list[tuple[Path, bytes]], resolved: list[str]) -> str:
    """The cache key: `_keyed`, then each file's resolved path and contents."""
    digest = _keyed()
    for (_, data), real in zip(contents, resolved, strict=True):
        digest.update(real.encode() + b"\0" + sha256(data).digest())
    return digest.hexdigest()[:32]


def _build(contents: list[tuple[Path, bytes]], progress: Callable[[str], None] | None = None,
           cached: bool = True, places: list[tuple[Path, str]] | None = None) -> Loaded:
    """Read and check the files; `places`: each one's real path and name as shown, when known."""
    timer = None
    if progress is not None:
        import threading

        size = sum(len(data) for _, data in contents) / 1e6
        message = (f"reading and checking {len(contents)} catalog file{'s' * (len(contents) != 1)} ({size:.1f} MB)"
                   + ("; later runs use the cache" if cached else ""))
        from skillstack.quiet import audible

        # audible: the fast reader silences native output while rapidyaml parses a file
        timer = threading.Timer(PROGRESS_AFTER, audible(progress), (message,))
        timer.daemon = True
        timer.start()
    try:
        raw = RawCatalog()
        with paused_gc():
            for i, (file, data) in enumerate(contents):
                read_file(file, data, raw, place=None if places is None else places[i])
            return _check(raw)
    finally:
        if timer is not None:
            timer.cancel()


# ---- the cache directory: ours, or not used --------------------------------------------


def _uid() -> int | None:
    return os.getuid() if hasattr(os, "getuid") else None


def _safe(st: os.stat_result) -> bool:
    """Owned by the user and writable by nobody else."""
    uid = _uid()
    return (uid is None or st.st_uid == uid) and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _usable_dir(folder: Path) -> bool:
    """The cache directory exists (created 0700 if not) and is the user's alone to write."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _safe(st)


def _open_owned(file: Path) -> int | None:
    """A read-only descriptor of `file` when it is a regular file of ours that nobody else
    can write (never following a symlink); None otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(file, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
    except OSError:
        os.close(fd)
        return None
    if not stat.S_ISREG(st.st_mode) or not _safe(st):
        os.close(fd)
        return None
    return fd


def _read_owned(file: Path, limit: int) -> bytes | None:
    fd = _open_owned(file)
    if fd is None:
        return None
    try:
        return os.read(fd, limit)
    except OSError:
        return None
    finally:
        os.close(fd)


def _ours(file: Path) -> bool:
    try:
        st = file.lstat()
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and _safe(st)


def _touch(file: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(file)  # recently used: kept by _housekeeping


def _may_write(file: Path) -> bool:
    """Whether a cache file can be written at `file`: nothing not ours sits at its name, and its
    folder takes new files."""
    return not (file.exists() and not _ours(file)) and os.access(file.parent, os.W_OK)


def _write(file: Path, data: Callable[[], bytes]) -> None:
    """Write a cache file unless something not ours sits at its name; failures only cost speed."""
    if file.exists() and not _ours(file):
        return
    try:
        with paused_gc():  # a fresh heap of millions of objects: the collector would rescan it all
            payload = data()
        write_bytes_atomic(file, payload, private=True)
        os.chmod(file, 0o600)
    except (OSError, InputError, TypeError, ValueError):
        pass  # a read-only cache directory, or an object the codec cannot store: only costs speed


def _write_with(file: Path, fill: Callable[[BinaryIO], object]) -> None:
    """`_write` of what `fill` writes to the file as it makes it (a catalog: `pack_catalog`)."""
    if file.exists() and not _ours(file):
        return
    try:
        with paused_gc():  # a fresh heap of millions of objects: the collector would rescan it all
            write_atomic_with(file, fill, private=True)
        os.chmod(file, 0o600)
    except (OSError, InputError, TypeError, ValueError):
        pass  # a read-only cache directory, or an object the codec cannot store: only costs speed


def _housekeeping(folder: Path) -> None:
    """Delete all but the KEEP most recently used catalogs (and the tables derived from the
    others), stamps pointing nowhere, old temp files and caches of older formats: only regular
    files of ours with our names."""
    try:
        now = time.time()
        for temp in [*folder.glob(".catalog-*"), *folder.glob(".stamp-*"), *folder.glob(".derived-*")]:
            if _ours(temp) and now - temp.lstat().st_mtime > ORPHAN_SECONDS:
                temp.unlink(missing_ok=True)
        for old in folder.glob("catalog-*.pickle"):
            if _ours(old):
                old.unlink(missing_ok=True)
        catalogs = sorted((f for f in folder.glob(f"catalog-*{SUFFIX}") if _ours(f)),
                          key=lambda f: f.stat().st_mtime, reverse=True)
        for old in catalogs[KEEP:]:
            old.unlink(missing_ok=True)
        kept = {f.name.removeprefix("catalog-").removesuffix(SUFFIX) for f in catalogs[:KEEP]}
        for derived in folder.glob(f"derived-*{SUFFIX}"):  # tables derived from a catalog go with it
            if _ours(derived) and derived.name.split("-")[1] not in kept:
                derived.unlink(missing_ok=True)
        for stamp_file in folder.glob("stamp-*"):
            if _ours(stamp_file) and (_read_owned(stamp_file, 100) or b"").decode("ascii", "replace").strip() not in kept:
                stamp_file.unlink(missing_ok=True)
    except OSError:
        pass  # another process got there first: only costs disk


# ---- the codec: model objects <-> plain values --------------------------------------------


WRITE_AFTER = 48
"""How many objects of a class the cache unpacks by the general unpacker before writing out the
class's own (`_Codec._general`): writing one out costs 0.2-0.5 ms and saves a few microseconds an
object, so a warm plan (a few objects of most classes) writes out one or two, a bulk read all."""

Packed = tuple[Any, ...] | list[Any]
"""An object as stored: [class code, field values]; packers make tuples (cheaper to make and
free than lists), msgpack reads them back as lists."""


class _Codec:
    """Model dataclasses as lists of plain values: [class code, field values in order].

    Derived from the classes' type hints, so a field added to the model is stored
    without changes here (and changes `_fingerprint`, so old caches are not read)."""

    def __init__(self) -> None:
        classes = _classes()
        self.classes: list[type] = classes
        self.codes = {cls: i for i, cls in enumerate(classes)}
        self.packers: dict[type, Callable[[Any], Packed]] = {}
        self.rows: dict[int, Callable[[Any], Packed]] = {}  # class code -> an object's row (`_rows`)
        # class code -> its unpacker: the general one (`_general`), then its own (`_unpacker`)
        self.unpackers: list[Callable[[list[Any]], Any]] = [self._first_unpack] * len(classes)
        self._inlining: set[type] = set()  # unpacking: the row classes being written out in place
        self.files: dict[str, int] = {}
        self.shown: list[str] = []
        self.resolved: list[str] = []
        self.locators: dict[str | int, Locator] = {}
        self.keys: dict[str, int] = {}  # a path's mapping keys, stored as -1, -2, ... (one byte each)
        self.steps: dict[str | int, int] = {}  # a path's steps as stored (list indexes as they are)
        self.key_names: list[str] = []
        # a location (key, index, *tail) in a file is stored as one number, index * PLACES + the
        # number of its place in `locate.places` (see `_where_expression`); read back, the places
        self.place_rows: list[int] = []  # [number, file, key step, tail code] of each place, flat
        self.place_numbers: list[int] = []  # their numbers, in order
        self.tail_paths: list[tuple[str | int, ...]] = []
        self.place_refs: dict[int, tuple[Locator, str | int, tuple[str | int, ...]]] = {}
        self._ours: dict[Locator, bool] = {}  # packing: whether a file is one of the catalog's
        self._recorders: dict[type | None, Callable[..., Iterator[Packed]]] = {}  # `packed_with_records`

    def _converters(self, hint: Any) -> tuple[Callable[[Any], Any] | None, Callable[[Any], Any] | None]:
        """(pack, unpack) for a value of type `hint`; None where the value stays as it is."""
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if hasattr(hint, "__supertype__"):  # NewType
            return self._converters(hint.__supertype__)
        if origin in (typing.Union, types.UnionType):
            present = [a for a in args if a is not type(None)]
            if all(dataclasses.is_dataclass(a) and a is not model.SourceRef for a in present):
                return _optional(self.pack), _optional(self.unpack)
            if len(present) == 1:
                pack, unpack = self._converters(present[0])
                return _optional(pack), _optional(unpack)
            if all(a in (str, int, float, bool) for a in present):
                return None, None
        elif origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis and _row_class(args[0]):
                code = self.codes[args[0]]
                return lambda v: [self._row(code)(x) for x in v], self._rows(args[0])
            if len(args) == 2 and args[1] is Ellipsis:
                pack, unpack = self._converters(args[0])
                return (None if pack is None else lambda v: [pack(x) for x in v],
                        tuple if unpack is None else lambda v: tuple(unpack(x) for x in v))
            convs = [self._converters(a) for a in args]
            return (lambda v: [p(x) if p else x for (p, _), x in zip(convs, v, strict=True)],
                    lambda v: tuple(u(x) if u else x for (_, u), x in zip(convs, v, strict=True)))
        elif hint in (str, int, float, bool, type(None)):
            return None, None
        elif hint is date:
            return None, lambda v: date.fromisoformat(v)  # msgpack holds dates as ISO text
        elif hint is model.SourceRef:
            return self._pack_where, self._unpack_where
        elif isinstance(hint, type) and issubclass(hint, Enum):
            return None, hint  # msgpack holds an enum as its value
        elif dataclasses.is_dataclass(hint):
            return self.pack, self.unpack
        raise TypeError(f"the cache cannot store a field of type {hint}")

    def pack(self, obj: Any) -> Packed:
        packers = self.packers or self._compile()
        return packers[type(obj)](obj)

    def _row(self, code: int) -> Callable[[Any], Packed]:
        if not self.rows:
            self._compile()
        return self.rows[code]

    def _rows(self, cls: type) -> Callable[[list[list[Any]]], tuple[Any, ...]]:
        """The objects of a tuple of `cls` from their rows as stored (a row: the field values in
        order, without the class code that a value of a union needs): built by the class itself,
        each value converted first where its type needs it (worked out on first use: a class may
        hold itself)."""
        convert: list[tuple[int, Callable[[Any], Any]]] | None = None

        def objects(rows: list[list[Any]]) -> tuple[Any, ...]:
            nonlocal convert
            if convert is None:
                names, hints = _fields(self.codes[cls])
                convert = [(i, unpack) for i, name in enumerate(names)
                           if (unpack := self._converters(hints[name])[1]) is not None]
            if not convert:
                return tuple(itertools.starmap(cls, rows))
            for row in rows:
                for i, conv in convert:
                    row[i] = conv(row[i])
            return tuple(itertools.starmap(cls, rows))
        return objects

    def _compile(self) -> dict[type, Callable[[Any], Packed]]:
        """A packer for each class, from an object to [code, its field values in order, each
        converted], written out as one function like dataclasses writes `__init__`: packing
        50,000 credentials converts 1.5 million values, so nothing is called that need not be
        (None and empty tuples stay as they are, locations are packed by one closure).
        Compiled on first use: a warm load only unpacks."""
        classes, fields, _ = _shape()
        namespace: dict[str, Any] = {"P": self.packers, "R": self.rows, "W": self._where_packer(), "LZ": LazyRef,
                                     "PN": self.number}
        self._inlined: set[type] = set()
        self._helpers: list[str] = []
        source = []
        for cls, (names, hints) in zip(classes, fields, strict=True):
            code = self.codes[cls]
            values = [self._expression(hints[name], f"o.{name}", namespace) for name in names]
            source.append(f"def p{code}(o):\n    return ({', '.join([str(code), *values])})\n")
            source.append(f"def r{code}(o):\n    return ({', '.join(values)},)\n")
        exec("".join(source + self._helpers), namespace)  # noqa: S102 - field names and converters' names only
        self.rows.update({self.codes[cls]: namespace[f"r{self.codes[cls]}"] for cls in classes})
        self.packers.update({cls: namespace[f"p{self.codes[cls]}"] for cls in classes})
        return self.packers

    def _expression(self, hint: Any, value: str, namespace: dict[str, Any]) -> str:
        """Source of `value` (an expression of type `hint`) as stored: the same values as the
        converters of `_converters` give."""
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if value.isidentifier():  # a name already: used as it is
            var = first = value
        else:  # an attribute: read once, into a fresh name
            var = f"v{len(namespace)}"
            namespace[var] = None
            first = f"({var} := {value})"
        if hasattr(hint, "__supertype__"):  # NewType
            return self._expression(hint.__supertype__, value, namespace)
        if hint is model.SourceRef:
            return self._where_expression(value, namespace)
        if origin in (typing.Union, types.UnionType):
            present = [a for a in args if a is not type(None)]
            if all(dataclasses.is_dataclass(a) and a is not model.SourceRef for a in present):
                return f"(None if {first} is None else P[type({var})]({var}))"
            if present == [model.SourceRef]:
                return self._where_expression(value, namespace)  # W keeps None
            if len(present) == 1:
                inner = self._expression(present[0], var, namespace)
                return value if inner == var else f"(None if {first} is None else {inner})"
        elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = f"v{len(namespace)}"
            namespace[item] = None
            if _row_class(args[0]):
                return self._rows_expression(args[0], var, first, item, namespace)
            inner = self._expression(args[0], item, namespace)
            return value if inner == item else f"([{inner} for {item} in {var}] if {first} else ())"
        elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
            if hint in self._inlined or hint is model.SourceRef:
                return f"P[type({first})]({var})"
            # one class (a credential's cost): written out in place, its packer called only for
            # an object of another class
            code = self.codes[hint]
            self._inlined.add(hint)
            names, hints = _shape()[1][code]
            values = [self._expression(hints[name], f"{var}.{name}", namespace) for name in names]
            self._inlined.discard(hint)
            namespace[f"k{code}"] = hint
            return f"(({', '.join([str(code), *values])}) if type({first}) is k{code} else P[type({var})]({var}))"
        pack = self._converters(hint)[0]  # plain values as they are; anything else by its converter
        if pack is None:
            return value
        namespace[f"c{var}"] = pack
        return f"c{var}({value})"

    def _rows_expression(self, cls: type, var: str, first: str, item: str, namespace: dict[str, Any]) -> str:
        """Source of a tuple of `cls` objects (`var`, read by `first`) as stored: a list of rows,
        each the object's field values in order, converted, without the class (the field's type
        says it; see `_rows`), written out in place (or, for a class that holds itself, by its row
        function): a list comprehension, cheaper than an attrgetter per row (as it reads `.code`
        of a location, see below)."""
        code = self.codes[cls]
        names, hints = _shape()[1][code]
        if cls in self._inlined:
            return f"([R[{code}]({item}) for {item} in {var}] if {first} else ())"
        self._inlined.add(cls)
        values = [self._expression(hints[name], f"{item}.{name}", namespace) for name in names]
        self._inlined.discard(cls)
        rows = f"[({', '.join(values)},) for {item} in {var}]"
        plain = [value == f"{item}.{name}" for name, value in zip(names, values, strict=True)]
        if all(plain) or not all(keep or _location(hints[name]) for name, keep in zip(names, plain, strict=True)):
            return f"({rows} if {first} else ())"
        # locations numbered by the fast reader (`code`, `_where_expression`): read as they are;
        # any other location (one not numbered, a SourceRef, None) has no `code`: written out
        fast = ", ".join(f"{item}.{name}" if keep else f"{item}.{name}.code" for name, keep in zip(names, plain, strict=True))
        helper = f"f{len(namespace)}"
        namespace[helper] = None
        self._helpers.append(f"def {helper}({var}):\n    try:\n        return [({fast},) for {item} in {var}]\n"
                             f"    except AttributeError:\n        return {rows}\n")
        return f"({helper}({var}) if {first} else ())"

    def packed_with_records(self, objects: list[Any], records: list[Record], ids: list[str]) -> Iterator[Packed]:
        """`objects` (skills, credentials or roles) packed; as they are, their records
        (`catalog.Index.records`: id, name, aliases, issuer, provider; "" or () where the class has
        no such field) go to `records` and their ids to `ids`, read off the values just packed (the
        object's own would be read from memory again). Objects of one class whose record fields are
        stored as they are (skills, credentials, roles): PACK_BATCH at a time (`_packed_batches`)."""
        packers = self.packers or self._compile()
        classes = set(map(type, objects))
        cls = classes.pop() if len(classes) == 1 else None
        if cls is not None:
            names, hints = _shape()[1][self.codes[cls]]
            columns = [names.index(name) + 1 if name in hints and self._converters(hints[name])[0] is None
                       else None if name not in hints else -1 for name in _RECORD_FIELDS]
            if -1 not in columns and columns[0] is not None:
                return _packed_batches(objects, packers[cls], columns, records, ids)
        recorder = self._recorders.get(cls)
        if recorder is None:
            parts = ["obj.id", "obj.name", 'tuple(getattr(obj, "aliases", ()))', 'getattr(obj, "issuer", "")',
                     'getattr(obj, "provider", "")']  # objects of several classes: as `catalog._record` reads them
            if cls is not None:
                names, hints = _shape()[1][self.codes[cls]]
                parts = [(repr(absent) if name not in hints else f"row[{names.index(name) + 1}]"
                          if self._converters(hints[name])[0] is None else part)  # a value packed as it is
                         for name, absent, part in zip(_RECORD_FIELDS, _RECORD_ABSENT, parts, strict=True)]
            namespace: dict[str, Any] = {}
            exec("def recorder(objects, pack, add, add_id):\n    for obj in objects:\n"  # noqa: S102 - fixed names only
                 f"        row = pack[type(obj)](obj)\n        record = ({', '.join(parts)},)\n"
                 "        add(record)\n        add_id(record[0])\n        yield row\n", namespace)
            recorder = self._recorders[cls] = namespace["recorder"]
        return typing.cast(Iterator[Packed], recorder(objects, packers, records.append, ids.append))

    def _where_expression(self, value: str, namespace: dict[str, Any]) -> str:
        """Source of `value` (a location or None) as stored, inlined in a compiled packer (368,000
        locations at 50k credentials): a location (key, list index, *tail) not yet located is one
        number, index * PLACES + the number of its place (file, key, tail) in `locate.places`; the
        fast reader numbers most of them as it makes them (`code`). Anything else is left to W
        (`_where_packer`), which stores it the same way or as (file, line, column) or [file, path]."""
        n = len(namespace)
        namespace[f"w{n}"] = None  # reserves the names
        w, d, p, h, i, c = (f"{x}{n}" for x in "wdphic")
        return (f'({c} if type({w} := {value}) is LZ and ({c} := ({d} := {w}.__dict__).get("code")) is not None '
                f'else W({w}) if type({w}) is not LZ or "_at" in {d} '
                f'or len({p} := {d}["path"]) < 2 or type({h} := {p}[0]) is not str '
                f"or type({i} := {p}[1]) is not int or {i} < 0 "
                f'or ({c} := PN({d}["locator"], {h}, {p}[2:])) >= {locate.PLACES} else {i} * {locate.PLACES} + {c})')

    def _where_packer(self) -> Callable[[model.SourceRef | None], Packed | int | None]:
        """A location as stored (see `_where_expression`), one call each."""
        files, number, pack_path, lazy = self.files, self.number, self._pack_path, LazyRef

        def where(where: model.SourceRef | None) -> Packed | int | None:
            if type(where) is lazy:
                fields = where.__dict__
                code = fields.get("code")
                if code is not None:
                    return typing.cast(int, code)
                if "_at" not in fields:
                    path = fields["path"]
                    if len(path) > 1 and type(head := path[0]) is str and type(index := path[1]) is int and index >= 0:
                        place = number(fields["locator"], head, path[2:])
                        if place < locate.PLACES:
                            return index * locate.PLACES + place
                    return [files.get(fields["file"], fields["file"]), pack_path(path)]
            if where is None:
                return None
            return (files.get(where.file, where.file), where.line, where.col)

        return where

    def _pack_where(self, where: model.SourceRef | None) -> Packed | int | None:
        """A location as stored (`_where_packer`), for a location nested where no compiled packer
        reaches: the same closure, built on first use (after `pack_catalog` has set `files`)."""
        where_packer = self.__dict__.get("_where")
        if where_packer is None:
            where_packer = self._where = self._where_packer()
        return where_packer(where)

    def _pack_path(self, path: tuple[str | int, ...]) -> list[int]:
        """A path's steps as stored: list indexes as they are, mapping keys as -1, -2, ... in the
        order they are first met."""
        steps, keys = self.steps, self.keys
        for step in path:
            steps.setdefault(step, step if isinstance(step, int) else -keys.setdefault(step, len(keys) + 1))
        return [steps[step] for step in path]

    def _unpack_path(self, steps: list[int]) -> tuple[str | int, ...]:
        names = self.key_names
        return tuple(step if step >= 0 else names[-step - 1] for step in steps)

    def unpack(self, data: list[Any]) -> Any:
        """The object stored as `data`, [class code, field values], by its class's unpacker."""
        return self.unpackers[data[0]](data)

    def values(self, fields: tuple[str, ...]) -> Callable[[list[Any]], Values]:
        """From an object as stored to the values of its fields `fields`, in that order, as
        `unpack` would give them (without making the object or converting its other fields): one
        function written out for each class met (`_unpacker`); ValueError for a field the class
        does not have."""
        written: dict[int, Callable[[list[Any]], Values]] = {}

        def values(data: list[Any]) -> Values:
            code = data[0]
            found = written.get(code)
            if found is None:
                found = written[code] = self._unpacker(code, fields)
            return found(data)
        return values

    def _first_unpack(self, data: list[Any]) -> Any:
        """Unpack `data`, the first object of its class, by the class's general unpacker."""
        code = data[0]
        unpacker = self.unpackers[code] = self._general(code)
        return unpacker(data)

    def _general(self, code: int) -> Callable[[list[Any]], Any]:
        """An unpacker of class `code` made without writing code out: each field that needs it
        converted by its converter (`_converters`), the class called with the values. Cheap to
        make, slower to run: after WRITE_AFTER objects the class's own unpacker is written out
        (`_unpacker`) and takes over."""
        names, hints = _fields(code)
        convert = [(i, conv) for i, name in enumerate(names) if (conv := self._converters(hints[name])[1]) is not None]
        cls, unpackers, left = self.classes[code], self.unpackers, WRITE_AFTER

        def unpack(data: list[Any]) -> Any:
            nonlocal left
            left -= 1
            if left < 0:
                written = unpackers[code] = self._unpacker(code)
                return written(data)
            values = data[1:]
            for i, conv in convert:
                values[i] = conv(values[i])
            return cls(*values)
        return unpack

    def _unpacker(self, code: int, fields: tuple[str, ...] | None = None) -> Callable[[list[Any]], Any]:
        """The unpacker of class `code`: from [code, field values] to the object, written out as
        one function (like `_compile` for packing): the values unpacked into names in one step
        (the wrong number of them raises), each converted in place where its type needs it (a
        location, an enum, a date, an object, a tuple), and the class called once. Reading every
        credential of a 50,000-credential catalog converts 1.5 million values: nothing is called
        that need not be. Objects in other fields go through `unpack` (`U`), so each class is
        written out only when an object of it is first read. With `fields`: the tuple of those
        fields' values instead (`values`)."""
        names, hints = _fields(code)
        namespace: dict[str, Any] = {
            "C": self.classes[code], "U": self.unpackers, "LZ": LazyRef, "P": locate.PLACES,
            "PR": self.place_refs, "PF": self._place, "UW": self._unpack_where, "FD": date.fromisoformat,
            "SM": itertools.starmap}
        stored = [f"f{i}" for i in range(len(names))]
        if fields is None:
            values = [self._unpack_expression(hints[name], value, namespace) for name, value in zip(names, stored, strict=True)]
            made = f"C({', '.join(values)})"
        else:
            unknown = [name for name in fields if name not in names]
            if unknown:
                raise ValueError(f"{self.classes[code].__name__} has no field {unknown[0]!r}")
            values = [self._unpack_expression(hints[name], stored[names.index(name)], namespace) for name in fields]
            made = f"({''.join(value + ', ' for value in values)})"
        source = f"def u(d):\n    _, {''.join(f + ', ' for f in stored)}= d\n    return {made}\n"
        exec(source, namespace)  # noqa: S102 - field names and converters' names only
        return typing.cast(Callable[[list[Any]], Any], namespace["u"])

    def _unpack_expression(self, hint: Any, value: str, namespace: dict[str, Any]) -> str:
        """Source of the value stored in the name `value` as a field of type `hint` holds it: the
        same values as the unpackers of `_converters` give."""
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if hasattr(hint, "__supertype__"):  # NewType
            return self._unpack_expression(hint.__supertype__, value, namespace)
        if hint in (str, int, float, bool, type(None)):
            return value
        if hint is model.SourceRef:
            return self._where_unpack(value, namespace, optional=False)
        if origin in (typing.Union, types.UnionType):
            present = [a for a in args if a is not type(None)]
            optional = len(present) < len(args)
            if all(dataclasses.is_dataclass(a) and a is not model.SourceRef for a in present):
                inner = f"U[{value}[0]]({value})"
                return f"(None if {value} is None else {inner})" if optional else inner
            if present == [model.SourceRef]:
                return self._where_unpack(value, namespace, optional=optional)
            if len(present) == 1:
                inner = self._unpack_expression(present[0], value, namespace)
                return value if inner == value else f"(None if {value} is None else {inner})"
            if all(a in (str, int, float, bool) for a in present):
                return value
        elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            if _row_class(args[0]) and args[0] not in self._inlining:
                return self._rows_unpack(args[0], value, namespace)
            if not _row_class(args[0]):
                item = f"x{len(namespace)}"
                namespace[item] = None  # reserves the name
                inner = self._unpack_expression(args[0], item, namespace)
                if inner == item:
                    return f"tuple({value})"
                return f"(tuple([{inner} for {item} in {value}]) if {value} else ())"
        elif hint is date:
            return f"FD({value})"  # msgpack holds dates as ISO text
        elif isinstance(hint, type) and issubclass(hint, Enum):
            members = f"E{len(namespace)}"
            namespace[members] = {member.value: member for member in hint}  # a lookup, not a call
            return f"{members}[{value}]"
        elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return f"U[{value}[0]]({value})"
        unpack = self._converters(hint)[1]  # any other shape (a fixed tuple), by its converter
        if unpack is None:
            return value
        converter = f"c{len(namespace)}"
        namespace[converter] = unpack
        return f"{converter}({value})"

    def _rows_unpack(self, cls: type, value: str, namespace: dict[str, Any]) -> str:
        """Source of a tuple of `cls` objects from their rows as stored in the name `value` (see
        `_rows`): written out in place, each row unpacked into names in the loop; by `starmap`, in C,
        when no value needs converting."""
        names, hints = _fields(self.codes[cls])
        n = len(namespace)
        namespace[f"C{n}"] = cls
        items = [f"r{n}_{i}" for i in range(len(names))]
        for item in items:
            namespace[item] = None  # reserves the names
        self._inlining.add(cls)
        try:
            values = [self._unpack_expression(hints[name], item, namespace) for name, item in zip(names, items, strict=True)]
        finally:
            self._inlining.discard(cls)
        if values == items:
            return f"(tuple(SM(C{n}, {value})) if {value} else ())"
        return (f"(tuple([C{n}({', '.join(values)}) for ({''.join(item + ', ' for item in items)}) in {value}]) "
                f"if {value} else ())")

    def _where_unpack(self, value: str, namespace: dict[str, Any], optional: bool) -> str:
        """Source of a location from what the name `value` holds (see `_unpack_where`), the common
        case in place: a number, index * PLACES + its place's, made a LazyRef of (key, index, *tail)."""
        t = f"t{len(namespace)}"
        namespace[t] = None  # reserves the name
        other = f"(None if {value} is None else UW({value}))" if optional else f"UW({value})"
        return (f"(LZ(({t} := PR.get({value} % P) or PF({value} % P))[0], ({t}[1], {value} // P, *{t}[2])) "
                f"if type({value}) is int else {other})")

    def _unpack_where(self, data: list[Any] | int) -> model.SourceRef:
        if type(data) is int:
            index, code = divmod(data, locate.PLACES)
            locator, head, tail = self.place_refs.get(code) or self._place(code)
            return LazyRef(locator, (head, index, *tail))
        if not isinstance(data, list):
            raise _Damaged("a location")
        if len(data) == 3:
            file, line, col = data
            return model.SourceRef(file if isinstance(file, str) else self.shown[file], line, col)
        locator = self._locator(data[0])
        return LazyRef(locator, self._unpack_path(data[1]))

    def _locator(self, file: str | int) -> Locator:
        locator = self.locators.get(file)
        if locator is None:
            shown, source = (file, file) if isinstance(file, str) else (self.shown[file], self.resolved[file])
            locator = self.locators[file] = Locator(shown, source)
        return locator

    def number(self, locator: Locator, head: str, tail: tuple[str | int, ...]) -> int:
        """The number of a place (`locate.places`) of one of the catalog's files; PLACES for a
        file that is not one of them (its locations are stored with their file's name and path)."""
        ours = self._ours.get(locator)
        if ours is None:
            index = self.files.get(locator.shown)
            ours = self._ours[locator] = index is not None and self.resolved[index] == locator.source
        return places.number(locator, head, tail) if ours else locate.PLACES

    def own_places(self, names: list[str], resolved: list[str]) -> tuple[list[int], list[list[int]]]:
        """The places of the catalog's files (`names` as shown, `resolved` where they are read),
        numbered by `locate.places` (this process's), as stored: [number, file, key step, tail
        code] of each, by number, flat (small numbers, read back in a few kilobytes; locations of
        other files are stored as paths, see `number`); and the tails as paths' steps, each once."""
        rows = places.rows
        ours = sorted((number, index) for index, (name, source) in enumerate(zip(names, resolved, strict=True))
                      for number in places.by_file.get((source, name), ()) if number < locate.PLACES)
        flat: list[int] = []
        tails: dict[tuple[str | int, ...], int] = {}
        steps: list[list[int]] = []
        for number, index in ours:
            _, _, head, tail = rows[number]
            code = tails.get(tail)
            if code is None:
                code = tails[tail] = len(steps)
                steps.append(self._pack_path(tail))
            flat += [number, index, self._pack_path((head,))[0], code]
        return flat, steps

    def _place(self, code: int) -> tuple[Locator, str | int, tuple[str | int, ...]]:
        """The place `code` of a cache file read back: (locator, key, tail), made on first use."""
        rows, numbers = self.place_rows, self.place_numbers
        at = bisect_left(numbers, code)
        if at == len(numbers) or numbers[at] != code:
            raise _Damaged("a location's place")
        file, head, tail = rows[4 * at + 1:4 * at + 4]
        place = self.place_refs[code] = (self._locator(file), self.key_names[-head - 1] if head < 0 else head,
                                         self.tail_paths[tail])
        return place


def _location(hint: Any) -> bool:
    """Whether `hint` is a location's: SourceRef, or SourceRef | None."""
    return hint is model.SourceRef or (typing.get_origin(hint) in (typing.Union, types.UnionType)
                                       and [a for a in typing.get_args(hint) if a is not type(None)] == [model.SourceRef])


def _row_class(hint: Any) -> bool:
    """Whether a tuple of `hint` is stored as rows (`_Codec._rows`): a dataclass, not a location."""
    return isinstance(hint, type) and dataclasses.is_dataclass(hint) and hint is not model.SourceRef


PACK_BATCH = 64
"""Objects `_packed_batches` packs at a time: few enough that their values are still in the CPU's
cache when the rows are encoded."""


def _packed_batches(objects: list[Any], pack: Callable[[Any], Packed], columns: list[int | None],
                    records: list[Record], ids: list[str]) -> Iterator[Packed]:
    """`objects`, all of one class, packed by `pack` PACK_BATCH at a time, the records and ids of each
    batch taken from its rows in C (`columns`: where in a row each record field is, None for a field
    the class has not): no Python code runs for each object but its packer (at 50,000 credentials a
    generator step, a record made and two appends for each cost 0.04 s)."""
    first = itemgetter(columns[0])  # the id
    getters = [None if at is None else itemgetter(at) for at in columns]

    def batches() -> Iterator[list[Packed]]:
        for start in range(0, len(objects), PACK_BATCH):
            rows = list(map(pack, objects[start:start + PACK_BATCH]))
            fields = [repeat(absent) if get is None else map(get, rows)
                      for get, absent in zip(getters, _RECORD_ABSENT, strict=True)]
            records.extend(zip(*fields, strict=False))  # as many as rows: an absent field's values never end
            ids.extend(map(first, rows))
            yield rows
    return itertools.chain.from_iterable(batches())


_SECOND = itemgetter(1)
_RECORD_FIELDS = ("id", "name", "aliases", "issuer", "provider")
_RECORD_ABSENT = ("", "", (), "", "")  # a record's value for a field its class has not (`catalog._record`)


def _optional(conv: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    if conv is None:
        return None
    return lambda v: None if v is None else conv(v)


@functools.cache
def _classes() -> list[type]:
    """The model's dataclasses, sorted by name: an object's class is stored as its place here."""
    return sorted((obj for obj in vars(model).values() if isinstance(obj, type) and dataclasses.is_dataclass(obj)),
                  key=lambda c: c.__name__)


@functools.cache
def _fields(code: int) -> tuple[list[str], dict[str, Any]]:
    """The field names and type hints of class `code` (`_classes`): worked out once a process, for
    the classes met (the hints are strings to evaluate; a warm plan unpacks 13 of 31 classes)."""
    cls = _classes()[code]
    return [f.name for f in dataclasses.fields(cls)], typing.get_type_hints(cls)


@functools.cache
def _fingerprint() -> str:
    """What the cache key takes of the model's shape: the model module's source, hashed (its
    classes, fields and their types are all written there; any change to it makes new keys, so
    old caches are not read); where the source cannot be read, `_shape`'s fingerprint of the type
    hints. Reading the source costs 0.1 ms, evaluating every class's hints 2 ms."""
    try:
        source = Path(model.__file__).read_bytes() if model.__file__ and model.__file__.endswith(".py") else None
    except OSError:
        source = None
    if source is None:
        return _shape()[2]
    return sha256(b"model.py:" + source).hexdigest()[:16]


@functools.cache
def _shape() -> tuple[list[type], list[tuple[list[str], dict[str, Any]]], str]:
    """The model's dataclasses (sorted by name), each one's field names and type hints, and a
    fingerprint of them all: worked out once a process (the type hints are strings to evaluate)."""
    classes = _classes()
    fields = [_fields(code) for code in range(len(classes))]
    shape = [f"{cls.__name__}({','.join(f'{n}:{hints[n]}' for n in names)})"
             for cls, (names, hints) in zip(classes, fields, strict=True)]
    return classes, fields, sha256(";".join(shape).encode()).hexdigest()[:16]


def _codec() -> _Codec:
    """A codec of its own for each catalog (it holds that catalog's file names); ~2 ms."""
    return _Codec()


# ---- the cache file ----------------------------------------------------------------------
#
# MAGIC, format (u32) | blobs and tables ... | header (msgpack) | trailer: header offset (u64),
# header length (u64), header CRC (u32), MAGIC.
# A blob is one msgpack value with a CRC in the header. A table maps text keys to blobs:
# the blobs, their offsets (u64, one more than keys) and CRCs (u32), the keys' UTF-8 bytes
# and offsets, and an open-addressing hash table (u32 slots: entry + 1, 0 empty; slot of a
# key: CRC-32 of its bytes, then the next ones), so one object is found and checked in
# constant time without reading any other.

MAGIC = b"skillstk"
_START = struct.Struct("<8sI")
_TRAILER = struct.Struct("<QQI8s")


SPILL = 1 << 20
"""Bytes a `_Writer` given a file holds before it writes them (a few hundred objects)."""
BATCH = 2048
"""Values a `_Writer` encodes before it takes their checksums (and may write them out)."""


def _slots_for(count: int) -> int:
    size = 8
    while size < 2 * count:
        size *= 2
    return size


def _slots(key_crcs: Iterable[int], count: int) -> tuple[array[int], int]:
    """A table's open-addressing hash slots (entry number + 1, 0 = free) for keys with these
    CRCs, and the slot count."""
    size = _slots_for(count)
    mask = size - 1
    slots = array("I", bytes(4 * size))
    for entry, slot in enumerate(key_crcs, 1):
        slot &= mask
        while slots[slot]:
            slot = (slot + 1) & mask
        slots[slot] = entry
    return slots, size


class _Writer:
    """A cache file's bytes, encoded straight into one buffer (no bytes object for each value or
    key, no copy to join them): `finish` hands the buffer over. Given a file (`out`), the buffer
    is written to it whenever it holds SPILL bytes, and emptied: the file is never held in memory
    whole (at 50,000 credentials 43 MB that would be faulted in, then copied out cold)."""

    def __init__(self, out: BinaryIO | None = None) -> None:
        import msgspec

        self.buffer = bytearray(_START.pack(MAGIC, CACHE_FORMAT))
        self.out = out
        self.base = 0  # the bytes written to `out` so far: the buffer starts at this offset
        self.encoder = msgspec.msgpack.Encoder()
        self.blobs: dict[str, list[int]] = {}
        self.tables: dict[str, list[int]] = {}

    @property
    def size(self) -> int:
        return self.base + len(self.buffer)

    def _add(self, data: bytes) -> int:
        """Append `data`; its offset."""
        at = self.size
        self.buffer += data
        self._spill()
        return at

    def _spill(self, last: bool = False) -> None:
        buffer = self.buffer
        if self.out is not None and (len(buffer) >= SPILL or last):
            self.out.write(buffer)
            self.base += len(buffer)
            del buffer[:]

    def blob(self, name: str, value: Any) -> None:
        data = self.encoder.encode(value)
        self.blobs[name] = [self._add(data), len(data), zlib.crc32(data)]

    def _array(self, values: array[int]) -> int:
        self._add(b"\0" * (-self.size % 8))
        return self._add(values.tobytes())

    def table(self, name: str, items: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> None:
        if isinstance(items, Mapping):
            self.columns(name, list(items), items.values())
            return
        names: list[str] = []

        def values() -> Iterator[Any]:
            for key, value in items:  # a pair at a time: the caller may let each value go once encoded
                names.append(key)
                yield value

        self.columns(name, names, values())

    def columns(self, name: str, names: list[str], values: Iterable[Any]) -> None:
        """A table of `names` -> `values` (in the same order; `names` is read once the values are)."""
        values = iter(values)
        offsets = array("Q", [self.size])
        crcs = array("I")
        encode = self.encoder.encode_into
        while True:  # BATCH values at a time, each batch's checksums taken while its bytes are fresh
            buffer, base = self.buffer, self.base
            # each value encoded at the buffer's end, and the end taken after each: loops in C (zip
            # asks the encoding first, so it stops when the values do)
            ends = array("Q", map(_SECOND, zip(map(encode, islice(values, BATCH), repeat(buffer), repeat(-1)),
                                               map(len, repeat(buffer)), strict=False)))
            if not ends:
                break
            with memoryview(buffer) as view:
                starts = itertools.chain((offsets[-1] - base,), ends[:-1])
                crcs.extend(map(zlib.crc32, map(view.__getitem__, map(slice, starts, ends))))
            offsets.extend(map(base.__add__, ends))
            self._spill()
        if len(offsets) != len(names) + 1:
            raise ValueError(f"table {name}: {len(names)} keys, {len(offsets) - 1} values")
        keys = list(map(str.encode, names))  # UTF-8, once: each name is read from memory once
        slots, size = _slots(map(zlib.crc32, keys), len(keys))
        key_offsets = array("Q", itertools.accumulate(map(len, keys), initial=self.size))
        self._add(b"".join(keys))  # the keys' bytes one after another
        self.tables[name] = [len(names), self._array(offsets), self._array(crcs), self._array(key_offsets),
                             self._array(slots), size]

    def finish(self) -> bytes:
        """The file's bytes (written to `out` when given: then the last of them, already written)."""
        header = self.encoder.encode({"blobs": self.blobs, "tables": self.tables})
        at = self._add(header)
        self._add(_TRAILER.pack(at, len(header), zlib.crc32(header), MAGIC))
        self._spill(last=True)
        data, self.buffer = self.buffer, bytearray()
        return typing.cast(bytes, data)  # a bytearray: written as it is, not copied into bytes


def pack_catalog(loaded: Loaded, resolved: list[str], file: BinaryIO | None = None) -> bytes:
    """A checked catalog as a cache file's bytes; `resolved` are its files' real paths. Given a
    `file`, the bytes are written to it as they are made, and not returned (b"")."""
    catalog = loaded.catalog
    codec = _codec()
    codec.files = {name: i for i, name in enumerate(catalog.files)}
    codec.resolved = list(resolved)
    pack = codec.pack
    out = _Writer(file)
    out.blob("meta", {"files": resolved, "info": pack(catalog.info)})
    for kind in ("skill", "credential", "role"):
        objects: list[model.Skill | model.Credential | model.Role] = list(catalog.index(kind))
        records: list[Record] = []  # `Index.records`, taken from each object as packed
        ids: list[str] = []  # filled as the objects are packed (`columns` reads it after them)
        out.columns(kind, ids, codec.packed_with_records(objects, records, ids))
        out.blob(f"records:{kind}", zlib.compress(out.encoder.encode(records), 1))  # read rarely
    out.table("granters", catalog.granter_index)  # (level, credential id) pairs: encoded in C
    stacks = catalog.stack_index
    out.blob("stacks", {"all": stacks.every, "loose": stacks.loose})
    out.table("stacks_by_part", stacks.by_part)
    rows, tails = codec.own_places(catalog.files, resolved)  # after every object: the places of
    out.blob("places", rows)  # their locations,
    out.blob("tails", tails)  # the tails of those places' paths
    out.blob("keys", list(codec.keys))  # and the mapping keys of the paths
    return out.finish()


def read_back(obj: Any) -> Any:
    """`obj` (a model object) as a warm load gives it back: packed as the cache stores it, through
    MessagePack, and unpacked; every field of every model class must come back as it was."""
    import msgspec

    codec = _codec()
    return codec.unpack(msgspec.msgpack.decode(msgspec.msgpack.encode(codec.pack(obj))))


def unpack_grants(packed: list[list[Any]]) -> Grants:
    """A skill's grants as stored: [level, credential id] pairs."""
    return tuple((level, cid) for level, cid in packed)


class CacheDamaged(InputError):
    """A cache file failed a check after it was opened: it is deleted, the next run rebuilds it."""


class _Damaged(Exception):
    pass


class _CacheFile:
    """An open cache file; blobs are read, checked and decoded on demand.

    Read with `pread`, not mapped: a mapping's page faults pull whole folios of the page
    cache into the process (at 200k credentials a warm plan that touches 120 objects had
    140 MB of the file resident), while a read copies only the bytes asked for."""

    def __init__(self, path: Path, fd: int) -> None:
        """Takes `fd` over: closed by `close`, when this object goes, or when opening fails."""
        self.fd = fd
        try:
            import msgspec

            self.path = path
            self.decode = msgspec.msgpack.decode
            size = self.size = os.fstat(fd).st_size
            if size < _START.size + _TRAILER.size:
                raise _Damaged("too short")
            magic, version = _START.unpack(self.read(0, _START.size))
            at, length, crc, end_magic = _TRAILER.unpack(self.read(size - _TRAILER.size, _TRAILER.size))
            if (magic != MAGIC or end_magic != MAGIC or version != CACHE_FORMAT
                    or at + length != size - _TRAILER.size):
                raise _Damaged("not a skillstack cache of this version, or truncated")
            header = self.read(at, length)
            if zlib.crc32(header) != crc:
                raise _Damaged("header checksum")
            decoded = self.decode(header, type=dict[str, dict[str, list[int]]])
            self.blobs, self.tables, self.size = decoded["blobs"], decoded["tables"], at
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        fd, self.fd = self.fd, -1
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)

    def __del__(self) -> None:
        self.close()

    def read(self, start: int, length: int) -> bytes:
        """`length` bytes at `start`, which must lie before the header."""
        if start < 0 or length < 0 or start + length > self.size:
            raise _Damaged("an offset out of range")
        data = _pread(self.fd, length, start)
        if len(data) != length:
            raise _Damaged("truncated")
        return data

    def words(self, at: int, wide: bool, first: int, count: int) -> array[int]:
        """`count` entries from `first` of an array of u64 (`wide`) or u32 stored at `at`."""
        width = 8 if wide else 4
        out = array("Q" if wide else "I")
        out.frombytes(self.read(at + width * first, width * count))
        return out

    def _slice(self, start: int, length: int, crc: int) -> bytes:
        data = self.read(start, length)
        if zlib.crc32(data) != crc:
            raise _Damaged(f"checksum at byte {start}")
        return data

    def blob(self, name: str) -> Any:
        start, length, crc = self.blobs[name]
        return self.decode(self._slice(start, length, crc))

    def table(self, name: str, convert: Callable[[Any], Any] | None = None) -> _Table:
        return _Table(self, self.tables[name], convert)

    def damaged(self, why: str) -> CacheDamaged:
        with contextlib.suppress(OSError):
            self.path.unlink()
        return CacheDamaged(f"{self.path}: the catalog cache is damaged ({why}); it was deleted: "
                            "run the command again to rebuild it")


def _pread(fd: int, length: int, start: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, length, start)
    with _seek_lock:  # pragma: no cover - platforms without pread (Windows)
        os.lseek(fd, start, os.SEEK_SET)
        return os.read(fd, length)


_seek_lock = threading.Lock()


class _Table(Mapping[str, Any]):
    """Keys -> blobs of one table, each found by hashing and decoded (and converted) on demand."""

    def __init__(self, file: _CacheFile, entry: list[int], convert: Callable[[Any], Any] | None) -> None:
        count, offsets_at, crcs_at, keys_at, slots_at, size = entry
        self.file, self.count, self.convert, self.mask = file, count, convert, size - 1
        if size < 2 * count or size & (size - 1):
            raise _Damaged("a table's size")
        for at, width, n in ((offsets_at, 8, count + 1), (crcs_at, 4, count), (keys_at, 8, count + 1),
                             (slots_at, 4, size)):
            if at < 0 or at + width * n > file.size or at % 8:
                raise _Damaged("a table out of range")
        self.offsets_at, self.crcs_at, self.keys_at, self.slots_at = offsets_at, crcs_at, keys_at, slots_at

    def _find(self, key: str) -> int:
        data = key.encode()
        file, mask = self.file, self.mask
        slot = zlib.crc32(data) & mask
        for _ in range(mask + 1):
            entry = file.words(self.slots_at, False, slot, 1)[0] - 1
            if entry < 0:
                return -1
            if entry < self.count:
                start, end = file.words(self.keys_at, True, entry, 2)
                if end - start == len(data) and file.read(start, end - start) == data:
                    return entry
            slot = (slot + 1) & mask
        return -1

    def __getitem__(self, key: str) -> Any:
        file = self.file
        try:
            entry = self._find(key)
        except _Damaged as exc:
            raise file.damaged(str(exc)) from None
        if entry < 0:
            raise KeyError(key)
        try:
            start, end = file.words(self.offsets_at, True, entry, 2)
            value = file.decode(file._slice(start, end - start, file.words(self.crcs_at, False, entry, 1)[0]))
            return value if self.convert is None else self.convert(value)
        except Exception as exc:  # noqa: BLE001 - damaged cache: say so, never trust it
            raise file.damaged(str(exc)) from None

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        try:
            return self._find(key) >= 0
        except _Damaged as exc:
            raise self.file.damaged(str(exc)) from None

    def __iter__(self) -> Iterator[str]:
        file = self.file
        try:
            keys = file.words(self.keys_at, True, 0, self.count + 1)
            text = file.read(keys[0], keys[-1] - keys[0]) if self.count else b""
            base = keys[0]
            return iter([text[keys[i] - base:keys[i + 1] - base].decode() for i in range(self.count)])
        except (_Damaged, UnicodeDecodeError) as exc:
            raise file.damaged(str(exc)) from None

    def __len__(self) -> int:
        return self.count

    def each(self, skip: Container[str] = frozenset(),
             convert: Callable[[Any], Any] | None = None) -> Iterator[tuple[str, Any]]:
        """Every (key, value) in stored order, the values read in order SEQUENTIAL_READ bytes at a
        time (not a lookup and a read for each key: at 200,000 credentials that was 9 s of the
        first `plan --posting`), each checked and decoded (and converted, by `convert` if given, else
        the table's converter) when its turn comes; None for the keys in `skip`, neither checked
        nor decoded."""
        file, count = self.file, self.count
        convert = convert or self.convert
        try:
            offsets = file.words(self.offsets_at, True, 0, count + 1)
            crcs = file.words(self.crcs_at, False, 0, count)
            keys = file.words(self.keys_at, True, 0, count + 1)
            if any(map(gt, offsets, offsets[1:])) or any(map(gt, keys, keys[1:])):
                raise _Damaged("a table's offsets out of order")
            names = file.read(keys[0], keys[-1] - keys[0])
        except _Damaged as exc:
            raise file.damaged(str(exc)) from None
        base, decode, first = keys[0], file.decode, 0
        while first < count:
            try:
                start = offsets[first]
                last = max(bisect_right(offsets, start + SEQUENTIAL_READ, first + 1, count + 1) - 1, first + 1)
                data = file.read(start, offsets[last] - start)
                for i in range(first, last):
                    name = names[keys[i] - base:keys[i + 1] - base].decode()
                    if name in skip:
                        yield name, None
                        continue
                    blob = data[offsets[i] - start:offsets[i + 1] - start]
                    if zlib.crc32(blob) != crcs[i]:
                        raise _Damaged(f"checksum at byte {offsets[i]}")
                    value = decode(blob)
                    yield name, value if convert is None else convert(value)
            except Exception as exc:  # noqa: BLE001 - damaged cache: say so, never trust it
                raise file.damaged(str(exc)) from None
            first = last


SEQUENTIAL_READ = 1 << 18
"""How many bytes of a table's values `_Table.each` reads at once (more when one value is
larger): one read for a few hundred objects, and memory flat in the table's size."""


class _Objects(_Table):
    """One kind's objects in a cache file (`catalog.Objects`): each read, checked and decoded
    when asked for; their names read in one piece."""

    def __init__(self, file: _CacheFile, kind: str, codec: _Codec) -> None:
        super().__init__(file, file.tables[kind], codec.unpack)
        self.kind, self.codec = kind, codec

    def each_values(self, fields: tuple[str, ...], skip: Container[str]) -> Iterator[tuple[str, Values | None]]:
        """(id, the values of `fields`) of every object in stored order (`each`), only those fields
        converted and no object made (`_Codec.values`)."""
        return self.each(skip, self.codec.values(fields))

    def records(self) -> list[Record]:
        file = self.file
        try:
            stored = file.decode(zlib.decompress(file.blob(f"records:{self.kind}")))
            return [(i, n, tuple(a), s, p) for i, n, a, s, p in stored]
        except Exception as exc:  # noqa: BLE001 - damaged cache: say so, never trust it
            raise file.damaged(str(exc)) from None


class _Store:
    """A catalog in a cache file (`catalog.Store`): its objects and the derived indexes the file
    keeps (granters and stacks; the others are built from the objects' records)."""

    def __init__(self, file: _CacheFile, codec: _Codec, info: model.CatalogInfo, files: list[str]) -> None:
        self.file, self.info, self.files = file, info, files
        self.kinds = {kind: _Objects(file, kind, codec) for kind in ("skill", "credential", "role")}

    def objects(self, kind: str) -> _Objects:
        return self.kinds[kind]

    def granters(self) -> Mapping[str, Grants]:
        try:
            return self.file.table("granters", unpack_grants)
        except (_Damaged, KeyError, ValueError, TypeError) as exc:
            raise self.file.damaged(str(exc)) from None

    def stacks(self) -> Stacks:
        try:
            kept = self.file.blob("stacks")
            return Stacks(kept["all"], self.file.table("stacks_by_part"), kept["loose"])
        except (_Damaged, KeyError, ValueError, TypeError) as exc:
            raise self.file.damaged(str(exc)) from None

    def derived(self, name: str, build: Callable[[], Iterable[tuple[str, Any]]]) -> Mapping[str, Any]:
        """A table derived from the catalog, kept in a file of its own beside the cache file
        (`derived-KEY-NAME.skc`, the same format; deleted with the cache file), written the first
        time; in memory when it cannot be written."""
        if not re.fullmatch(r"[a-z0-9-]{1,80}", name):
            raise ValueError(f"a derived table's name: {name!r}")
        key = self.file.path.name.removeprefix("catalog-").removesuffix(SUFFIX)
        path = self.file.path.with_name(f"derived-{key}-{name}{SUFFIX}")
        table = _open_derived(path, name)
        if table is None:
            if not _may_write(path):  # a read-only cache directory, or not ours: in memory, built once
                return dict(build())
            out = _Writer()
            out.blob("meta", {"name": name})
            out.table("items", build())  # streamed: the rows need not all be held at once
            _write(path, out.finish)
            table = _open_derived(path, name)
            if table is None:  # the write failed after all (a full disk): built again, in memory
                return dict(build())
        return table


def _open_derived(path: Path, name: str) -> _Table | None:
    """The table of the derived file `path` when it is ours, intact and named `name`."""
    fd = _open_owned(path)
    if fd is None:
        return None
    try:
        file = _CacheFile(path, fd)
    except Exception:  # noqa: BLE001 - damaged or foreign: rebuilt, never trusted
        return None
    try:
        if file.blob("meta") != {"name": name}:
            raise _Damaged("not this table")
        return file.table("items")
    except Exception:  # noqa: BLE001 - damaged or foreign: rebuilt, never trusted
        file.close()
        return None


def _open_cache(cache_file: Path, resolved: list[str], shown: list[str]) -> Loaded | None:
    """The catalog in `cache_file` when it is ours, intact and of these files; None otherwise."""
    fd = _open_owned(cache_file)
    if fd is None:
        return None
    try:
        file = _CacheFile(cache_file, fd)
    except Exception:  # noqa: BLE001 - a damaged, foreign or older cache is rebuilt, never trusted
        return None
    try:
        meta = file.blob("meta")
        if meta["files"] != resolved:
            file.close()
            return None
        codec = _codec()
        codec.shown = list(shown)
        codec.resolved = list(resolved)
        codec.key_names = [str(k) for k in file.blob("keys")]
        codec.tail_paths = [codec._unpack_path(steps) for steps in file.blob("tails")]
        codec.place_rows = file.blob("places")
        if not isinstance(codec.place_rows, list) or len(codec.place_rows) % 4:
            raise _Damaged("places")
        codec.place_numbers = codec.place_rows[::4]
        store = _Store(file, codec, codec.unpack(meta["info"]), list(shown))
    except Exception:  # noqa: BLE001 - a damaged, foreign or older cache is rebuilt, never trusted
        file.close()
        return None
    return Loaded(Catalog.from_store(store), from_cache=True)
