"""Checked badges -> the catalog credentials they are, and the profile's held credentials.

A badge matches a catalog credential, in this order:
1. `alignment`: one of its alignments' `targetUrl` is the credential's `url` or one of its
   sources, or its `targetCode` is the credential's id;
2. `issuer and name`: the issuer's name and the badge's name equal the credential's (case
   and spacing ignored);
3. `fuzzy`: "issuer name" against "issuer name" of every credential scores at least
   `FUZZY_MIN` (the one scorer, `textmatch`) with a clear lead over any other credential;
   shown, and written only with `--yes`.
Only badges whose verdict is `verified`, `unverifiable-offline` or `expired` are written;
the others are reported and left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from skillstack.importers.badges import BadgeResult
from skillstack.textmatch import ACCEPT, accepted, normalize, rank

if TYPE_CHECKING:
    from skillstack.catalog import Catalog

FUZZY_MIN = ACCEPT  # the one fuzzy-winner rule (textmatch.accepted) on the one scorer (textmatch.score)
FUZZY_LEAD = 3.0  # ... with a clear lead over the next credential
WRITTEN_VERDICTS = ("verified", "unverifiable-offline", "expired")


@dataclass(frozen=True)
class Match:
    credential: str
    how: str  # alignment | issuer and name | fuzzy
    score: float = 100.0


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _url(text: str) -> str:
    return text.strip().rstrip("/").casefold().replace("http://", "https://")


def match(result: BadgeResult, catalog: Catalog) -> Match | None:
    """The catalog credential a checked badge is, or None."""
    creds = list(catalog.credentials)
    for align in result.alignments:
        target = _url(align.get("targetUrl", ""))
        code = align.get("targetCode", "")
        for cred in creds:
            urls = {_url(cred.url)} | {_url(s.url) for s in cred.sources}
            if (target and target in urls) or code == cred.id:
                return Match(cred.id, "alignment")
    name, issuer = _norm(result.name), _norm(result.issuer)
    if not name:
        return None
    for cred in creds:
        if _norm(cred.name) == name and _norm(cred.issuer) == issuer:
            return Match(cred.id, "issuer and name")
    named: dict[str, list[str]] = {}  # "issuer name", normalised -> the credentials it names
    for cred in creds:
        named.setdefault(normalize(f"{cred.issuer} {cred.name}"), []).append(cred.id)
    ranked = rank(f"{result.issuer} {result.name}", list(named), limit=2)
    if not ranked or len(named[ranked[0][0]]) > 1:
        return None  # nothing close, or two credentials the badge names alike: not a clear winner
    best = [(named[text][0], score) for text, score in ranked]
    if accepted(best, margin=FUZZY_LEAD):
        return Match(best[0][0], "fuzzy", round(best[0][1], 1))
    return None


@dataclass(frozen=True)
class HeldChange:
    credential: str
    earned: date | None
    expires: date | None


@dataclass(frozen=True)
class HeldUpdate:
    """What checked badges add to a profile: the held credentials to write, the credential each
    matched badge is (by file), the files whose credential is written, and a warning for each
    fuzzy match held back (written only with `yes`)."""

    changes: tuple[HeldChange, ...]
    matches: dict[str, Match]
    written: frozenset[str]
    held_back: tuple[str, ...]


def held_update(results: Sequence[BadgeResult], catalog: Catalog, yes: bool = False) -> HeldUpdate:
    """The held credentials that `results` add: badges whose verdict is in WRITTEN_VERDICTS and
    that match a catalog credential; fuzzy matches only when `yes`."""
    changes: list[HeldChange] = []
    matches: dict[str, Match] = {}
    written: set[str] = set()
    held_back: list[str] = []
    for result in results:
        if result.verdict not in WRITTEN_VERDICTS:
            continue
        found = match(result, catalog)
        if found is None:
            continue
        matches[result.file] = found
        if found.how == "fuzzy" and not yes:
            held_back.append(f"{result.file}: {result.name!r} looks like {found.credential} (score {found.score}); "
                             "rerun with --yes to write it")
            continue
        written.add(result.file)
        changes.append(HeldChange(found.credential, result.earned, result.expires))
    return HeldUpdate(tuple(changes), matches, frozenset(written), tuple(held_back))


def add_held(text: str, changes: list[HeldChange], where: str = "profile") -> str:
    """The profile's YAML text with these held credentials added or updated, comments kept
    (through `skillstack.profile_edit`, which edits in place).

    >>> print(add_held("# me\\nname: Alex  # hi\\n", [HeldChange("x", date(2024, 5, 1), None)]), end="")
    # me
    name: Alex  # hi
    credentials:
    - {id: x, earned: 2024-05-01}
    """
    from skillstack.profile_edit import add_held_credential

    for change in changes:
        text = add_held_credential(text, change.credential, change.earned, change.expires, where)
    return text
