"""How close what a person typed is to a name: the one scorer behind search,
suggestions and fuzzy name resolution.

Scores run from 0 to 100 and rank, best first:

- 100: the same text (after `normalize`);
- 96-99: the text starts with the query's words ("google data" -> "Google Data Analytics");
- 90-95: every query word is a word of the text or the start of one
  ("cyber" -> "Cybersecurity Analyst"), a little less for each extra word;
- below: a typo-tolerant similarity of the whole text and of word against word
  ("statistcs" -> "Statistics" scores about 95).

A query never scores well against a text only because one is a tiny part of the
other: "cyber" does not match "C#" or "R" (rapidfuzz's WRatio gives both 90).
Search results below `SUGGEST` are not worth showing; a fuzzy reading is accepted
without asking only at `ACCEPT` or above, and only when it beats the runner-up.

An error's "did you mean" (`suggest`) looks for a misspelling, so it scores the
whole text alone (rapidfuzz's ratio, as search does for typos) and needs `CLOSE`:
"data" is a word of "data-analysis", not a misspelling of it.

A base module (it imports nothing of the package), so the loader's messages and
the validator's rules suggest with the same scorer as search.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

_PUNCTUATION = "()[]{},;:!?\"'"
ACCEPT = 85.0
SUGGEST = 60.0
CLOSE = 75.0  # 'sqll' -> 'sql' 86, 'unreachabel' -> 'unreachable' 91; 'pyhton-course' -> 'sql-course' 61 is noise


def normalize(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def _word(query: str, word: str) -> float:
    from rapidfuzz.fuzz import ratio

    if query == word:
        return 100.0
    if len(query) >= 2 and word.startswith(query):
        return 95.0
    return float(ratio(query, word))


def score(query: str, text: str) -> float:
    """How well normalised `text` answers normalised `query`, 0-100."""
    from rapidfuzz.fuzz import ratio

    if not query or not text:
        return 0.0
    if query == text:
        return 100.0
    extra = max(0, len(text.split()) - len(query.split()))
    if text.startswith(query + " "):
        return 99.0 - min(3.0, extra * 0.5)
    words = [w.strip(_PUNCTUATION) or w for w in text.split()]  # "(cybersecurity" is a word too
    per_word = [max(_word(q, w) for w in words) for q in query.split()]
    by_words = sum(per_word) / len(per_word)
    if min(per_word) >= 95.0:
        by_words = 95.0
    by_words -= min(5.0, extra * 0.5)
    return round(max(by_words, float(ratio(query, text))), 1)


def rank(query: str, texts: Iterable[str], limit: int = 10, cutoff: float = SUGGEST) -> list[tuple[str, float]]:
    """The `limit` texts that best answer `query` at `cutoff` or above, best first.

    Texts must already be normalised. A fast pass keeps the texts that share a
    word start with the query or that rapidfuzz finds similar; only those are scored.
    """
    from rapidfuzz import fuzz, process

    q = normalize(query)
    if not q:
        return []
    pool = texts if isinstance(texts, list) else list(texts)
    heads = [w for w in q.split() if len(w) >= 2]
    keep: set[str] = set()
    if heads:
        for text in pool:
            if any(h in text for h in heads):
                keep.add(text)
    keep.update(t for t, _, _ in process.extract(q, pool, scorer=fuzz.ratio, limit=max(50, limit * 10),
                                                 score_cutoff=cutoff * 0.8))
    keep.update(t for t, _, _ in process.extract(q, pool, scorer=fuzz.token_set_ratio, limit=max(50, limit * 10),
                                                 score_cutoff=cutoff))
    scored = [(t, score(q, t)) for t in keep]
    scored = [(t, s) for t, s in scored if s >= cutoff]
    scored.sort(key=lambda ts: (-ts[1], len(ts[0]), ts[0]))
    return scored[:limit]


def accepted(ranked: list[tuple[str, float]], margin: float = 0.0) -> bool:
    """Whether the best of `ranked` (id, score), best first, is clear enough to accept without
    asking: `ACCEPT` or above, and ahead of the runner-up (by `margin` or more, when given).
    The one fuzzy-winner rule: names, fields, and badges matched to credentials.

    >>> accepted([("sql", 90.0), ("nosql", 80.0)]), accepted([("a", 90.0), ("b", 90.0)])
    (True, False)
    >>> accepted([("a", 90.0), ("b", 88.0)], margin=3)
    False
    """
    if not ranked or ranked[0][1] < ACCEPT:
        return False
    lead = ranked[0][1] - ranked[1][1] if len(ranked) > 1 else ACCEPT
    return lead > 0 and lead >= margin


def suggest(query: str, choices: Iterable[str], limit: int = 1) -> list[str]:
    """The `choices` `query` was probably meant to be, best first, at most `limit`: the one
    "did you mean" of error messages (unknown keys, rule names, education levels, ids).

    >>> suggest("unreachabel", ["unused-skill", "unreachable"])
    ['unreachable']
    >>> suggest("allow-warning", ["allow_warnings", "aliases"]), suggest("pyhton-course", ["sql-course"])
    (['allow_warnings'], [])
    """
    shown: dict[str, str] = {}
    for choice in choices:
        shown.setdefault(normalize(choice), choice)
    return suggest_ids(query, shown, limit)


def suggest_ids(query: str, names: Mapping[str, str], limit: int = 1) -> list[str]:
    """`suggest` over `names`, normalised texts -> the id each names (a catalog index's ids, names
    and aliases): the ids, each once, best first.

    >>> suggest_ids("sqll", {"sql": "sql", "structured query language": "sql", "python": "python"})
    ['sql']
    """
    from rapidfuzz import fuzz, process

    found = process.extract(normalize(query), names.keys(), scorer=fuzz.ratio, score_cutoff=CLOSE, limit=limit * 4)
    return list(dict.fromkeys(names[text] for text, _, _ in found))[:limit]
