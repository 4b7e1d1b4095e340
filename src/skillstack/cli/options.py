"""Options shared by several commands."""

from __future__ import annotations

import math
from datetime import date
from enum import Enum
from pathlib import Path

import typer

from skillstack.errors import InputError

CatalogOpt = typer.Option(
    None, "--catalog", "-c", help="Catalog directory or YAML file (repeatable; default: $SKILLSTACK_CATALOG, "
    "else the shipped catalog).", show_default=False)


class Fmt(str, Enum):
    text = "text"
    json = "json"


FormatOpt = typer.Option(Fmt.text, "--format", "-f", help="Output format.")


def catalog_paths(given: list[Path] | None) -> list[Path]:
    from skillstack.loader import default_paths

    return list(given) if given else default_paths()


def parse_date(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    from skillstack.schema import FIRST_YEAR, LAST_YEAR, quote  # not before: a warm plan never imports the schema

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {quote(text)} is not a date; write it as YYYY-MM-DD") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InputError(f"{what} {text} is out of range; use a year from {FIRST_YEAR} to {LAST_YEAR}")
    return day


def finite(value: float | None) -> float | None:
    """Option callback: NaN and infinity pass typer's range checks (every comparison is false)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a number; give a finite amount")
    return value
