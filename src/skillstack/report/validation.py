"""Validation problems as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

import json
from collections import Counter

from skillstack.safe_text import one_line
from skillstack.validate.service import Validation


def _summary(v: Validation) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return f"{plural(v.errors, 'error')}, {plural(v.warnings, 'warning')} in {plural(len(v.files), 'file')}"


def as_text(v: Validation, quiet: bool = False, verbose: bool = False) -> str:
    """One problem a line, then the summary. `quiet`: the problems only (nothing for a clean
    catalog). `verbose`: also how many problems each rule found and every file checked."""
    lines = [one_line(str(p)) for p in v.problems]
    if quiet:
        return "".join(line + "\n" for line in lines)
    lines.append(_summary(v))
    if verbose:
        by_rule = Counter(p.rule for p in v.problems)
        lines += [f"  {n} {rule}" for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))]
        lines.append(f"files checked ({len(v.files)}):")
        lines += [f"  {one_line(f)}" for f in v.files]
    return "\n".join(lines) + "\n"


def as_json(v: Validation, quiet: bool = False, verbose: bool = False) -> str:
    """Every problem and the summary; -q and -v do not change JSON."""
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


def as_github(v: Validation, quiet: bool = False, verbose: bool = False) -> str:
    lines = [
        f"::{p.level} file={_escape(p.file, True)},line={p.line},col={p.col},title={_escape(p.rule, True)}"
        f"::{_escape(p.message)}"
        for p in v.problems
    ]
    if quiet:
        return "".join(line + "\n" for line in lines)
    lines.append(_summary(v))
    return "\n".join(lines) + "\n"

