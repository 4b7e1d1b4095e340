"""Property-based fuzzing of the catalog reader and the profile reader.

Whatever bytes a curator or a career changer hands us, the answer is a located problem
(validate: exit 1 with file:line:col; plan: exit 2 naming file:line:col) or a valid result,
never an internal error (exit 3) or an exception escaping. Documents come from three
sources: mutations of a valid file (characters inserted, deleted, replaced, lines
duplicated), structured documents built from hostile scalars (.inf, 1e400, huge integers,
dates near 9999, control characters, markup), and raw bytes.

The budget is fixed (40 documents a test), so CI stays fast; CI's second run draws new
documents each time (SKILLSTACK_HYPOTHESIS=random). Set SKILLSTACK_FUZZ_EXAMPLES to search
longer locally.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from skillstack.cache import load_catalog
from skillstack.cli import app
from skillstack.errors import SkillstackError
from skillstack.loader import RawCatalog, read_file
from skillstack.plan.service import plan
from skillstack.profile import read_profile, resolve_profile
from skillstack.validate.service import check_raw
from strategies import edited

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "catalogs" / "mini"
VALID_CATALOG = (MINI / "catalog.yaml").read_text()
VALID_PROFILE = """name: Alex Rivera
skills: {sql: 1, "py3": 1}
credentials:
  - {id: py-basics, earned: 2025-05-01}
experience: {security: 2}
targets: [analyst]
constraints:
  budget: 1500
  hours_per_week: 8
  start: 2026-12-01
  deadline: 2027-09-30
  exclude: [BigCo]
  optimize: cost
progress: {in_progress: [sql-basics]}
"""
EXAMPLES = int(os.environ.get("SKILLSTACK_FUZZ_EXAMPLES", "40"))
# derandomized or random as tests/conftest.py's profile says (CI's lowest-versions run is random)
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                       HealthCheck.function_scoped_fixture])
runner = CliRunner()

HOSTILE_SCALARS = st.sampled_from([
    ".inf", "-.inf", ".nan", "1e400", "-1e400", "9" * 5000, "-0", "0x1F", "0o17", "1_000", "9999-12-31",
    "0001-01-01", "2026-02-30", "~", "null", "", "true", "yes", "[/]", "[link=https://x.example]x[/link]",
    "javascript:alert(1)", "https://ok.example/x", "\"a\\r\\nb\"", "\"\\e[31m\"", "\"\\x00\"", "'$294'", "-5",
    "intermediate", "5", "expert", "sql", "analyst", "py-basics", "*a", "&a x", "!!python/object:os.system",
])
# the same kinds of values as YAML would read them, for structured documents
VALUES = st.sampled_from([
    float("inf"), float("-inf"), float("nan"), 1e308, 10**400, -5, 0, 2, 4, 5, True, None, "", "x" * 3000,
    date(9999, 12, 31), date(1, 1, 1), date(2026, 12, 1), "a\r\nb", "\x1b[31mred", "\x00", "[/]", "$294",
    "javascript:alert(1)", "https://ok.example/x", "intermediate", "sql", "analyst", "py-basics", "security",
    {}, [], {"amount": "$294"}, {"currency": "USD"}, {"amount": float("inf")}, {"subscription": {"monthly": -1}},
    {"skill": "sql", "level": 9}, {"credential": "py-basics"}, {"n_of": 10**30, "from": []},
])
KEYS = st.sampled_from([
    "id", "name", "skills", "credentials", "roles", "cost", "hours", "grants", "requires", "level", "skill",
    "credential", "url", "sources", "kind", "issuer", "validity_years", "last_reviewed", "any_of", "n_of",
    "from", "experience", "years", "targets", "constraints", "budget", "start", "deadline", "earned",
    "hours_per_week", "exclude", "optimize", "progress", "in_progress", "importance", "x-note", "\t", "",
])


def _tree() -> st.SearchStrategy[Any]:
    leaves = VALUES | HOSTILE_SCALARS
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
                        max_leaves=25)


def mutated(base: str) -> st.SearchStrategy[bytes]:
    return edited(base, st.sampled_from(["\t", "\r", "\x1b", "\x00", ":", "- ", "{", "]", "'", '"', "&a ", "*a",
                                         "\n  ", " .inf", " 1e400", " 9999-12-31", "[/]", "\ufeff", "\u202e", "#"])
                  | HOSTILE_SCALARS, most_edits=6, longest_cut=40)


def documents(base: str, top_keys: list[str]) -> st.SearchStrategy[bytes]:
    structured = st.dictionaries(st.sampled_from(top_keys), _tree(), max_size=4).map(
        lambda doc: yaml.safe_dump(doc, allow_unicode=True).encode())
    return st.one_of(mutated(base), structured, st.binary(max_size=300))


def _assert_located(problems: list[Any], name: str) -> None:
    for p in problems:
        assert p.file == name and p.line >= 1 and p.col >= 1, p
        assert "\n" not in p.message and "\r" not in p.message, p
        assert len(p.message) < 1000, p


@FUZZ
@given(documents(VALID_CATALOG, ["catalog", "skills", "credentials", "roles"]))
def test_catalog_reader_gives_located_problems_or_a_catalog(tmp_path_factory: Any, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "catalog.yaml"
    path.write_bytes(data)
    raw = RawCatalog()
    read_file(path, data, raw)
    name = raw.files[0]
    result = check_raw(raw, date(2026, 11, 1))
    _assert_located([p for p in result.problems if p.file == name], name)
    cli = runner.invoke(app, ["validate", str(path), "--today", "2026-11-01"])
    assert cli.exit_code in (0, 1), cli.output
    if result.errors == 0 and len(result.catalog.roles):
        cat = load_catalog([path]).catalog
        from skillstack.model import Profile

        role = next(iter(result.catalog.roles)).id
        plan(cat, Profile(targets=(role,)), date(2026, 12, 1))  # a valid catalog plans without raising


@FUZZ
@given(documents(VALID_PROFILE, ["name", "skills", "credentials", "experience", "targets", "constraints",
                                 "progress", "education"]))
def test_profile_reader_gives_located_problems_or_a_plan(tmp_path_factory: Any, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "profile.yaml"
    path.write_bytes(data)
    catalog = load_catalog([MINI]).catalog
    try:
        profile, _warnings = resolve_profile(read_profile(path), catalog)
    except SkillstackError as exc:
        message = str(exc)
        assert "\n" not in message and len(message) < 2000, message
        assert message.startswith(str(path)) or "profile.yaml" in message, message
        return
    with contextlib.suppress(SkillstackError):  # "no" answers and bad names are fine; nothing else escapes
        plan(catalog, profile, date(2026, 12, 1))
    cli = runner.invoke(app, ["plan", "--profile", str(path), "--catalog", str(MINI), "--today", "2026-12-01"])
    assert cli.exit_code in (0, 1, 2), cli.output
