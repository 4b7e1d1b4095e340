"""One pass over every object of a cached catalog (`Index.each` over the cache): the objects
read in order a chunk at a time, each checked, and none kept."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from skillstack import cache
from skillstack.cache import cache_dir, load_catalog
from skillstack.loader import shipped_catalog


@pytest.fixture
def catalog(tmp_path: Path, data: Path) -> Path:
    target = tmp_path / "cat"
    shutil.copytree(data / "catalogs" / "mini", target)
    return target


def _cache_file() -> Path:
    (entry,) = cache_dir().glob(f"catalog-*{cache.SUFFIX}")
    return entry


@pytest.mark.parametrize("chunk", [1, 300, cache.SEQUENTIAL_READ])
def test_each_reads_every_object_as_stored_in_order_keeping_none(monkeypatch: pytest.MonkeyPatch,
                                                                   chunk: int) -> None:
    """A chunk of 1 byte reads each object on its own; 300 bytes, a few at a time."""
    monkeypatch.setattr(cache, "SEQUENTIAL_READ", chunk)
    original = load_catalog([shipped_catalog()]).catalog
    cached = load_catalog([shipped_catalog()])
    assert cached.from_cache
    lazy = cached.catalog
    held = lazy.credentials["pmi-pmp"]
    for kind in ("skill", "credential", "role"):
        walked = list(lazy.index(kind).each())
        assert walked == list(original.index(kind)) and len(walked) > 1
    assert lazy.credentials.decoded == ["pmi-pmp"]  # walked, not kept
    assert next(c for c in lazy.credentials.each() if c.id == "pmi-pmp") is held  # the one in memory


def test_each_after_a_role_added_in_memory_ends_with_it() -> None:
    load_catalog([shipped_catalog()])
    lazy = load_catalog([shipped_catalog()]).catalog
    extra = next(iter(lazy.roles))
    more = lazy.with_role(dataclasses.replace(extra, id="posting-role"))
    assert [r.id for r in more.roles.each()] == [*(r.id for r in lazy.roles), "posting-role"]


def test_each_refuses_an_object_changed_under_its_checksum_and_deletes_the_file(catalog: Path) -> None:
    load_catalog([catalog])
    entry = _cache_file()
    data = bytearray(entry.read_bytes())
    data[data.index(b"SQL Basics")] ^= 0x01
    entry.write_bytes(bytes(data))
    cached = load_catalog([catalog]).catalog
    walked = cached.credentials.each()
    with pytest.raises(cache.CacheDamaged, match="the catalog cache is damaged"):
        list(walked)
    assert not entry.exists()
    assert load_catalog([catalog]).catalog.credentials["sql-basics"].name == "SQL Basics"


def test_each_over_a_cache_truncated_while_in_use_is_a_clear_error(catalog: Path) -> None:
    load_catalog([catalog])
    cached = load_catalog([catalog]).catalog
    entry = _cache_file()
    with entry.open("r+b") as f:
        f.truncate(entry.stat().st_size // 3)
    with pytest.raises(cache.CacheDamaged, match="the catalog cache is damaged"):
        list(cached.credentials.each())
    assert not entry.exists()
