"""`rule`: validate's rule documentation, one rule in full or the list, as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from skillstack.validate.docs import RuleDoc


def as_text(docs: Sequence[RuleDoc], listing: bool) -> str:
    """One rule's documentation as `ruff rule` prints it, or the list: id, level and summary a line."""
    if not listing:
        return docs[0].text.rstrip() + "\n"
    wide = max(len(d.id) for d in docs)
    return "".join(f"{d.id:<{wide}}  {d.level:<7}  {d.summary}{' (opt-in: --enable)' if d.opt_in else ''}\n"
                   for d in docs)


def as_json(docs: Sequence[RuleDoc], listing: bool) -> str:
    """Each rule's id, level, summary and whether it is opt-in; one rule also its documentation."""
    rows = [{"id": d.id, "level": d.level, "summary": d.summary, "opt_in": d.opt_in,
             **({"documentation": d.text} if not listing else {})} for d in docs]
    return json.dumps({"schema_version": 1, "rules": rows}, indent=2) + "\n"

