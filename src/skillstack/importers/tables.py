"""The CSV and TSV tables of an O*NET or ESCO extract, parsed from bytes the caller read."""

from __future__ import annotations

import csv
import io

from skillstack.errors import InputError


def table_rows(name: str, data: bytes, delimiter: str) -> list[dict[str, str]]:
    """A table's rows as `{column: value}` (a byte-order mark allowed), or an InputError naming the file.

    A row with fewer fields than the header is refused with its line: csv would fill the missing
    columns with None, which no importer expects (it stopped `import onet` with an internal error).
    """
    try:
        reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter)
        rows: list[dict[str, str]] = []
        for row in reader:
            if None in row.values():
                given = sum(value is not None for value in row.values())
                raise InputError(f"{name}: line {reader.line_num} has {given} of the {len(reader.fieldnames or ())} "
                                 "columns its header names; use the extract's files as published")
            rows.append(row)
        return rows
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: byte {exc.start} is not UTF-8; use the extract's UTF-8 files as published") from None
    except csv.Error as exc:
        raise InputError(f"{name}: not a readable table ({exc}); use the extract's files as published") from None
