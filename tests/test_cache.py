"""The loaded-catalog cache: reused when nothing changed, rebuilt when stale or corrupt."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from skillstack import cache, locate
from skillstack.cache import cache_dir, load_catalog
from skillstack.errors import InputError
from skillstack.model import SourceRef


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
    (entry,) = cache_dir().glob("catalog-*.skc")
    entry.write_bytes(b"not a cache")
    again = load_catalog([catalog])
    assert not again.from_cache
    assert load_catalog([catalog]).from_cache


def test_catalog_with_errors_is_refused(catalog: Path) -> None:
    (catalog / "bad.yaml").write_text("skills:\n  - {id: sql, name: Again}\n")
    with pytest.raises(InputError, match=r"the catalog has errors: .*catalog.yaml:5:5: error: skill id 'sql' "
                                         r"is already defined at .*bad.yaml:2:5"):
        load_catalog([catalog])
    assert not list(cache_dir().glob("catalog-*.skc"))


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
    assert lazy.credentials.decoded == ["pmi-pmp"]  # the other credentials are still packed
    assert lazy.granters("sql", 2) == original.granters("sql", 2)
    assert lazy.credentials.resolve("Project Management Professional (PMP)").id == "pmi-pmp"
    assert [s.id for s in lazy.stacks()] == [s.id for s in original.stacks()]
    assert lazy.issuers() == original.issuers()
    assert all(lazy.texts(kind) == original.texts(kind) for kind in ("skill", "credential", "role"))
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
    assert len(list(cache_dir().glob("catalog-*.skc"))) == cache.KEEP
    assert len(list(cache_dir().glob("stamp-*"))) == cache.KEEP


def test_a_file_that_vanishes_while_loading_is_a_one_line_error(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = catalog / "gone.yaml"
    monkeypatch.setattr(cache, "catalog_files", lambda paths: [catalog / "catalog.yaml", gone])
    with pytest.raises(InputError, match=r"gone\.yaml: cannot read \(No such file or directory\); check the path"):
        load_catalog([catalog])


def _cache_file() -> Path:
    (entry,) = cache_dir().glob(f"catalog-*{cache.SUFFIX}")
    return entry


@pytest.mark.parametrize("damage", ["truncate", "flip-object", "flip-header", "foreign-format"])
def test_damaged_or_foreign_cache_is_rebuilt_never_trusted(catalog: Path, damage: str) -> None:
    load_catalog([catalog])
    entry = _cache_file()
    data = bytearray(entry.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip-object":  # a byte of one stored object: its checksum no longer matches
        data[data.index(b"SQL Basics")] ^= 0x01
    elif damage == "flip-header":
        data[-30] ^= 0xFF
    else:
        data = bytearray(b"\x80\x04\x95" + bytes(100))  # a pickle's first bytes
    entry.write_bytes(bytes(data))
    if damage == "flip-object":  # found only when that object is read: one clear error, the file goes
        cached = load_catalog([catalog]).catalog
        with pytest.raises(cache.CacheDamaged, match="the catalog cache is damaged"):
            [c.id for c in cached.credentials]
        assert not entry.exists()
    else:
        assert not load_catalog([catalog]).from_cache
    fresh = load_catalog([catalog])
    assert fresh.catalog.credentials["sql-basics"].name == "SQL Basics"


def test_the_cache_is_data_not_pickle_and_its_folder_is_private(catalog: Path) -> None:
    load_catalog([catalog])
    data = _cache_file().read_bytes()
    assert data.startswith(cache.MAGIC) and b"pickle" not in data and not data.startswith(b"\x80")
    assert cache_dir().stat().st_mode & 0o777 == 0o700
    assert _cache_file().stat().st_mode & 0o777 == 0o600


def test_the_same_catalog_from_another_folder_is_served_from_the_cache(
        catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(catalog)
    first = load_catalog([Path(".")])
    assert first.catalog.credentials["sql-basics"].where.file == "catalog.yaml"
    monkeypatch.chdir(tmp_path)
    again = load_catalog([catalog])
    assert again.from_cache
    where = first.catalog.credentials["sql-basics"].where
    assert again.catalog.credentials["sql-basics"].where == SourceRef("cat/catalog.yaml", where.line, where.col)
    assert str(again.catalog.credentials["sql-basics"].where) == f"cat/catalog.yaml:{where.line}:{where.col}"


def test_group_or_world_writable_cache_folder_is_not_used(catalog: Path) -> None:
    folder = cache_dir()
    folder.mkdir(mode=0o700)
    folder.chmod(0o777)
    assert not load_catalog([catalog]).from_cache
    assert not load_catalog([catalog]).from_cache
    assert not list(folder.iterdir())


def test_a_writable_by_others_cache_file_is_ignored_and_kept(catalog: Path) -> None:
    load_catalog([catalog])
    entry = _cache_file()
    entry.chmod(0o666)
    assert not load_catalog([catalog]).from_cache
    assert entry.exists()  # not ours to trust, not ours to delete either


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to plant another owner's file")
def test_a_file_planted_by_another_owner_is_not_loaded_nor_deleted(catalog: Path) -> None:
    load_catalog([catalog])
    entry = _cache_file()
    planted = entry.read_bytes().replace(b"SQL Basics", b"SQL Hacked")
    entry.write_bytes(planted)
    os.chown(entry, 4321, 4321)
    for stamp in cache_dir().glob("stamp-*"):
        os.chown(stamp, 4321, 4321)
    again = load_catalog([catalog])
    assert not again.from_cache and again.catalog.credentials["sql-basics"].name == "SQL Basics"
    assert entry.exists() and entry.stat().st_uid == 4321 and entry.read_bytes() == planted


def test_orphaned_temp_files_are_cleaned_and_others_files_kept(catalog: Path) -> None:
    folder = cache_dir()
    folder.mkdir(mode=0o700)
    old = time.time() - 2 * cache.ORPHAN_SECONDS
    orphan = folder / ".catalog-0123.skc.abcd.tmp"
    fresh = folder / ".catalog-4567.skc.efgh.tmp"
    mine = folder / "notes.txt"
    for file in (orphan, fresh, mine):
        file.write_bytes(b"x")
    os.utime(orphan, (old, old))
    os.utime(mine, (old, old))
    load_catalog([catalog])
    assert not orphan.exists() and fresh.exists() and mine.exists()


def test_a_warm_load_reads_no_yaml(catalog: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from skillstack.cache import load_catalog; "
            f"loaded = load_catalog([Path({str(catalog)!r})]); "
            "print(loaded.from_cache, loaded.catalog.credentials['sql-basics'].name, "
            "sorted(m for m in sys.modules if m == 'yaml' or m.startswith('skillstack.schema')))")
    env = {**os.environ, "SKILLSTACK_CACHE_DIR": str(cache_dir())}
    outs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
            for _ in range(2)]
    assert outs[0].startswith("False SQL Basics")
    assert outs[1] == "True SQL Basics []\n"


def test_a_slow_first_load_says_what_it_is_doing(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines: list[str] = []
    monkeypatch.setattr(cache, "PROGRESS_AFTER", 0.0)
    real_read = cache.read_file

    def slow_read(*args: object, **kwargs: object) -> None:
        time.sleep(0.2)
        real_read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "read_file", slow_read)
    load_catalog([catalog], progress=lines.append)
    assert lines == ["reading and checking 1 catalog file (0.0 MB); later runs use the cache"]
    load_catalog([catalog], progress=lines.append)  # from the cache: nothing to say
    assert len(lines) == 1


def test_a_quick_first_load_says_nothing(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines: list[str] = []
    monkeypatch.setattr(cache, "PROGRESS_AFTER", 60.0)
    load_catalog([catalog], progress=lines.append)
    assert lines == []


def test_a_warm_plan_imports_no_yaml_reader_and_no_schema(tmp_path: Path) -> None:
    # nor what it does not use: the other commands' reports, the audit service, tempfile (it
    # writes nothing), OpenSSL (hashlib's; the cache's SHA-256 is Python's built-in one)
    import subprocess
    import sys

    mini = Path(__file__).parent / "data" / "catalogs" / "mini"
    code = ("import sys\nfrom skillstack.cli import app\n"
            f"try:\n    app(['plan', '--catalog', {str(mini)!r}, '--role', 'analyst', '--format', 'json'], "
            "standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m in ('yaml', 'ryml', 'networkx', 'tempfile', 'hashlib', "
            "'skillstack.report.outputs', 'skillstack.audit') or m.startswith(("
            "'skillstack.schema', 'skillstack.yamlread', 'skillstack.fastread'))), file=sys.stderr)")
    env = {**os.environ, "SKILLSTACK_CACHE_DIR": str(tmp_path / "warm")}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
            for _ in range(2)]
    assert "skillstack.fastread" in runs[0].stderr  # the first run read the catalog
    assert runs[1].stderr.strip().splitlines()[-1] == "[]", runs[1].stderr


def test_a_cache_truncated_while_in_use_is_a_clear_error_not_a_crash(catalog: Path) -> None:
    load_catalog([catalog])
    cached = load_catalog([catalog]).catalog
    entry = _cache_file()
    with entry.open("r+b") as f:  # another process rewrote it in place (a mapped file would raise SIGBUS)
        f.truncate(entry.stat().st_size // 3)
    with pytest.raises(cache.CacheDamaged, match="the catalog cache is damaged"):
        [c.id for c in cached.credentials]
    assert not entry.exists()
    assert load_catalog([catalog]).catalog.credentials["sql-basics"].name == "SQL Basics"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts descriptors in /proc")
def test_loading_from_the_cache_leaves_no_file_open_once_the_catalog_is_gone(catalog: Path) -> None:
    import gc

    load_catalog([catalog])
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        loaded = load_catalog([catalog])
        assert loaded.from_cache and loaded.catalog.credentials["sql-basics"].name == "SQL Basics"
    del loaded
    gc.collect()
    assert len(os.listdir("/proc/self/fd")) == before


def test_a_catalog_reached_through_links_is_keyed_by_its_real_files(catalog: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (catalog / "catalog.yaml").rename(elsewhere / "real.yaml")
    (catalog / "catalog.yaml").symlink_to(elsewhere / "real.yaml")  # a linked file inside the catalog
    (tmp_path / "via").symlink_to(catalog, target_is_directory=True)  # and a linked folder to it
    monkeypatch.chdir(tmp_path)
    first = load_catalog([catalog])
    again = load_catalog([Path("via")])
    assert again.from_cache and again.catalog.credentials["sql-basics"].name == "SQL Basics"
    assert again.catalog.files == first.catalog.files == ["elsewhere/real.yaml"]  # where the text is
    real = elsewhere / "real.yaml"
    real.write_text(real.read_text().replace("name: SQL Basics", "name: SQL Foundations"))
    edited = load_catalog([Path("via")])
    assert not edited.from_cache and edited.catalog.credentials["sql-basics"].name == "SQL Foundations"


def _locations(obj: object, out: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """(file, line, column) of every location in `obj` and the objects inside it, in order."""

    if isinstance(obj, SourceRef):
        out.append((obj.file, obj.line, obj.col))
    elif dataclasses.is_dataclass(obj):
        for field in dataclasses.fields(obj):
            _locations(getattr(obj, field.name), out)
    elif isinstance(obj, tuple):
        for item in obj:
            _locations(item, out)
    return out


def test_every_location_reads_back_from_the_cache_as_it_was_read(catalog: Path) -> None:
    # a file the fast reader leaves to the located reader (an anchor), beside the fast-read ones
    (catalog / "located.yaml").write_text(
        "skills:\n  - &first {id: located-skill, name: Located Skill}\n"
        "credentials:\n  - id: located-cred\n    name: Located Credential\n    issuer: Acme U\n"
        "    kind: course\n    url: https://example.org/loc\n    cost: 10\n    hours: 2\n"
        "    grants: [{skill: located-skill, level: 1}, {skill: sql, level: 1}]\n"
        "    last_reviewed: 2026-10-01\n    sources: [https://example.org/loc]\n")
    fresh = load_catalog([catalog])
    assert not fresh.from_cache
    cached = load_catalog([catalog])
    assert cached.from_cache
    for kind in ("skill", "credential", "role"):
        for obj in fresh.catalog.index(kind):
            expected = _locations(obj, [])
            assert expected and all(line > 0 for _, line, _ in expected)
            assert _locations(cached.catalog.index(kind)[obj.id], []) == expected, obj.id


@pytest.mark.parametrize("places", [1, 2, locate.PLACES])
def test_locations_read_back_however_many_places_a_file_can_name(catalog: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  places: int) -> None:
    # a location is stored as one number (its index and its place: file, key, tail) while the
    # file can name its place; past that, as its path: slower, never wrong
    monkeypatch.setattr(locate, "PLACES", places)
    fresh = load_catalog([catalog])
    cached = load_catalog([catalog])
    assert cached.from_cache
    for kind in ("skill", "credential", "role"):
        for obj in fresh.catalog.index(kind):
            expected = _locations(obj, [])
            assert len(expected) > (kind != "skill") and all(line > 0 for _, line, _ in expected)
            assert _locations(cached.catalog.index(kind)[obj.id], []) == expected, obj.id


def test_the_fast_reader_numbers_every_location_it_makes_and_they_read_back_as_they_were(tmp_path: Path) -> None:
    # objects' own locations and nested ones (requirements and their groups, discounts, a role's
    # skills and expectations) are numbered as they are read (`code`): packing stores the numbers
    root = Path(__file__).resolve().parents[1]
    folder = tmp_path / "small"
    subprocess.run([sys.executable, str(root / "bench" / "gen_catalog.py"), "small", str(folder)],
                   check=True, capture_output=True)
    fresh = load_catalog([folder])
    assert not fresh.from_cache
    cached = load_catalog([folder])
    assert cached.from_cache
    nested = 0
    for kind in ("skill", "credential", "role"):
        for obj in fresh.catalog.index(kind):
            refs = _refs(obj, [])
            assert all(type(ref) is locate.LazyRef and "code" in ref.__dict__ for ref in refs), obj.id
            nested += len(refs) - 1
            expected = _locations(obj, [])
            assert _locations(cached.catalog.index(kind)[obj.id], []) == expected, obj.id
            assert [ref.path for ref in _refs(cached.catalog.index(kind)[obj.id], [])] == \
                [ref.path for ref in refs], obj.id
    assert nested > 1000


def _refs(obj: object, out: list[SourceRef]) -> list[SourceRef]:
    if isinstance(obj, SourceRef):
        out.append(obj)
    elif dataclasses.is_dataclass(obj):
        for field in dataclasses.fields(obj):
            _refs(getattr(obj, field.name), out)
    elif isinstance(obj, tuple):
        for item in obj:
            _refs(item, out)
    return out


def test_the_names_stored_for_lookups_are_the_catalogs_records(catalog: Path) -> None:
    # packing takes each object's record (id, name, aliases, issuer, provider) off its packed values
    fresh = load_catalog([catalog])
    cached = load_catalog([catalog])
    assert cached.from_cache
    for kind in ("skill", "credential", "role"):
        expected = fresh.catalog.index(kind).records()
        assert expected and cached.catalog.index(kind).records() == expected
    assert cached.catalog.skills.records()[0] == ("sql", "SQL", ("structured query language",), "", "")
    assert cached.catalog.credentials.records()[0] == ("sql-basics", "SQL Basics", (), "Acme U", "")


@pytest.mark.parametrize(("spill", "batch"), [(1, 1), (64, 3), (cache.SPILL, cache.BATCH)])
def test_a_cache_written_as_it_is_packed_has_the_bytes_packed_in_memory(
        catalog: Path, monkeypatch: pytest.MonkeyPatch, spill: int, batch: int) -> None:
    # the first load writes its cache file a buffer at a time (`pack_catalog` given the file)
    import io

    monkeypatch.setenv("SKILLSTACK_NO_CACHE", "1")
    loaded = load_catalog([catalog])
    resolved = [str((catalog / name).resolve()) for name in loaded.catalog.files]
    whole = bytes(cache.pack_catalog(loaded, resolved))
    monkeypatch.setattr(cache, "SPILL", spill)
    monkeypatch.setattr(cache, "BATCH", batch)
    streamed = io.BytesIO()
    assert not cache.pack_catalog(loaded, resolved, streamed)
    assert streamed.getvalue() == whole
    monkeypatch.delenv("SKILLSTACK_NO_CACHE")
    first = load_catalog([catalog])
    assert not first.from_cache
    (written,) = cache_dir().glob("catalog-*.skc")
    assert written.read_bytes() == whole
    again = load_catalog([catalog])
    assert again.from_cache
    assert [_locations(c, []) for c in again.catalog.credentials] == [_locations(c, []) for c in loaded.catalog.credentials]


@pytest.mark.skipif(sys.platform != "linux", reason="the folder is worked out here on Linux only")
@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-cache", "relative/cache", ""])
def test_the_default_cache_folder_is_the_one_platformdirs_names(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path, xdg: str | None) -> None:
    from platformdirs import user_cache_dir

    monkeypatch.delenv("SKILLSTACK_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_dir() == Path(user_cache_dir("skillstack"))
    if xdg is None:
        assert cache_dir() == tmp_path / ".cache" / "skillstack"
