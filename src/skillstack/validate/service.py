"""Run every rule over a set of catalog files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from skillstack.catalog import Catalog, build_catalog
from skillstack.errors import InputError
from skillstack.loader import RawCatalog, catalog_files, load_raw, paused_gc
from skillstack.problems import Problem
from skillstack.validate.context import RuleContext
from skillstack.validate.rules import RULES


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


def check_raw(raw: RawCatalog, today: date | None = None) -> Validation:
    """Every problem in already-read catalog files, sorted by position.

    >>> check_raw(load_raw([shipped_catalog()])).errors
    0
    """
    catalog = build_catalog(raw)
    ctx = RuleContext(raw, catalog, today or date.today())
    problems = list(raw.problems)
    for rule in RULES:
        problems.extend(rule.check(ctx))
    allowed = {(obj.where, rule) for obj in [*catalog.credentials, *catalog.roles] for rule in obj.allow_warnings}
    kept = [p for p in problems if p.level == "error" or (p.where, p.rule) not in allowed]
    return Validation(sorted(set(kept)), raw.files, catalog)


def validate_paths(paths: Iterable[Path], today: date | None = None) -> Validation:
    paths = list(paths)
    files = catalog_files(paths)
    if not files:
        shown = ", ".join(str(p) for p in paths)
        raise InputError(f"no catalog files (*.yaml, *.yml) under {shown}; check the path")
    with paused_gc():
        return check_raw(load_raw(files), today)
