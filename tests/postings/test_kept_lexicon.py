"""The lexicon kept beside the catalog cache answers exactly as the one built from the objects."""

from __future__ import annotations

from pathlib import Path

from skillstack.cache import cache_dir, load_catalog
from skillstack.catalog import build_catalog
from skillstack.loader import default_paths, load_raw
from skillstack.postings import Lexicon, extract, read_posting, sniff

REAL = Path(__file__).parents[1] / "data" / "postings" / "real"


def _results(lex: Lexicon) -> list[object]:
    out: list[object] = []
    for path in sorted(REAL.glob("*.*")):
        if path.suffix in (".txt", ".md") and path.name.startswith(("skillspan", "usajobs")):
            text = path.read_text(encoding="utf-8")
            out.append(extract(lex, read_posting(text, sniff(path.name, text)), path.name))
    return out


def test_the_kept_lexicon_equals_the_built_one_and_reads_no_object() -> None:
    paths = default_paths()
    built = Lexicon(build_catalog(load_raw(paths)))
    assert not load_catalog(paths).from_cache  # the first load builds the cache
    stored = load_catalog(paths)
    assert stored.from_cache
    first = Lexicon(stored.catalog)  # builds the kept table (reading every object) and writes it
    [kept_file] = cache_dir().glob("derived-*-postings-lexicon-*.skc")
    again = load_catalog(paths).catalog
    kept = Lexicon(again)
    assert again.credentials.decoded == [] and again.skills.decoded == []  # nothing read to make it
    for lex in (first, kept):
        assert dict(lex.entries) == built.entries and len(lex.entries) == len(built.entries)
        assert dict(lex.codes) == built.codes and dict(lex.families) == built.families
        assert all(prefix in lex.prefixes for prefix in built.prefixes)
        assert lex.exam_code("SY0-701") == built.exam_code("SY0-701") is not None
        assert "no such phrase at all" not in lex.entries
    assert _results(kept) == _results(built)
    assert kept_file.is_file()


def test_a_damaged_kept_lexicon_is_rebuilt() -> None:
    paths = default_paths()
    load_catalog(paths)
    expected = _results(Lexicon(load_catalog(paths).catalog))
    [kept_file] = cache_dir().glob("derived-*.skc")
    data = kept_file.read_bytes()
    kept_file.write_bytes(data[: len(data) // 2])  # truncated
    assert _results(Lexicon(load_catalog(paths).catalog)) == expected
    assert kept_file.stat().st_size == len(data)  # written again
    assert _results(Lexicon(load_catalog(paths).catalog)) == expected


def test_a_posting_role_over_the_cache_reads_only_what_the_posting_names() -> None:
    from skillstack.postings.service import posting_target

    paths = default_paths()
    load_catalog(paths)
    Lexicon(load_catalog(paths).catalog)  # the kept lexicon, built once
    catalog = load_catalog(paths).catalog
    text = "# SOC Analyst\n## Requirements\n- CompTIA Security+ (SY0-701) required\n- Incident response\n- SQL\n"
    with_role, role = posting_target(catalog, [("soc.md", text)])
    assert role.id == "posting" and with_role.roles["posting"] is role
    assert catalog.credentials.decoded == ["comptia-security-plus"]
    assert sorted(catalog.skills.decoded) == ["incident-response", "sql"] and catalog.roles.decoded == []
