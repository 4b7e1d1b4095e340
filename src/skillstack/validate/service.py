"""Run every rule over a set of catalog files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from skillstack.catalog import Catalog, build_catalog
from skillstack.errors import InputError
from skillstack.loader import RawCatalog, catalog_files, load_raw, paused_gc
from skillstack.model import Credential, Role
from skillstack.problems import Problem
from skillstack.validate.context import RuleContext
from skillstack.validate.rules import OPT_IN_RULES, RULES


@dataclass
class Validation:
    problems: list[Problem]
    files: list[str]
    catalog: Catalog

    @property
    def errors(self) -> int:
        return sum(p.level == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.level == "warning" for p in self.problems)


def check_raw(raw: RawCatalog, today: date | None = None, enable: Iterable[str] = (),
              errors_only: bool = False) -> Validation:
    """Every problem in already-read catalog files, sorted by position. `errors_only`: only the
    rules that find errors run (for a command that refuses a catalog with errors and shows no
    warnings: a first `plan`); problems found while reading are all kept.

    >>> check_raw(load_raw([shipped_catalog()])).errors
    0
    """
    catalog = build_catalog(raw)
    day = today or date.today()
    ctx = RuleContext(raw, catalog, day, frozenset(enable), errors_only)
    problems = list(raw.problems) + _run_rules(ctx, errors_only)
    problems += _problems_of_duplicates(ctx, errors_only)
    kept = problems
    if any(p.level == "warning" for p in problems):  # (finding an entry's line may re-read its file)
        entries: list[Credential | Role] = [*ctx.walk.allowing, *ctx.roles]  # the credentials that name any
        allowed = {(obj.where, rule) for obj in entries for rule in obj.allow_warnings}
        kept = [p for p in problems if p.level == "error" or (p.where, p.rule) not in allowed]
    # a file that could not be read at all comes first: it may explain much of the rest
    return Validation(sorted(set(kept), key=lambda p: (p.file not in raw.unread, p)), raw.files, catalog)


def _run_rules(ctx: RuleContext, errors_only: bool = False) -> list[Problem]:
    problems: list[Problem] = []
    for rule in (*RULES, *(r for r in OPT_IN_RULES if r.ID in ctx.enabled)):
        if not (errors_only and rule.LEVEL == "warning"):
            problems.extend(rule.check(ctx))
    return problems


def _problems_of_duplicates(ctx: RuleContext, errors_only: bool = False) -> list[Problem]:
    """The problems inside later definitions of a duplicated id, which the catalog (first
    definition wins) does not hold: the rules run again with the last definition winning,
    and only problems located inside those definitions are kept."""
    raw = ctx.raw
    spans: list[tuple[str, int, int]] = []
    for name, kind in (("skill", raw.skills), ("credential", raw.credentials), ("role", raw.roles)):
        if not ctx.defined_twice(name):
            continue  # no id defined twice (most catalogs): nothing to pair up
        objects = [(o.id, o.where) for o in kind]
        last = {ident: where for ident, where in objects}  # the last definition of each id
        seen: set[str] = set()
        for ident, where in objects:
            if ident in seen and last[ident] is where:
                spans.append((where.file, where.line, 0))
            seen.add(ident)
    if not spans:
        return []
    starts: dict[str, list[int]] = {}
    for where in [o.where for o in raw.skills] + [o.where for o in raw.credentials] + [o.where for o in raw.roles]:
        starts.setdefault(where.file, []).append(where.line)
    bounded = []
    for file, line, _ in spans:
        later = [s for s in starts[file] if s > line]
        bounded.append((file, line, min(later) if later else 1 << 62))
    flipped = replace(raw, skills=raw.skills[::-1], credentials=raw.credentials[::-1], roles=raw.roles[::-1])
    found = _run_rules(RuleContext(flipped, build_catalog(flipped), ctx.today, ctx.enabled, errors_only), errors_only)
    return [p for p in found if any(p.file == f and lo <= p.line < hi for f, lo, hi in bounded)]


def validate_paths(paths: Iterable[Path], today: date | None = None, enable: Iterable[str] = ()) -> Validation:
    paths = list(paths)
    files = catalog_files(paths)
    if not files:
        shown = ", ".join(str(p) for p in paths)
        raise InputError(f"no catalog files (*.yaml, *.yml) under {shown}; check the path")
    with paused_gc():
        return check_raw(load_raw(files), today, enable)
