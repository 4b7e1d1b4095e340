"""The loaded-catalog cache: reused when nothing changed, rebuilt when stale or corrupt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from skillstack.errors import InputError
from skillstack.store import cache_dir, load_catalog


@pytest.fixture
def catalog(tmp_path: Path, data: Path) -> Path:
    target = tmp_path / "cat"
    shutil.copytree(data / "catalogs" / "mini", target)
    return target


def test_second_load_comes_from_the_cache(catalog: Path) -> None:
    first = load_catalog([catalog])
    second = load_catalog([catalog])
    assert (first.from_cache, second.from_cache) == (False, True)
    assert sorted(c.id for c in second.catalog.credentials) == sorted(c.id for c in first.catalog.credentials)


def test_changed_file_is_reloaded(catalog: Path) -> None:
    load_catalog([catalog])
    file = catalog / "catalog.yaml"
    file.write_text(file.read_text().replace("name: SQL Basics", "name: SQL Foundations"))
    again = load_catalog([catalog])
    assert not again.from_cache and again.catalog.credentials["sql-basics"].name == "SQL Foundations"


def test_corrupt_cache_is_rebuilt(catalog: Path) -> None:
    load_catalog([catalog])
    (entry,) = cache_dir().glob("catalog-*.pickle")
    entry.write_bytes(b"not a pickle")
    again = load_catalog([catalog])
    assert not again.from_cache
    assert load_catalog([catalog]).from_cache


def test_catalog_with_errors_is_refused(catalog: Path) -> None:
    (catalog / "bad.yaml").write_text("skills:\n  - {id: sql, name: Again}\n")
    with pytest.raises(InputError, match=r"the catalog has errors: .*catalog.yaml:5:5: error: skill id 'sql' "
                                         r"is already defined at .*bad.yaml:2:5"):
        load_catalog([catalog])
    assert not list(cache_dir().glob("catalog-*.pickle"))


def test_no_cache_env(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLSTACK_NO_CACHE", "1")
    load_catalog([catalog])
    assert not load_catalog([catalog]).from_cache
