"""The indexes the rules share (validate.context) leave out nothing a rule reports: every rule
finds the same problems when each of the walk's lists holds every credential."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from skillstack.catalog import build_catalog
from skillstack.loader import load_raw, shipped_catalog
from skillstack.problems import Problem
from skillstack.validate.context import ERRORS_READ, CredentialWalk, RuleContext, walk_credentials
from skillstack.validate.rules import OPT_IN_RULES, RULES

DATA = Path(__file__).parents[1] / "data"
# the stale-review examples were reviewed on 2024-05-01: a year later to the day is still fresh
TODAYS = [date(2024, 4, 30), date(2024, 5, 1), date(2025, 5, 1), date(2025, 5, 2), date(2026, 11, 1)]
RETIRED_AND_IMPOSSIBLE = """
skills:
  - {id: sql, name: SQL}
  - {id: python, name: Python, broader: sql}
credentials:
  - {id: old, name: Old, issuer: X, kind: course, hours: 5, status: retired, grants: [{skill: sql, level: 1}]}
  - {id: due, name: Due, issuer: X, kind: course, hours: 5, retires: 2025-01-01, superseded_by: old,
     grants: [{skill: sql, level: 2}]}
  - id: three-of-two
    name: Three Of Two
    issuer: X
    kind: course
    hours: 5
    requires: [{n_of: 3, from: [{skill: sql, level: 1}, {skill: python, level: 1}]}]
    recommends: [{credential: old}]
    grants: [{skill: python, level: 2}]
  - {id: stack, name: Stack, issuer: X, kind: program, awarded_for: {all_of: [{credential: due}, {credential: old}]}}
"""


def folders(tmp: Path) -> list[Path]:
    (tmp / "cat.yaml").write_text(RETIRED_AND_IMPOSSIBLE, encoding="utf-8")
    rules = sorted(p for p in (DATA / "rules").glob("*/*") if p.is_dir())
    return [tmp, shipped_catalog(), *sorted((DATA / "catalogs").iterdir()), *rules]


def found(ctx: RuleContext) -> dict[str, list[Problem]]:
    return {rule.ID: sorted(rule.check(ctx)) for rule in (*RULES, *OPT_IN_RULES)}


def test_every_rule_finds_as_much_as_when_it_looks_at_every_credential(tmp_path: Path) -> None:
    checked = 0
    for folder in folders(tmp_path):
        raw = load_raw([folder])
        catalog = build_catalog(raw)
        everyone = list(catalog.credentials)
        for today in TODAYS:
            fast = RuleContext(raw, catalog, today, frozenset({"onet-in-demand"}))
            slow = RuleContext(raw, catalog, today, frozenset({"onet-in-demand"}))
            every = CredentialWalk(**{f.name: list(everyone) for f in fields(CredentialWalk)})
            every.ids = [c.id for c in everyone]
            slow.walk = every  # (a cached property: set on the instance, it is what the rules read)
            fast_found, slow_found = found(fast), found(slow)
            assert fast_found == slow_found, (folder, today)
            checked += sum(map(len, fast_found.values()))
    assert checked > 100  # the examples do report problems: the two walks were compared on them


@pytest.mark.parametrize("today", [date(2024, 5, 1), date(2025, 5, 2)])
def test_the_example_s_retired_and_impossible_requirements_are_reported(tmp_path: Path, today: date) -> None:
    raw = load_raw(folders(tmp_path)[:1])
    rules = {p.rule for listed in found(RuleContext(raw, build_catalog(raw), today)).values() for p in listed}
    assert {"retired-dependency", "impossible-group", "unreachable"} <= rules


def test_the_walk_for_the_error_rules_fills_their_lists_as_the_full_walk_does(tmp_path: Path) -> None:
    for folder in folders(tmp_path):
        credentials = list(build_catalog(load_raw([folder])).credentials)
        for today in TODAYS[::2]:
            full, lean = walk_credentials(credentials, today), walk_credentials(credentials, today, errors_only=True)
            for name in ERRORS_READ:
                assert getattr(lean, name) == getattr(full, name), (folder, name)
            for name in {f.name for f in fields(CredentialWalk)} - set(ERRORS_READ):
                with pytest.raises(AssertionError, match="only warnings read"):
                    list(getattr(lean, name))  # no error rule reads it: reading it is a mistake
