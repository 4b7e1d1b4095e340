"""`schema.toolkit.constructor` builds the very object `model(**kwargs)` builds: equal, the same
fields in the same order, as frozen; what the dataclass refuses, it refuses the same way."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from skillstack import model as m
from skillstack.loader import load_raw, shipped_catalog
from skillstack.schema.toolkit import constructor


def nested(obj: object) -> Iterator[object]:
    """`obj` and every dataclass object inside it (fields, tuples of them), but positions."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, (type, m.SourceRef)):
        yield obj
        for f in dataclasses.fields(obj):
            yield from nested(getattr(obj, f.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from nested(item)


@pytest.mark.parametrize("fast", [True, False], ids=["fast-reader", "located-reader"])
def test_every_object_read_is_the_one_its_init_builds(fast: bool) -> None:
    raw = load_raw([shipped_catalog()], fast=fast)
    seen = 0
    for top in [*raw.skills, *raw.credentials, *raw.roles]:
        for obj in nested(top):
            again = dataclasses.replace(obj)  # through the dataclass's own __init__
            assert obj == again and list(vars(obj).items()) == list(vars(again).items())
            seen += 1
    assert seen > 1000


def test_a_built_object_is_frozen_equal_and_hashed_like_one_from_init() -> None:
    build = constructor(m.Credential)
    kwargs = {"id": "c", "name": "C", "issuer": "I", "kind": "course", "where": m.SourceRef("f.yaml", 3, 5),
              "hours": 12.0, "grants": (m.Grant(m.SkillId("sql"), m.Level.ADVANCED),)}
    built, made = build(dict(kwargs)), m.Credential(**kwargs)  # type: ignore[arg-type]
    assert type(built) is m.Credential and built == made and hash(built) == hash(made) and repr(built) == repr(made)
    assert list(vars(built).items()) == list(vars(made).items())
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.hours = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError, match="required positional argument: 'kind'"):
        build({k: v for k, v in kwargs.items() if k != "kind"})
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        build({**kwargs, "colour": "red"})


@dataclasses.dataclass(frozen=True)
class Checked:
    n: int
    twice: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "twice", 2 * self.n)


@dataclasses.dataclass(frozen=True)
class Listed:
    n: int
    items: list[int] = dataclasses.field(default_factory=list)


def test_a_dataclass_it_cannot_build_exactly_is_called_as_it_is() -> None:
    assert constructor(Checked)({"n": 2}) == Checked(2, 4)
    first, second = constructor(Listed)({"n": 1}), constructor(Listed)({"n": 1})
    assert first == Listed(1) and first.items is not second.items


def test_both_readers_build_equal_catalogs() -> None:
    one, two = load_raw([shipped_catalog()]), load_raw([shipped_catalog()], fast=False)
    assert one.credentials == two.credentials and one.skills == two.skills and one.roles == two.roles
