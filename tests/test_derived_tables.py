"""Tables derived from a catalog, kept by the cache beside the catalog (`Catalog.derived`)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from skillstack import cache
from skillstack.cache import cache_dir, load_catalog


@pytest.fixture
def catalog(tmp_path: Path, data: Path) -> Path:
    target = tmp_path / "cat"
    shutil.copytree(data / "catalogs" / "mini", target)
    return target


def _names(built: list[int]) -> Any:
    def build() -> Iterator[tuple[str, Any]]:
        built.append(1)
        yield "one", {"n": 1}
        yield "two", [2, "two"]
    return build


def test_a_derived_table_is_built_once_and_read_back(catalog: Path) -> None:
    assert load_catalog([catalog]).catalog.derived("names", _names([])) is None  # built, not from the cache
    built: list[int] = []
    table = load_catalog([catalog]).catalog.derived("names", _names(built))
    assert table is not None and dict(table) == {"one": {"n": 1}, "two": [2, "two"]} and built == [1]
    again = load_catalog([catalog]).catalog.derived("names", _names(built))
    assert again is not None and again["two"] == [2, "two"] and "three" not in again and built == [1]
    other = load_catalog([catalog]).catalog.derived("names-2", _names(built))
    assert other is not None and built == [1, 1]  # another name is another table
    with pytest.raises(ValueError, match="name"):
        load_catalog([catalog]).catalog.derived("../names", _names(built))


def test_derived_tables_go_with_their_catalog(catalog: Path) -> None:
    file = catalog / "catalog.yaml"
    text = file.read_text()
    for n in range(cache.KEEP + 2):
        file.write_text(text.replace("name: SQL Basics", f"name: SQL Basics {n}"))
        load_catalog([catalog])
        load_catalog([catalog]).catalog.derived("names", _names([]))
        time.sleep(0.01)  # distinct modification times for the cache files
    kept = {f.name.removeprefix("catalog-").removesuffix(".skc") for f in cache_dir().glob("catalog-*.skc")}
    derived = {f.name.split("-")[1] for f in cache_dir().glob("derived-*.skc")}
    assert len(kept) == cache.KEEP and derived == kept


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],                      # truncated
    lambda data: data[:-40] + bytes(40),                      # trailer zeroed
    lambda data: b"not a cache file at all\n",                # foreign
])
def test_a_damaged_derived_table_is_built_again_not_trusted(catalog: Path, damage: Any) -> None:
    load_catalog([catalog])  # the catalog cache; the derived table goes beside it
    built: list[int] = []
    assert load_catalog([catalog]).catalog.derived("names", _names(built)) is not None and built == [1]
    (kept,) = cache_dir().glob("derived-*-names.skc")
    kept.write_bytes(damage(kept.read_bytes()))
    table = load_catalog([catalog]).catalog.derived("names", _names(built))
    assert table is not None and built == [1, 1]
    assert dict(table) == {"one": {"n": 1}, "two": [2, "two"]}


def test_a_value_changed_under_its_checksum_is_refused_and_the_file_deleted(catalog: Path) -> None:
    """Values are checked when read (a run reads a few): the damaged file goes, the next run builds."""
    load_catalog([catalog])
    built: list[int] = []
    load_catalog([catalog]).catalog.derived("names", _names(built))
    (kept,) = cache_dir().glob("derived-*-names.skc")
    data = kept.read_bytes()
    assert data.count(b"\x92\x02\xa3two") == 1  # [2, "two"] in msgpack
    kept.write_bytes(data.replace(b"\x92\x02\xa3two", b"\x92\x03\xa3two"))
    table = load_catalog([catalog]).catalog.derived("names", _names(built))
    assert table is not None and table["one"] == {"n": 1}
    with pytest.raises(cache.CacheDamaged, match="damaged"):
        table["two"]
    assert not kept.exists()
    again = load_catalog([catalog]).catalog.derived("names", _names(built))
    assert again is not None and dict(again) == {"one": {"n": 1}, "two": [2, "two"]} and built == [1, 1]


def test_a_derived_table_that_cannot_be_kept_is_answered_from_memory(catalog: Path, tmp_path: Path) -> None:
    """Something not ours at the table's name (here a symlink) is left alone, never followed."""
    load_catalog([catalog])
    (cached,) = cache_dir().glob("catalog-*.skc")
    key = cached.name.removeprefix("catalog-").removesuffix(".skc")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("not ours to write\n")
    (cache_dir() / f"derived-{key}-names.skc").symlink_to(elsewhere)
    built: list[int] = []
    table = load_catalog([catalog]).catalog.derived("names", _names(built))
    assert table is not None and dict(table) == {"one": {"n": 1}, "two": [2, "two"]}
    assert elsewhere.read_text() == "not ours to write\n"
    assert built == [1]  # built once, not once to write and again to answer


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_cache_folder_builds_a_derived_table_once(catalog: Path) -> None:
    load_catalog([catalog])
    folder = cache_dir()
    folder.chmod(0o500)
    try:
        built: list[int] = []
        table = load_catalog([catalog]).catalog.derived("names", _names(built))
        assert table is not None and dict(table) == {"one": {"n": 1}, "two": [2, "two"]} and built == [1]
        assert not list(folder.glob("derived-*"))
    finally:
        folder.chmod(0o700)


def test_a_derived_table_keeps_any_keys_and_values(catalog: Path) -> None:
    rows = {"café": [1, "é"], "日本語 の キー": {"k": "v"}, "": None, "x" * 300: b"\x00\xff", "plain": 0}

    def build() -> Iterator[tuple[str, Any]]:
        yield from rows.items()

    load_catalog([catalog])
    assert load_catalog([catalog]).catalog.derived("keys", build) is not None  # built and kept
    assert len(list(cache_dir().glob("derived-*-keys.skc"))) == 1
    table = load_catalog([catalog]).catalog.derived("keys", build)
    assert table is not None and dict(table) == rows and len(table) == len(rows)
    assert all(table[key] == value for key, value in rows.items()) and "caf" not in table
