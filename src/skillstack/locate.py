"""Where an object was written, found only when someone asks.

The fast reader (`fastread`) keeps no line numbers: each object remembers its
file and its path in the file's data (`("credentials", 17, "grants", 0)`). A
`LazyRef` is a `SourceRef` whose line and column are found the first time they
are read, by re-reading that one file with the located reader (`yamlread`),
once per file. A valid catalog reports nothing, so nothing is re-read; a
problem costs the re-reading of its file.

This module imports nothing heavy: the cache builds LazyRefs on the warm path.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from skillstack.model import SourceRef

if TYPE_CHECKING:  # the located reader is imported only when a position is asked for
    from skillstack.yamlread import Node

Path_ = tuple[str | int, ...]
Place = tuple[str, str, str, Path_]
"""A place: a file (where it is read, its name as shown), a top-level key and the tail of a path
after (key, list index): ("...", "credentials.yaml", "credentials", ("grants", 3))."""

PLACES = 1 << 16
"""How many places `places` numbers: a location (key, index, *tail) is one number, index *
PLACES + its place's number (the cache stores locations so); past it, locations keep paths."""


class Places:
    """The places of locations, numbered once a process (append-only): so a location made by
    the fast reader is a number as it is made, and the cache stores that number as it is."""

    def __init__(self) -> None:
        self.rows: list[Place] = []
        self.numbers: dict[Place, int] = {}
        self.by_file: dict[tuple[str, str], list[int]] = {}  # (source, shown) -> its places' numbers

    def number(self, locator: Locator, head: str, tail: Path_) -> int:
        """The place of (`locator`'s file, `head`, `tail`), numbered when first met."""
        key = (locator.source, locator.shown, head, tail)
        found = self.numbers.get(key)
        if found is None:
            with _numbering:  # a new place: numbered once, whichever thread gets here first
                found = self.numbers.get(key)
                if found is None:
                    found = len(self.rows)
                    self.rows.append(key)
                    self.by_file.setdefault((locator.source, locator.shown), []).append(found)
                    self.numbers[key] = found
        return found

    def path(self, code: int) -> Path_:
        """The path of the location numbered `code`."""
        index, place = divmod(code, PLACES)
        _, _, head, tail = self.rows[place]
        return (head, index, *tail)


places = Places()
_numbering = threading.Lock()


