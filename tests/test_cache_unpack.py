"""The cache's unpackers, the general one and each class's written out: every model class read
back exactly as it was stored, field by field (locations and other fields that equality skips
included), types and all, by either."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from typing import Any

import pytest

from skillstack import cache, model
from skillstack.cache import load_catalog, read_back
from skillstack.model import SourceRef


def _same(a: object, b: object, where: str = "") -> None:
    """`a` and `b` alike in every field, compare=False ones too, and of the same types."""
    if isinstance(a, SourceRef):
        assert isinstance(b, SourceRef), where
        assert (a.file, a.line, a.col) == (b.file, b.line, b.col), where
        return
    assert type(a) is type(b), f"{where}: {type(a).__name__} != {type(b).__name__}"
    if dataclasses.is_dataclass(a):
        for field in dataclasses.fields(a):
            _same(getattr(a, field.name), getattr(b, field.name), f"{where}.{field.name}")
    elif isinstance(a, tuple):
        assert len(a) == len(b), where  # type: ignore[arg-type]
        for i, (x, y) in enumerate(zip(a, b, strict=True)):  # type: ignore[call-overload]
            _same(x, y, f"{where}[{i}]")
    else:
        assert a == b, where


def _sample(hint: Any, depth: int = 0) -> Any:
    """A value of type `hint`, none of its fields left at their defaults (unions: their first
    member; a requirement nests one level)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hasattr(hint, "__supertype__"):
        return _sample(hint.__supertype__, depth)
    if origin in (typing.Union, types.UnionType):
        present = [a for a in args if a is not type(None)]
        if present[0] is model.SkillReq and depth < 2:
            return _sample(model.AllOf, depth)  # an object holding objects of a union
        return _sample(present[0], depth)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return (_sample(args[0], depth + 1), _sample(args[0], depth + 1))
        return tuple(_sample(a, depth + 1) for a in args)
    if hint is SourceRef:
        return SourceRef("elsewhere.yaml", 7, 9)
    if dataclasses.is_dataclass(hint):
        assert isinstance(hint, type)
        hints = typing.get_type_hints(hint)
        return hint(**{f.name: _sample(hints[f.name], depth + 1) for f in dataclasses.fields(hint)})
    if isinstance(hint, type) and issubclass(hint, Enum):
        return list(hint)[-1]
    return {str: "text", int: 3, float: 2.5, bool: True, date: date(2026, 1, 2)}[hint]


@pytest.fixture(params=[0, 10**9], ids=["written", "general"])
def unpacker(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Objects unpacked by each class's own unpacker from the first, or by the general one only."""
    monkeypatch.setattr(cache, "WRITE_AFTER", request.param)


MODEL_CLASSES = sorted((c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)),
                       key=lambda c: c.__name__)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
@pytest.mark.usefixtures("unpacker")
def test_every_model_class_reads_back_field_for_field(cls: type) -> None:
    obj = _sample(cls)
    _same(read_back(obj), obj, cls.__name__)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
@pytest.mark.usefixtures("unpacker")
def test_every_optional_field_reads_back_when_empty(cls: type) -> None:
    full = _sample(cls)
    hints = typing.get_type_hints(cls)
    empty = {f.name: None for f in dataclasses.fields(cls) if type(None) in typing.get_args(hints[f.name])}
    empty |= {f.name: () for f in dataclasses.fields(cls) if typing.get_origin(hints[f.name]) is tuple
              and typing.get_args(hints[f.name])[-1] is Ellipsis}
    obj = dataclasses.replace(full, **empty)
    _same(read_back(obj), obj, cls.__name__)


@pytest.mark.parametrize("write_after", [0, 3, 10**9])
def test_the_shipped_catalog_reads_back_from_the_cache_field_for_field(monkeypatch: pytest.MonkeyPatch,
                                                                      write_after: int) -> None:
    monkeypatch.setattr(cache, "WRITE_AFTER", write_after)
    from skillstack.loader import shipped_catalog

    fresh = load_catalog([shipped_catalog()])
    cached = load_catalog([shipped_catalog()])
    assert cached.from_cache and not fresh.from_cache
    _same(cached.catalog.info, fresh.catalog.info, "info")
    for kind in ("skill", "credential", "role"):
        originals = list(fresh.catalog.index(kind))
        read = list(cached.catalog.index(kind).each())  # the bulk read, then one by one
        assert [o.id for o in read] == [o.id for o in originals]
        for obj, again in zip(originals, read, strict=True):
            _same(again, obj, obj.id)
            _same(cached.catalog.index(kind)[obj.id], obj, obj.id)


def test_some_fields_of_every_object_read_back_as_the_objects_have_them() -> None:
    from skillstack.loader import shipped_catalog

    fresh = load_catalog([shipped_catalog()]).catalog
    cached = load_catalog([shipped_catalog()]).catalog
    asked = {"skill": ("id", "aliases", "where", "broader"),
             "credential": ("id", "cost", "grants", "last_reviewed", "where", "requires", "status"),
             "role": ("requires", "id", "salary", "expects")}
    first = next(iter(cached.credentials.records()))[0]
    in_memory = cached.credentials[first]  # one object already read: its values come from it
    for kind, fields in asked.items():
        expected = [tuple(getattr(obj, name) for name in fields) for obj in fresh.index(kind)]
        for got in (list(cached.index(kind).each_values(*fields)), list(fresh.index(kind).each_values(*fields))):
            assert len(got) == len(expected)
            for values, want in zip(got, expected, strict=True):
                _same(values, want, f"{kind} {want}")
    assert cached.credentials.decoded == [first] and cached.credentials[first] is in_memory


def test_a_field_the_class_does_not_have_is_refused() -> None:
    from skillstack.loader import shipped_catalog

    load_catalog([shipped_catalog()])
    cached = load_catalog([shipped_catalog()]).catalog
    with pytest.raises(Exception, match="no field 'nonsense'"):
        list(cached.credentials.each_values("id", "nonsense"))
