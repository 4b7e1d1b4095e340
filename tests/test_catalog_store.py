"""A Catalog over a store: objects read when used, derived indexes taken from the store or built.

The cache is one store (tests/test_cache.py); this one keeps the objects in dicts, so the
tests show what the `Store` interface asks of any store, and nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from typing import Any

import pytest

from skillstack.catalog import Catalog, Grants, Record, Stacks, build_catalog
from skillstack.loader import load_raw, shipped_catalog
from skillstack.model import CredentialId


class DictObjects:
    def __init__(self, objects: dict[str, Any], records: list[Record]) -> None:
        self.objects, self.stored_records = objects, records
        self.read: list[str] = []

    def __getitem__(self, ident: str) -> Any:
        self.read.append(ident)
        return self.objects[ident]

    def __contains__(self, ident: object) -> bool:
        return ident in self.objects

    def __iter__(self) -> Iterator[str]:
        return iter(self.objects)

    def __len__(self) -> int:
        return len(self.objects)

    def each(self, skip: Container[str]) -> Iterator[tuple[str, Any]]:
        for ident in self.objects:
            yield ident, None if ident in skip else self[ident]

    def each_values(self, fields: tuple[str, ...], skip: Container[str]) -> Iterator[tuple[str, Any]]:
        for ident, obj in self.each(skip):
            yield ident, None if obj is None else tuple(getattr(obj, name) for name in fields)

    def records(self) -> list[Record]:
        return self.stored_records


class DictStore:
    def __init__(self, catalog: Catalog, granters: Mapping[str, Grants] | None = None,
                 stacks: Stacks | None = None) -> None:
        self.info, self.files = catalog.info, catalog.files
        self.kept_granters, self.kept_stacks = granters, stacks
        self.kinds = {kind: DictObjects({o.id: o for o in catalog.index(kind)}, catalog.index(kind).records())
                      for kind in ("skill", "credential", "role")}

    def objects(self, kind: str) -> DictObjects:
        return self.kinds[kind]

    def granters(self) -> Mapping[str, Grants] | None:
        return self.kept_granters

    def stacks(self) -> Stacks | None:
        return self.kept_stacks

    def derived(self, name: str, build: Callable[[], Iterable[tuple[str, Any]]]) -> Mapping[str, Any] | None:
        return None


@pytest.fixture(scope="module")
def built() -> Catalog:
    return build_catalog(load_raw([shipped_catalog()]))


def test_a_catalog_over_a_store_answers_like_the_built_one_and_reads_only_what_is_used(built: Catalog) -> None:
    store = DictStore(built)
    lazy = Catalog.from_store(store)
    assert len(lazy.credentials) == len(built.credentials) and "pmi-pmp" in lazy.credentials
    assert lazy.credentials["pmi-pmp"] == built.credentials["pmi-pmp"]
    assert lazy.credentials.resolve("Project Management Professional (PMP)").id == "pmi-pmp"
    assert store.kinds["credential"].read == ["pmi-pmp"]  # resolving a name reads the names, not the objects
    assert lazy.credentials["pmi-pmp"] is lazy.credentials["pmi-pmp"] and store.kinds["credential"].read == ["pmi-pmp"]
    assert lazy.issuers() == built.issuers()
    assert all(lazy.texts(kind) == built.texts(kind) for kind in ("skill", "credential", "role"))
    # derived indexes the store does not keep are built from its objects
    assert lazy.granters("sql", 2) == built.granters("sql", 2)
    assert [s.id for s in lazy.stacks()] == [s.id for s in built.stacks()]
    assert lazy.info == built.info and lazy.files == built.files


def test_derived_indexes_a_store_keeps_are_used_as_they_are(built: Catalog) -> None:
    kept_granters: dict[str, Grants] = {"sql": ((3, CredentialId("only-this-one")),)}
    store = DictStore(built, kept_granters, built.stack_index)
    lazy = Catalog.from_store(store)
    assert lazy.granters("sql", 1) == ["only-this-one"]  # taken from the store, not rebuilt
    assert [s.id for s in lazy.stacks()] == [s.id for s in built.stacks()]
    assert set(store.kinds["credential"].read) == {s.id for s in built.stacks()}  # only the stacks were read



def test_with_role_adds_a_role_reading_nothing_and_keeps_the_store(built: Catalog) -> None:
    from dataclasses import replace

    store = DictStore(built, stacks=built.stack_index)
    lazy = Catalog.from_store(store)
    first = next(iter(built.roles))
    extra = replace(first, id="posting-role", name="Posted Analyst")
    more = lazy.with_role(extra)
    assert all(kind.read == [] for kind in store.kinds.values())  # nothing read to add it
    assert more.roles["posting-role"] is extra and len(more.roles) == len(built.roles) + 1
    assert more.roles.resolve("posted analyst").id == "posting-role"
    assert [r.id for r in more.roles] == [*(r.id for r in built.roles), "posting-role"]
    assert "posting-role" not in lazy.roles and len(lazy.roles) == len(built.roles)
    assert [s.id for s in more.stacks()] == [s.id for s in built.stacks()]  # the store's stacks, not rebuilt
    assert set(store.kinds["credential"].read) == {s.id for s in built.stacks()}
    plain = built.with_role(extra)
    assert [r.id for r in plain.roles] == [r.id for r in more.roles] and "posting-role" not in built.roles


def test_each_walks_every_object_in_order_keeping_none(built: Catalog) -> None:
    store = DictStore(built)
    lazy = Catalog.from_store(store)
    lazy.credentials["pmi-pmp"]
    assert [c.id for c in lazy.credentials.each()] == [c.id for c in built.credentials]
    assert lazy.credentials.decoded == ["pmi-pmp"]  # read to walk them, not kept
    assert len(store.kinds["credential"].read) == len(built.credentials)  # pmi-pmp once, from memory after
    assert [c.id for c in built.credentials.each()] == [c.id for c in built.credentials]