class Locator:
    """Line and column of paths in one file (`shown` is its name in messages; `source`
    where to read it, or `data` its bytes as read)."""

    __slots__ = ("_at", "_data", "_items", "_root", "shown", "source")

    def __init__(self, shown: str, source: str, data: bytes | None = None) -> None:
        self.shown = shown
        self.source = source
        self._data = data
        self._root: Node | Literal[False] | None = None  # False: the file cannot be read any more
        self._items: dict[tuple[str, Path_], list[int]] = {}
        self._at: dict[str, dict[Path_, int]] = {}  # key -> tail -> its place's number: `at`

    def at(self, path: Path_) -> SourceRef:
        """The location of the node at `path` in this file: a LazyRef numbered as it is made when
        `path` is (key, list index, ...), as `items` makes them (the cache stores the number as it
        is, without working it out again), else one with its path."""
        try:
            place = self._at[path[0]][path[2:]]  # type: ignore[index]
            index = path[1]
        except (KeyError, IndexError):
            return self._first_at(path)
        if type(index) is not int or index < 0 or place >= PLACES:
            return LazyRef(self, path)
        ref = LazyRef.__new__(LazyRef)
        fields = ref.__dict__
        fields["file"] = self.shown
        fields["locator"] = self
        fields["code"] = index * PLACES + place
        return ref

    def _first_at(self, path: Path_) -> SourceRef:
        """`at` for a place this file has not met yet (numbered, then kept), or a path of another shape."""
        if len(path) < 2 or type(head := path[0]) is not str or type(path[1]) is not int:
            return LazyRef(self, path)
        tail = path[2:]
        self._at.setdefault(head, {})[tail] = places.number(self, head, tail)
        return self.at(path)

    def items(self, path: Path_) -> Callable[[int], SourceRef]:
        """The location of item i of the list at `path` in this file, as a function of i: a
        LazyRef numbered as it is made when `path` is (key, list index, ...) (no path tuple
        per item, and the cache stores the number as it is), else one with its path."""
        head, index = (path[0], path[1]) if len(path) > 1 else (None, None)
        if type(head) is not str or type(index) is not int or index < 0:
            return lambda i: LazyRef(self, (*path, i))
        tail = path[2:]
        numbers = self._items.get((head, tail))
        if numbers is None:
            numbers = self._items[head, tail] = []
        places_at, new, shown, locator = PLACES, LazyRef.__new__, self.shown, self
        base = index * places_at

        def item(i: int) -> SourceRef:
            if i >= len(numbers):
                numbers.extend(places.number(locator, head, (*tail, n)) for n in range(len(numbers), i + 1))
            place = numbers[i]
            if place >= places_at:
                return LazyRef(locator, (*path, i))
            ref = new(LazyRef)
            fields = ref.__dict__
            fields["file"] = shown
            fields["locator"] = locator
            fields["code"] = base + place
            return ref
        return item

    def __reduce__(self) -> tuple[type[Locator], tuple[str, str]]:
        return (Locator, (self.shown, self.source))

    def _read(self) -> Node | Literal[False]:
        from skillstack.fileio import CATALOG_FILE_LIMIT, read_input_bytes
        from skillstack.yamlread import read_bytes

        data = self._data
        if data is None:
            try:
                data = read_input_bytes(Path(self.source), what="catalog file", limit=CATALOG_FILE_LIMIT)
            except Exception:  # noqa: BLE001 - the file went away since: no position to give
                return False
        self._data = None  # the nodes replace the bytes
        result = read_bytes(data, self.shown)
        return result.root if result.root is not None and not result.problems else False

    def position(self, path: Path_) -> tuple[int, int]:
        """(line, column) of the node at `path`; (0, 0) if the file no longer has it."""
        from skillstack.yamlread import MapNode, ScalarNode, SeqNode

        if self._root is None:
            self._root = self._read()
        node = self._root
        if node is False:
            return 0, 0
        for step in path:
            if isinstance(node, MapNode) and isinstance(step, str):
                found = None
                for key, value in node.pairs:
                    if isinstance(key, ScalarNode) and key.value is not None and str(key.value) == step:
                        found = value  # the last of equal keys would be a duplicate-key error anyway
                        break
                if found is None:
                    return 0, 0
                node = found
            elif isinstance(node, SeqNode) and isinstance(step, int) and 0 <= step < len(node.items):
                node = node.items[step]
            else:
                return 0, 0
        return node.line, node.col


class LazyRef(SourceRef):
    """A SourceRef whose line and column are looked up on first use (see the module doc).

    Equal to, and hashed like, the SourceRef of the same place."""

    locator: Locator

    def __init__(self, locator: Locator, path: Path_) -> None:
        fields = self.__dict__  # frozen: set directly (one a grant of a 50k catalog; a third faster than update())
        fields["file"] = locator.shown
        fields["locator"] = locator
        fields["path"] = path

    @property
    def path(self) -> Path_:
        """The path of the node in its file's data; a LazyRef made by `Locator.items` keeps
        its place's number (`code`) instead, and the path is worked out from it when asked."""
        fields = self.__dict__
        path: Path_ | None = fields.get("path")
        if path is None:
            path = fields["path"] = places.path(fields["code"])
        return path

    def _position(self) -> tuple[int, int]:
        found = self.__dict__.get("_at")
        if found is None:
            found = self.locator.position(self.path)
            object.__setattr__(self, "_at", found)
        return found

    @property
    def line(self) -> int:
        return self._position()[0]

    @property
    def col(self) -> int:
        return self._position()[1]

    @property
    def located(self) -> bool:
        """Whether line and column were already looked up."""
        return "_at" in self.__dict__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SourceRef):
            return NotImplemented
        return (self.file, self.line, self.col) == (other.file, other.line, other.col)

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.col))

    def __repr__(self) -> str:
        return f"SourceRef(file={self.file!r}, line={self.line!r}, col={self.col!r})"

    def __reduce__(self) -> tuple[Callable[..., SourceRef], tuple[object, ...]]:
        if self.located:
            return (SourceRef, (self.file, self.line, self.col))
        return (LazyRef, (self.locator, self.path))


def order_key(where: SourceRef) -> tuple[str, tuple[str | int, ...]]:
    """A sort key that orders places as (file, line) does, without looking lines up: in one
    file, objects come in the order of their paths (a file is read whole by one reader, so its
    objects are all LazyRefs or all located)."""
    if isinstance(where, LazyRef):
        return where.file, where.path
    return where.file, (where.line,)
