"""The CSV and TSV tables of an O*NET or ESCO extract, parsed from bytes the caller read."""

from __future__ import annotations

import csv
import io

from skillstack.errors import InputError


def table_rows(name: str, data: bytes, delimiter: str) -> list[dict[str, str]]:
    """A table's rows as `{column: value}` (a byte-order mark allowed), or an InputError naming the file."""
    try:
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: byte {exc.start} is not UTF-8; use the extract's UTF-8 files as published") from None
    except csv.Error as exc:
        raise InputError(f"{name}: not a readable table ({exc}); use the extract's files as published") from None
