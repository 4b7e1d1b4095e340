"""The fast reader (rapidyaml -> JSON -> msgspec, lines found on demand) reads exactly what
the located reader (libyaml events -> nodes with lines) reads: the same objects, every
nested `where` at the same line and column, the same problems (file, line, column, message),
on every catalog the tests have, generated ones, and hypothesis' documents."""

from __future__ import annotations

import dataclasses
import gc
import subprocess
import sys
import time
import weakref
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillstack import fastread
from skillstack.catalog import build_catalog
from skillstack.graph import SkillGraph, dependents_of, has_prerequisite_cycle, reachable
from skillstack.loader import RawCatalog, catalog_files, load_raw, read_file, shipped_catalog
from skillstack.locate import LazyRef, Locator
from skillstack.model import SourceRef
from skillstack.requirements import State, all_hold, walk_requirements
from skillstack.validate.service import check_raw, validate_paths
from strategies import edited

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
TODAY = date(2026, 11, 1)
VALID_CATALOG = (DATA / "catalogs" / "mini" / "catalog.yaml").read_text(encoding="utf-8")
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PIECES = ["\t", "\r", "\x00", ":", "- ", "{", "}", "[", "]", "'", '"', "&a ", "*a", "!!str ", "\n  ", "\n- ",
          " .inf", " 012", " ~", " TRUE", " 1e400", " 9999-12-31", "\ufeff", "\u202e", "#", "? ", "---\n",
          " x-note: 1", ", ", "|-\n  ", "\"\\u0031\"", " & ", "* ", ", *", "- !", "&"]


def mutated() -> st.SearchStrategy[bytes]:
    """The mini catalog with a few characters inserted, deleted or replaced, or lines doubled."""
    return edited(VALID_CATALOG, st.sampled_from(PIECES), most_edits=4, longest_cut=20)


def dump(obj: Any) -> Any:
    """Everything in a value, `where`s (compared by line and column) and types included."""
    if isinstance(obj, SourceRef):
        return ("@", obj.file, obj.line, obj.col)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return (type(obj).__name__, tuple((f.name, dump(getattr(obj, f.name))) for f in dataclasses.fields(obj)))
    if isinstance(obj, (list, tuple)):
        return tuple(dump(x) for x in obj)
    if isinstance(obj, Enum):
        return repr(obj)
    return (type(obj).__name__, obj)


def summary(raw: RawCatalog) -> dict[str, Any]:
    return {"files": raw.files, "skills": dump(raw.skills), "credentials": dump(raw.credentials),
            "roles": dump(raw.roles), "info": dump(raw.info), "problems": raw.problems, "unread": raw.unread}


def assert_same(paths: list[Path]) -> tuple[RawCatalog, RawCatalog]:
    fast, located = load_raw(paths), load_raw(paths, fast=False)
    assert summary(fast) == summary(located)
    assert check_raw(fast, TODAY).problems == check_raw(located, TODAY).problems
    return fast, located


def catalogs() -> list[Path]:
    found = [shipped_catalog(), *sorted((DATA / "catalogs").iterdir())]
    for rule in sorted((DATA / "rules").iterdir()):
        found += [p for p in (rule / "pass", rule / "fail") if p.exists()]
    return [p for p in found if p.is_dir() or p.suffix in (".yaml", ".yml")]


def catalog_id(path: Path) -> str:
    """A test id: the shipped catalog may be installed outside the checkout (a venv elsewhere)."""
    return "shipped" if path == shipped_catalog() else str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", catalogs(), ids=catalog_id)
def test_fast_and_located_readers_agree_on_every_test_catalog(path: Path) -> None:
    assert_same([path])


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gen") / "small"
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_catalog.py"), "small", str(folder)],
                   check=True, capture_output=True)
    return folder


def test_fast_and_located_readers_agree_on_a_generated_catalog_which_takes_the_fast_path(generated: Path) -> None:
    fast, _ = assert_same([generated])
    assert len(fast.credentials) == 200 and not fast.problems
    reader = fastread.CatalogReader()
    for file in catalog_files([generated]):
        data = file.read_bytes()
        assert reader.read(data, Locator(str(file), str(file), data)) is not None, file
    # nothing was located while reading: lines are found when asked for
    assert all(isinstance(c.where, LazyRef) for c in fast.credentials)


