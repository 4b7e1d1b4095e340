"""Options shared by several commands."""

from __future__ import annotations

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
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {text!r} is not a date; write it as YYYY-MM-DD") from None
