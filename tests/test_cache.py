"""The loaded-catalog cache: reused when nothing changed, rebuilt when stale or corrupt."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from skillstack import cache
from skillstack.cache import cache_dir, load_catalog
from skillstack.errors import InputError


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


def test_cached_catalog_unpacks_only_what_is_used_and_matches_the_original() -> None:
    from skillstack.loader import shipped_catalog

    fresh = load_catalog([shipped_catalog()])
    cached = load_catalog([shipped_catalog()])
    assert cached.from_cache
    original, lazy = fresh.catalog, cached.catalog
    assert len(lazy.credentials) == len(original.credentials) and "pmi-pmp" in lazy.credentials
    assert lazy.credentials["pmi-pmp"] == original.credentials["pmi-pmp"]
    assert list(lazy.credentials._objects) == ["pmi-pmp"]  # the other credentials are still packed
    assert lazy.granters("sql", 2) == original.granters("sql", 2)
    assert lazy.credentials.resolve("Project Management Professional (PMP)").id == "pmi-pmp"
    assert [s.id for s in lazy.stacks()] == [s.id for s in original.stacks()]
    assert lazy.issuers() == original.issuers()
    assert list(lazy.credentials) == list(original.credentials)
    assert list(lazy.skills) == list(original.skills) and list(lazy.roles) == list(original.roles)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once (they were written a moment ago, and their change
    time cannot be set back)."""
    monkeypatch.setattr(cache, "RACY_SECONDS", -1.0)


def _refuse_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(files: object) -> object:
        raise AssertionError("the catalog files were read again")

    monkeypatch.setattr(cache, "iter_file_bytes", refuse)


@pytest.mark.usefixtures("settled")
def test_unchanged_files_are_not_even_read_the_second_time(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_catalog([catalog])
    _refuse_reading(monkeypatch)
    again = load_catalog([catalog])
    assert again.from_cache and "sql-basics" in again.catalog.credentials


def test_files_changed_a_moment_ago_are_read_and_hashed_every_time(catalog: Path) -> None:
    (catalog / "catalog.yaml").touch()
    load_catalog([catalog])
    assert not list(cache_dir().glob("stamp-*"))
    assert load_catalog([catalog]).from_cache


@pytest.mark.usefixtures("settled")
def test_a_same_size_edit_with_the_old_time_put_back_is_still_seen(catalog: Path) -> None:
    load_catalog([catalog])
    file = catalog / "catalog.yaml"
    before = file.stat()
    file.write_text(file.read_text().replace("name: SQL Basics", "name: SQL Bxsics"))
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))  # size and time as they were
    again = load_catalog([catalog])
    assert not again.from_cache and again.catalog.credentials["sql-basics"].name == "SQL Bxsics"


@pytest.mark.usefixtures("settled")
def test_only_the_most_recently_used_catalogs_are_kept(catalog: Path) -> None:
    file = catalog / "catalog.yaml"
    text = file.read_text()
    for n in range(cache.KEEP + 3):
        file.write_text(text.replace("name: SQL Basics", f"name: SQL Basics {n}"))
        load_catalog([catalog])
        time.sleep(0.01)  # distinct modification times for the cache files
    assert len(list(cache_dir().glob("catalog-*.pickle"))) == cache.KEEP
    assert len(list(cache_dir().glob("stamp-*"))) == cache.KEEP


def test_a_file_that_vanishes_while_loading_is_a_one_line_error(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = catalog / "gone.yaml"
    monkeypatch.setattr(cache, "catalog_files", lambda paths: [catalog / "catalog.yaml", gone])
    with pytest.raises(InputError, match=r"gone\.yaml: cannot read \(No such file or directory\); check the path"):
        load_catalog([catalog])