def test_the_shipped_catalog_mostly_takes_the_fast_path() -> None:
    reader = fastread.CatalogReader()
    files = catalog_files([shipped_catalog()])
    taken = sum(reader.read(f.read_bytes(), Locator(str(f), str(f))) is not None for f in files)
    assert taken >= len(files) * 3 // 4


TRICKY = """\
credentials:
  - id: {ident}
    name: {name}
    issuer: {issuer}
    kind: course
    hours: {hours}
    exam: {exam}
    last_reviewed: {reviewed}
    grants: [{{skill: sql, level: {level}}}]
    x-note: {note}
skills:
  - {{id: sql, name: SQL, aliases: [{alias}]}}
"""
SCALARS = ["012", "'012'", '"012"', "802.11", "'802.11'", "1.50", "'1.50'", "~", "'~'", "Null", "TRUE", "True",
           "'true'", "false", ".inf", "'.inf'", "-.inf", ".nan", "0x1F", "0o17", "1_000", "1e5", "+1", "-0", "2026-10-01",
           "'2026-10-01'", "\"2026-10-01\"", "2026-02-30", "20261001", "'20261001'", "yes", "no", "on", "''", "x",
           "sql", "'sql'", "A & B", "a: b", "'a: b'", "[]", "{}", "[a, b]", "{a: 1}", "-", "'-'", "1", "4", "5",
           "intermediate", "'intermediate'", "|-\n      012", ">-\n      2026-10-01", "\"\\u0031\"", "'it''s'",
           "9" * 25, "1" * 120, "1." + "0" * 120, "'x' # comment", "x #: y", "\"\\t\"", "!!str 12", "&a 1", "*a",
           *(f'"a\\{escape}b"' for escape in ("u202e", "u2066", "x85", "N", "x9f", "x7f", "e", "r", "0", "u2028",
                                               "ufeff", "uffff", "\\", "/", "x41"))]
"""Escapes in double quotes make characters the file's bytes do not show (a control character
or a bidirectional override that the schema refuses, a carriage return, a NUL)."""


VALID = {"ident": "c1", "name": "Course", "issuer": "Org", "hours": "10", "exam": "X1", "reviewed": "2026-10-01",
         "level": "2", "note": "x", "alias": "structured"}


def read_both(path: Path) -> tuple[RawCatalog, RawCatalog]:
    data = path.read_bytes()
    fast, located = RawCatalog(), RawCatalog()
    read_file(path, data, fast)
    read_file(path, data, located, fast=False)
    return fast, located


