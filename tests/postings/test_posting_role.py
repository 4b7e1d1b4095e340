"""A role from several postings: what recurs is kept, importance from how often, counts in sources."""

from __future__ import annotations

from datetime import date

import yaml

from skillstack.postings import Lexicon, extract, read_posting
from skillstack.postings.role import build_role, draft_role, role_yaml

POSTINGS = [
    "## Requirements\n- SQL\n- Python\n- Security+ or CISSP\n- 3+ years of network administration",
    "## Requirements\n- SQL\n- Python\n- Excel\n- 5 years of network administration",
    "## Requirements\n- SQL\n- Excel\n- Security+ or CISSP",
    "## Requirements\n- Tableau\n## Nice to have\n- SQL",
    "## Duties\n- Write reports in SQL",
]


def role(lex: Lexicon, texts: list[str], min_share: float = 0.25):  # type: ignore[no-untyped-def]
    results = [extract(lex, read_posting(t, "markdown"), f"p{n}.md") for n, t in enumerate(texts)]
    return build_role(lex.catalog, results, "acme-analyst", "Analyst", min_share)


def test_recurring_items_are_kept_with_counts(lex: Lexicon) -> None:
    draft = role(lex, POSTINGS)
    kept = {c.share: (c.importance, c.level) for c in draft.kept}
    assert kept == {
        "SQL: 5 of 5 postings": ("essential", 2.0),  # essential in 3 of 5: the most common
        "Python: 2 of 5 postings": ("important", 2.0),  # 2 of 5 < half: at most important
        "Spreadsheets: 2 of 5 postings": ("important", 2.0),
        "CompTIA Security+ or ISC2 Certified Information Systems Security Professional (CISSP): 2 of 5 postings":
            ("important", 0.0),
        "Network Administration: 2 of 5 postings": ("important", 2.0),
        "3 years of networking: 2 of 5 postings": ("important", 3.0),  # median of 3 and 5, the lower
    }
    assert [c.share for c in draft.dropped] == ["Tableau: 1 of 5 postings"]


def test_min_share_and_a_single_posting(lex: Lexicon) -> None:
    assert {c.label for c in role(lex, POSTINGS, min_share=0.6).kept} == {"SQL"}
    single = role(lex, POSTINGS[3:4])
    assert {(c.label, c.importance) for c in single.kept} == {("Tableau", "essential"), ("SQL", "optional")}


def test_role_yaml_round_trips_through_the_model(lex: Lexicon) -> None:
    draft = role(lex, POSTINGS)
    doc = yaml.safe_load(role_yaml(draft, date(2026, 12, 2)))
    [written] = doc["roles"]
    assert written["id"] == "acme-analyst" and written["last_reviewed"] == date(2026, 12, 2)
    assert {"experience": "networking", "years": 3, "importance": "important",
            "source": "3 years of networking: 2 of 5 postings"} in written["requires"]
    model = draft_role(draft)
    assert [s.skill for s in model.requires][:1] == ["sql"] and len(model.expects) == 2
