"""The documentation of validate's rules, from their module docstrings (as `ruff rule` prints it).

Rules that run while files are read (`schema`, `yaml-syntax`, ...) are documented by one
line each in the rule registry's docstring; the others by their own module docstring.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass

from skillstack.errors import InputError
from skillstack.validate import rules as registry


@dataclass(frozen=True)
class RuleDoc:
    id: str
    level: str
    summary: str
    text: str
    opt_in: bool = False


def _reading_rules() -> list[RuleDoc]:
    doc = inspect.getdoc(registry) or ""
    found: dict[str, str] = {}
    current = ""
    for line in doc.splitlines():
        m = re.match(r"- `([a-z0-9-]+)` \((error|warning)\): (.*)", line)
        if m:
            current = m.group(1)
            found[current] = m.group(3)
        elif current and line.startswith("  "):
            found[current] += " " + line.strip()
        else:
            current = ""
    return [RuleDoc(rid, level, found.get(rid, ""), f"{rid} ({level}): {found.get(rid, '')}\n\n"
                    "Applied while the file is read, before any other rule.")
            for rid, level in registry.READING_RULES.items()]


def all_rules() -> list[RuleDoc]:
    """Every rule, sorted by id: its level, first line and full documentation."""
    out = _reading_rules()
    for module, opt_in in [(m, False) for m in registry.RULES] + [(m, True) for m in registry.OPT_IN_RULES]:
        text = inspect.getdoc(module) or f"{module.ID} ({module.LEVEL})"
        first = text.splitlines()[0]
        summary = first.split(":", 1)[1].strip() if ":" in first else first
        out.append(RuleDoc(module.ID, str(module.LEVEL), summary, text, opt_in))
    return sorted(out, key=lambda r: r.id)


def rule(ident: str) -> RuleDoc:
    """One rule's documentation; InputError naming the closest ids when there is no such rule."""
    from skillstack.textmatch import rank

    docs = {r.id: r for r in all_rules()}
    if ident in docs:
        return docs[ident]
    close = [t for t, _ in rank(ident, list(docs), limit=3)]
    hint = f"closest: {', '.join(close)}; " if close else ""
    raise InputError(f"no rule {ident!r}; {hint}`skillstack rule --list` lists them all")
