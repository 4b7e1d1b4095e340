"""Validation problems as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

import json

from skillstack.safe_text import one_line
from skillstack.validate.service import Validation


def _summary(v: Validation) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return f"{plural(v.errors, 'error')}, {plural(v.warnings, 'warning')} in {plural(len(v.files), 'file')}"


def as_text(v: Validation) -> str:
    lines = [one_line(str(p)) for p in v.problems]
    lines.append(_summary(v))
    return "\n".join(lines) + "\n"


def as_json(v: Validation) -> str:
    doc = {
        "schema_version": 1,
        "problems": [
            {"file": p.file, "line": p.line, "column": p.col, "level": p.level, "rule": p.rule,
             "message": p.message}
            for p in v.problems
        ],
        "summary": {"errors": v.errors, "warnings": v.warnings, "files": len(v.files)},
    }
    return json.dumps(doc, indent=2) + "\n"


def _escape(text: str, props: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if props:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def as_github(v: Validation) -> str:
    lines = [
        f"::{p.level} file={_escape(p.file, True)},line={p.line},col={p.col},title={_escape(p.rule, True)}"
        f"::{_escape(p.message)}"
        for p in v.problems
    ]
    lines.append(_summary(v))
    return "\n".join(lines) + "\n"


FORMATS = {"text": as_text, "json": as_json, "github": as_github}
