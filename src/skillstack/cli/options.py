"""Options shared by several commands."""

from __future__ import annotations

import math
from datetime import date
from enum import Enum
from pathlib import Path

import typer

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
    """A date option's value (`profile.parse_date`), or None when the option is not given."""
    if text is None:
        return None
    from skillstack.profile import parse_date as read_date

    return read_date(text, what)


def finite(value: float | None) -> float | None:
    """Option callback: NaN and infinity pass typer's range checks (every comparison is false)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a number; give a finite amount")
    return value