def test_every_tricky_scalar_in_every_field_reads_the_same_either_way(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    taken = 0
    for key in VALID:
        for scalar in SCALARS:
            path.write_text(TRICKY.format(**{**VALID, key: scalar}), encoding="utf-8")
            fast, located = read_both(path)
            assert summary(fast) == summary(located), (key, scalar)
            taken += isinstance(fast.credentials[0].where, LazyRef) if fast.credentials else 0
    assert taken > len(VALID) * len(SCALARS) // 4  # most of them on the fast path


SKILL_ITEM = "skills:\n  - id: py\n    {line}\n"
TEXT_NOT_PROPERTIES = [  # an `&`, `*` or `!` inside text, where a quick scan could take it for a node's start
    "name: R&D, & more", "name: Sales - & Marketing", "name: Wow! * 2", 'name: "Audit, & Control"',
    "name: 'x, *y'", "name: Python\n    aliases: [a & b, 'c, *d', \"e, !f\", g !h]", "name: \"[&x]\"",
    "description: |\n      * a bullet\n      - & another\n      ! not a tag\n    name: Python",
    "description: >-\n      * folded\n      & kept\n    name: Python",
    "name: Python\n    description: plain text\n      * continued on the next line",
    "name: Python  # comment, & *not* !a tag",
]
PROPERTIES = [  # anchors, aliases and tags: the located reader reads them (and refuses what it must)
    "name: &n Python", "name: Python\n    aliases: [&a x, *a]", "name: !!str Python", "name: ! Python", "&k name: Python",
    "name: Python\n    aliases: &list\n      - py", "name: Python\n    description: !!str |\n      text",
    "name: P\n    domain: &d data\n  - id: r\n    name: R\n    domain: *d", "name: Python\n    aliases: [ *missing ]",
]


@pytest.mark.parametrize("line", TEXT_NOT_PROPERTIES)
def test_an_ampersand_star_or_bang_in_text_keeps_the_fast_path(tmp_path: Path, line: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(SKILL_ITEM.format(line=line), encoding="utf-8")
    fast, located = read_both(path)
    assert summary(fast) == summary(located) and not fast.problems
    assert isinstance(fast.skills[0].where, LazyRef)  # read by the fast reader


@pytest.mark.parametrize("line", PROPERTIES)
def test_anchors_aliases_and_tags_go_to_the_located_reader(tmp_path: Path, line: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(SKILL_ITEM.format(line=line), encoding="utf-8")
    data = path.read_bytes()
    assert fastread.CatalogReader().read(data, Locator(str(path), str(path), data)) is None
    fast, located = read_both(path)
    assert summary(fast) == summary(located)
    assert not any(isinstance(s.where, LazyRef) for s in fast.skills)


@FUZZ
@given(st.dictionaries(st.sampled_from(sorted(VALID)), st.sampled_from(SCALARS), max_size=4))
def test_tricky_scalars_read_the_same_either_way(tmp_path_factory: Any, fields: dict[str, str]) -> None:
    path = tmp_path_factory.mktemp("tricky") / "c.yaml"
    path.write_text(TRICKY.format(**{**VALID, **fields}), encoding="utf-8")
    fast, located = read_both(path)
    assert summary(fast) == summary(located)


@FUZZ
@given(mutated() | st.binary(max_size=200))
def test_fuzzed_documents_read_the_same_either_way(tmp_path_factory: Any, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "catalog.yaml"
    path.write_bytes(data)
    fast, located = read_both(path)
    assert summary(fast) == summary(located)


@pytest.mark.parametrize("text", [
    "skills: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "skills:\n" + "".join("  " * i + "- \n" for i in range(2000)),
    "skills: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n",
    "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                                                  for p, c in zip("abcdefgh", "bcdefghi", strict=True)),
    "- " * 5_000 + "x\n",
])
def test_hostile_files_are_refused_by_both_quickly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    fast, _ = assert_same([path])
    assert fast.problems and not (fast.skills or fast.credentials or fast.roles)
    assert time.perf_counter() - start < 10


NESTED = """\
credentials:
  - id: c1
    name: Course
    issuer: Org
    kind: course
    cost: {amount: 10, currency: USD, subscription: {monthly: 5, provider: p}}
    grants: [{skill: sql, level: 2}, {skill: sql, level: 1}]
    requires: [{any_of: [{skill: sql, level: 1}, {n_of: 1, from: [{credential: c0}]}]}]
    awarded_for: {all_of: [{credential: c0}]}
    sources: [https://example.org/a, {url: https://example.org/b, kind: issuer, facts: [cost]}]
    discounts: [{percent: 10, after: {issuer: Org}}]
    credit: [{toward: BSc, credits: 3}]
    x-note: {a: 1, b: [1, {c: 2, d: [3]}]}
roles:
  - id: r1
    name: Role
    requires:
      - {skill: sql, level: 1}
      - {credential: c1, importance: essential, source: {url: https://example.org/c, kind: issuer}}
      - {experience: data, years: 2, importance: optional, source: postings}
      - {education: bachelor, field: nursing, accredited: true, importance: important}
    salary: {median: 100, currency: USD}
    no_credential_expected: {url: https://example.org/d, kind: authority}
skills:
  - {id: sql, name: SQL, aliases: [structured]}
catalog: {name: test}
"""


def _with_a_duplicate_key() -> list[str]:
    """NESTED with one key written twice, in turn in every mapping it has (flow and block)."""
    found = []
    for at in range(len(NESTED)):
        if NESTED[at] == "{":  # {key: value, ...} -> {key: value, key: value, ...}
            end = min(i for i in (NESTED.find(",", at), NESTED.find("}", at)) if i > 0)
            pair = NESTED[at + 1:end]
            if "[" in pair or "{" in pair:
                continue  # a nested first value: its own mapping is tried in turn
            found.append(NESTED[:end] + ", " + pair + NESTED[end:])
    for line in NESTED.splitlines(keepends=True):
        if ":" in line and not line.lstrip().startswith("-"):  # a block mapping's key: the line twice
            found.append(NESTED.replace(line, line + line, 1))
    return found


def test_the_nested_catalog_takes_the_fast_path(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(NESTED, encoding="utf-8")
    assert fastread.CatalogReader().read(NESTED.encode(), Locator(str(path), str(path))) is not None
    fast, located = read_both(path)
    assert summary(fast) == summary(located) and not fast.problems


def _with_one_mapping_changed() -> list[str]:
    """NESTED with one mapping changed, in turn each of its mappings (flow and block, so each
    record the fast reader writes a converter for, and each list of them): a curator's `x-` key
    added, an unknown key added, a value made null, a key left out."""
    found = []
    for at in range(len(NESTED)):
        if NESTED[at] == "{":
            found += [NESTED[:at + 1] + extra + ", " + NESTED[at + 1:] for extra in ("x-note: 1", "bogus: 1")]
            depth, start = 0, at + 1
            for end in range(at + 1, len(NESTED)):  # its own pairs: value made null, pair left out
                if NESTED[end] in "[{":
                    depth += 1
                elif NESTED[end] in "]}" and depth:
                    depth -= 1
                elif NESTED[end] in ",}" and not depth:
                    key = NESTED[start:end].partition(":")[0]
                    found.append(NESTED[:start] + key + ": " + NESTED[end:])
                    found.append(NESTED[:start] + NESTED[end + 1:] if NESTED[end] == "," else
                                 NESTED[:start].rstrip(", ") + NESTED[end:])
                    if NESTED[end] == "}":
                        break
                    start = end + 1
    lines = NESTED.splitlines(keepends=True)
    for row, line in enumerate(lines):
        key, colon, value = line.strip(" -\n").partition(":")
        if not colon or " " in key or line.lstrip().startswith(("{", "- {", "- http")):
            continue
        indent = " " * (len(line) - len(line.lstrip(" -")))
        for extra in ("x-note: 1", "bogus: 1"):
            found.append("".join([*lines[:row + 1], f"{indent}{extra}\n", *lines[row + 1:]]))
        if value.strip() and "- " not in line:  # a scalar or flow value of its own
            found.append("".join([*lines[:row], f"{indent}{key}:\n", *lines[row + 1:]]))
            found.append("".join([*lines[:row], *lines[row + 1:]]))
    return found


@pytest.mark.parametrize("text", _with_one_mapping_changed())
def test_a_changed_mapping_reads_the_same_either_way(tmp_path: Path, text: str) -> None:
    """The converters written for each record take the usual mapping; anything else goes to the
    general converter (an `x-` key: still read fast) or to the located reader (what it reports)."""
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    _, located = assert_same([path])
    if not located.problems:  # nothing to report: the fast reader reads it itself
        assert fastread.CatalogReader().read(text.encode(), Locator(str(path), str(path))) is not None


def test_every_change_to_a_mapping_is_tried() -> None:
    """The variants above reach every record of NESTED: an `x-` key in each of its mappings."""
    texts = _with_one_mapping_changed()
    assert sum("x-note: 1," in text for text in texts) == NESTED.count("{")
    assert len(texts) > 150


@FUZZ
@given(edited(NESTED, st.sampled_from(PIECES), most_edits=3, longest_cut=12))
def test_fuzzed_nested_documents_read_the_same_either_way(tmp_path_factory: Any, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "catalog.yaml"
    path.write_bytes(data)
    fast, located = read_both(path)
    assert summary(fast) == summary(located)


@pytest.mark.parametrize("text", _with_a_duplicate_key())
def test_a_duplicate_key_at_any_depth_goes_to_the_located_reader(tmp_path: Path, text: str) -> None:
    """JSON keeps the last of two equal keys: the fast reader counts what it converts against
    the nodes rapidyaml read, at every depth, `x-` values included."""
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    assert fastread.CatalogReader().read(text.encode(), Locator(str(path), str(path))) is None
    fast, located = read_both(path)
    assert summary(fast) == summary(located)


def test_a_file_whose_json_is_twice_its_yaml_takes_the_fast_path(tmp_path: Path) -> None:
    """rapidyaml's JSON goes into a buffer one and a half times the file; more is emitted again."""
    text = "skills:\n  - {id: py, name: Python, aliases: [" + ",".join(f"a{i % 10}" for i in range(20_000)) + "]}\n"
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    assert fastread.CatalogReader().read(text.encode(), Locator(str(path), str(path))) is not None
    fast, _ = assert_same([path])
    assert len(fast.skills[0].aliases) == 20_000


def test_a_lazy_where_is_found_once_and_equals_the_located_one(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("# a comment\n\nskills:\n  - id: sql\n    name: SQL\n  -   {id: py, name: Python}\n")
    fast = load_raw([path])
    first, second = (s.where for s in fast.skills)
    assert isinstance(first, LazyRef) and not first.located
    assert (first.line, first.col, second.line, second.col) == (4, 5, 6, 7)
    assert first == SourceRef(first.file, 4, 5) and hash(first) == hash(SourceRef(first.file, 4, 5))
    assert str(second) == f"{second.file}:6:7" and first.located


def _reachable_by_sweeps(catalog: Any) -> tuple[set[str], State]:
    """The oracle for the worklist: sweep every credential until a sweep takes nothing new."""
    state, got, changed = State(any_experience=True), set[str](), True
    while changed:
        changed = False
        for cred in catalog.credentials:
            if cred.id not in got and all_hold(cred.needs, state):
                got.add(cred.id)
                state.credentials.add(cred.id)
                state.add_grants((g.skill, g.level) for g in cred.grants)
                changed = True
    return got, state


@pytest.mark.parametrize("path", catalogs(), ids=catalog_id)
def test_validate_s_dict_graph_answers_as_the_networkx_graph(path: Path) -> None:
    catalog = build_catalog(load_raw([path]))
    graph, deps = SkillGraph(catalog), dependents_of(walk_requirements(catalog.credentials)[0])
    got, state = reachable(catalog)
    again, state_again = _reachable_by_sweeps(catalog)
    assert (got, state.skills, state.credentials) == (again, state_again.skills, state_again.credentials)
    assert has_prerequisite_cycle(deps) == bool(graph.prerequisite_cycles())
    edges = {(u, v, kind) for u, v, kind in graph.g.edges(data="kind") if kind in ("requires", "recommends", "part_of")
             and u.startswith("credential:")}
    assert {(node, f"credential:{cid}", kind) for node, out in deps.items() for cid, kind in out.items()} == edges


@pytest.mark.parametrize("path", [shipped_catalog(), DATA / "rules" / "unreachable" / "fail"],
                         ids=["shipped", "with-a-warning"])
def test_a_checked_catalog_is_freed_by_reference_counting_alone(path: Path) -> None:
    """The loader leaves what it built out of the cycle collector's scans (`gc.freeze`): that
    keeps nothing alive only while a load makes no reference cycles."""
    was = gc.isenabled()
    gc.disable()
    try:
        result = validate_paths([path], TODAY)
        kept = [result.catalog, next(iter(result.catalog.credentials)), *(p.where for p in result.problems)]
        str(kept[-1])  # a warning's line found: its file re-read by the located reader
        refs = [weakref.ref(obj) for obj in kept]
        del result, kept
        assert [ref() for ref in refs] == [None] * len(refs)
    finally:
        if was:
            gc.enable()


@pytest.mark.parametrize("parser", ["ryml", "msgspec"])
def test_without_the_fast_parsers_every_file_goes_to_the_located_reader(parser: str) -> None:
    """A broken install (rapidyaml or msgspec cannot be imported) still reads every catalog, as
    the located reader alone does (in a fresh process: the fast reader is made once)."""
    code = "\n".join([
        "import sys",
        f"sys.modules[{parser!r}] = None  # `import {parser}` raises ImportError",
        "from skillstack.loader import load_raw, shipped_catalog",
        "from skillstack.locate import LazyRef",
        "raw, located = load_raw([shipped_catalog()]), load_raw([shipped_catalog()], fast=False)",
        "assert raw.credentials and not any(isinstance(c.where, LazyRef) for c in raw.credentials)",
        "same = lambda r: (r.skills, r.credentials, r.roles, r.problems)",
        "assert same(raw) == same(located)",
        "print('read', len(raw.credentials), 'credentials located')",
    ])
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("read ") and proc.stdout.endswith(" credentials located\n")
