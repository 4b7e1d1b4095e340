"""The phrases the posting reader looks for, and what each one means.

A `Lexicon` is built once per catalog from
- every skill's id, name and aliases;
- every credential's id, name (with and without its issuer and its bracketed
  abbreviation), abbreviations ("CISSP", "Security+", "PMP") and exam codes
  ("SY0-701", "AZ-104") found in its name, `exam` and cost note;
- the ESCO v1.2.0 skill labels shipped in `data/esco_labels.tsv.gz` (preferred and
  alternative labels): a concept the catalog links with `esco:` resolves to that
  skill, a concept whose broader ESCO concept is linked resolves to the linked
  skill (narrower -> broader), any other concept is reported as unmapped.

Phrases are matched on word boundaries over lower-cased tokens: from each token, the
run of tokens is looked up while it is the beginning of some phrase; the longest match
wins where matches overlap.

Over the catalog cache the lexicon is a table kept beside the cache file
(`Catalog.derived`): built from every object the first time a posting is read
against that catalog, then each run reads only the phrases its postings contain
(a 50,000-credential catalog has about 250,000 phrases). Short abbreviations (two letters, or an all-capital credential
abbreviation of up to four) match only as written in capitals, and words listed in
`AMBIGUOUS` (common English words that are also skill aliases, e.g. "cv", "him")
never match on their own.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skillstack.catalog import Catalog

_SEP = r"\s,;:()\[\]{}\"!?|*/\\<>=~_\-\u2013\u2014"
_EDGE = ".'\u2019`"
TOKEN = re.compile(rf"\.?[^{_SEP}{_EDGE}]+(?:[{_EDGE}]+[^{_SEP}{_EDGE}]+)*")
EXAM_CODE = re.compile(r"\b([A-Z0-9]{2,4})-([A-Z]?[0-9][A-Z0-9]{1,3})\b")

# Skill aliases that in job postings mostly mean something else: checked against the
# SkillSpan development postings, each is an ordinary English word or a common
# abbreviation of something other than the skill ("CV" is a resume, "him" a pronoun).
AMBIGUOUS = frozenset({
    "cv", "him", "ia", "os", "san", "tf", "kube", "ui", "cds", "cdm", "edc", "isd", "sem", "stp", "ad ds",
    "extract", "transform", "load", "charts", "spark", "lambda", "aurora", "kali", "burp", "torch",
    "testing", "routing", "switching", "privacy", "transformers", "embeddings", "anatomy", "physiology",
    "windows", "design",
})
# Words that make a credential's bare name (without its issuer) read as a credential.
CREDENTIAL_WORDS = frozenset({"certified", "certification", "certificate", "associate", "professional",
                              "specialist", "expert", "practitioner", "master", "foundation", "diploma",
                              "specialization", "micromasters", "administrator", "developer", "engineer",
                              "analyst", "architect", "scrummaster", "agilist", "coder", "technician"})


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, lower-cased token) for each word of `text`; edge dots and quotes dropped."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in TOKEN.finditer(low):
        yield m.start(), m.end(), m.group()


def key(text: str) -> str:
    """The matching form of a phrase: its tokens joined by single spaces."""
    return " ".join(t for _, _, t in tokens(text))


@dataclass(frozen=True)
class Entry:
    kind: str  # skill | credential | esco
    target: str  # catalog skill or credential id; for esco: the concept uuid
    label: str  # the catalog name, alias or ESCO label that matched
    via: str  # id | name | alias | abbreviation | exam code | esco | esco broader
    cased: str = ""  # when set, the text must be written exactly so (after spacing)
    rank: int = 0  # lower wins when one phrase means several things


@dataclass(frozen=True)
class EscoConcept:
    uuid: str
    label: str
    skill: str  # catalog skill id it resolves to, or ""
    via: str  # esco | esco broader | ""


def load_esco() -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """uuid -> (preferred label, alt labels, broader uuids), from the shipped table."""
    from importlib import resources

    raw = resources.files("skillstack.postings").joinpath("data/esco_labels.tsv.gz").read_bytes()
    out: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        uuid, pref, alts, broader = line.split("\t")
        out[uuid] = (pref, tuple(a for a in alts.split("|") if a), tuple(b for b in broader.split("|") if b))
    return out


def _esco_links(catalog: Catalog, esco: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """ESCO uuid -> (catalog skill, via) through `esco:` ids and up to three broader steps."""
    direct: dict[str, str] = {}
    for skill in catalog.skills.each():
        if skill.esco and "/esco/skill/" in skill.esco:
            direct.setdefault(skill.esco.rsplit("/", 1)[-1], skill.id)
    links: dict[str, tuple[str, str]] = {u: (s, "esco") for u, s in direct.items()}
    for uuid in esco:
        if uuid in links:
            continue
        frontier, seen = [uuid], {uuid}
        for _ in range(3):
            found = sorted({direct[b] for u in frontier for b in esco[u][2] if b in direct})
            if len(found) == 1:
                links[uuid] = (found[0], "esco broader")
                break
            if found:
                break
            frontier = [b for u in frontier for b in esco[u][2] if b in esco and b not in seen]
            seen.update(frontier)
    return links


def _abbreviations(name: str) -> list[str]:
    out = []
    for inner in re.findall(r"\(([^)]*)\)", name):
        for part in re.split(r"\s*/\s*|\s+or\s+", inner):
            part = part.strip()
            if part and not EXAM_CODE.fullmatch(part) and not re.fullmatch(r"[\d.x]+|v[\d.]+", part, re.IGNORECASE):
                out.append(part)
    return out


def _fingerprint() -> str:
    """What the kept lexicon of a catalog depends on besides the catalog: this module's code
    (so a changed reader never uses a lexicon an older one kept) and the ESCO table."""
    digest = hashlib.sha256()
    here = Path(__file__)
    try:  # the files themselves (importlib.resources would cost more than reading them)
        digest.update(here.read_bytes())
        digest.update((here.parent / "data" / "esco_labels.tsv.gz").read_bytes())
    except OSError:  # pragma: no cover - not installed as files (a zip): the version and the table
        from importlib import resources

        from skillstack import __version__

        digest.update(__version__.encode())
        digest.update(resources.files("skillstack.postings").joinpath("data/esco_labels.tsv.gz").read_bytes())
    return digest.hexdigest()[:12]


_META = " lexicon"  # the kept table's keys: phrases, and these (no phrase starts with a space)
_CODE = " code "
_FAMILY = " family "


def _hash(phrase: str) -> int:
    return zlib.crc32(phrase.encode())


def _packed(phrases: Iterable[str]) -> bytes:
    return array("I", sorted({_hash(phrase) for phrase in phrases})).tobytes()


class _Hashes:
    """A set of phrases as the sorted array of their hashes: "no" is certain, "yes" almost."""

    def __init__(self, packed: bytes) -> None:
        self.hashes = array("I")
        self.hashes.frombytes(packed)

    def __contains__(self, phrase: object) -> bool:
        if not isinstance(phrase, str):
            return False
        h = _hash(phrase)
        i = bisect_left(self.hashes, h)
        return i < len(self.hashes) and self.hashes[i] == h


class _Kept(Mapping[str, list[Entry]]):
    """The phrases of a kept lexicon: their hashes answer "no" for almost every run of words
    without reading the table; the table answers the rest."""

    def __init__(self, table: Mapping[str, Any], hashes: _Hashes, count: int) -> None:
        self.table, self.hashes, self.count = table, hashes, count
        self.read: dict[str, list[Entry] | None] = {}

    def _get(self, phrase: str) -> list[Entry] | None:
        if phrase in self.read:
            return self.read[phrase]
        found = None
        if phrase in self.hashes:
            rows = self.table.get(phrase)
            if rows is not None:
                found = [Entry(*row) for row in rows]
        self.read[phrase] = found
        return found

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and not phrase.startswith(" ") and self._get(phrase) is not None

    def __getitem__(self, phrase: str) -> list[Entry]:
        found = self._get(phrase) if not phrase.startswith(" ") else None
        if found is None:
            raise KeyError(phrase)
        return found

    def __iter__(self) -> Iterator[str]:
        return (key for key in self.table if not key.startswith(" "))

    def __len__(self) -> int:
        return self.count


class Lexicon:
    """Catalog and ESCO phrases and what each means; see the module docstring."""

    entries: Mapping[str, list[Entry]]
    prefixes: Container[str]  # the beginnings of phrases (one or more of their words, not all)
    codes: Mapping[str, str]
    families: Mapping[str, str]

    def __init__(self, catalog: Catalog, esco: dict[str, Any] | None = None) -> None:
        """Over a catalog cache (and the shipped ESCO table) the lexicon the cache keeps, built
        the first time; otherwise built here from the catalog's objects."""
        self.catalog = catalog
        self._phrase: dict[str, bool] = {}
        self._prefix: dict[str, bool] = {}
        kept = catalog.derived(f"postings-lexicon-{_fingerprint()}", lambda: _Builder(catalog).rows()) \
            if esco is None else None
        if kept is None:
            built = _Builder(catalog, esco)
            self.entries, self.codes, self.families = built.entries, built.codes, built.families
            self.prefixes = built.prefixes()
            return
        meta = kept[_META]
        if not isinstance(meta, dict):
            raise TypeError(f"the kept lexicon's {_META!r} entry: {type(meta).__name__}, not a mapping")
        self.prefixes = _Hashes(meta["prefixes"])
        self.entries = _Kept(kept, _Hashes(meta["phrases"]), meta["count"])
        self.codes = _Lookup(kept, _CODE)
        self.families = _Lookup(kept, _FAMILY)

    def matches(self, haystack: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase) in `haystack` (tokens joined by spaces, with a space at each end),
        start at the space before the phrase and end after the space after it."""
        words = haystack[1:-1].split(" ")
        entries, prefixes = self.entries, self.prefixes
        phrase_at, prefix_at = self._phrase, self._prefix  # answers so far (over the cache, each costs a lookup)
        after = 1
        for i, word in enumerate(words):
            start, end = after, after + len(word)
            after = end + 1
            phrase, j = word, i
            while True:
                hit = phrase_at.get(phrase)
                if hit is None:
                    hit = phrase_at[phrase] = phrase in entries
                if hit:
                    yield start - 1, end + 1, phrase
                j += 1
                if j == len(words):
                    break
                more = prefix_at.get(phrase)
                if more is None:
                    more = prefix_at[phrase] = phrase in prefixes
                if not more:
                    break
                phrase = f"{phrase} {words[j]}"
                end += len(words[j]) + 1

    def exam_code(self, code: str) -> tuple[str, str] | None:
        """(credential id, how) for an exam code: exact, or the only credential of its code family."""
        code = code.upper()
        if code in self.codes:
            return self.codes[code], "exam code"
        family = code.split("-")[0]
        if family in self.families:
            return self.families[family], f"exam code family {family}"
        return None


class _Lookup(Mapping[str, str]):
    """Exam codes (or code families) -> credential id, looked up in a kept lexicon's table."""

    def __init__(self, table: Mapping[str, Any], prefix: str) -> None:
        self.table, self.prefix = table, prefix

    def __getitem__(self, key: str) -> str:
        return str(self.table[self.prefix + key])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.prefix + key in self.table

    def __iter__(self) -> Iterator[str]:
        return (k[len(self.prefix):] for k in self.table if k.startswith(self.prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Builder:
    """A catalog's lexicon built from its objects and the ESCO labels."""

    def __init__(self, catalog: Catalog, esco: dict[str, Any] | None = None) -> None:
        self.catalog = catalog
        self.esco = load_esco() if esco is None else esco
        self.links = _esco_links(catalog, self.esco)
        self.entries: dict[str, list[Entry]] = {}
        self.codes: dict[str, str] = {}  # exam code -> credential id
        self.families: dict[str, str] = {}  # code prefix (e.g. SY0) -> credential id when unique
        self._add_credentials()
        self._add_skills()
        self._add_esco()
        for entries in self.entries.values():
            entries.sort(key=lambda e: e.rank)

    def prefixes(self) -> set[str]:
        """The beginnings of the phrases: their first word, first two, ..., all but the last."""
        out: set[str] = set()
        for phrase in self.entries:
            words = phrase.split(" ")
            out.update(" ".join(words[:n]) for n in range(1, len(words)))
        return out

    def rows(self) -> Iterable[tuple[str, Any]]:
        """The lexicon as a table to keep: each phrase's entries, the exam codes and families, and
        (in one row) the hashes of the phrases and of their beginnings (see `_Kept`)."""
        yield _META, {"count": len(self.entries), "phrases": _packed(self.entries), "prefixes": _packed(self.prefixes())}
        for phrase, entries in self.entries.items():
            yield phrase, [[e.kind, e.target, e.label, e.via, e.cased, e.rank] for e in entries]
        for code, cid in self.codes.items():
            yield _CODE + code, cid
        for family, cid in self.families.items():
            yield _FAMILY + family, cid

    def _add(self, phrase: str, entry: Entry) -> None:
        k = key(phrase)
        if not k or (k in AMBIGUOUS and entry.kind != "credential"):
            return
        if len(k) <= 2 and not entry.cased:
            entry = Entry(entry.kind, entry.target, entry.label, entry.via, phrase.upper(), entry.rank)
        bucket = self.entries.setdefault(k, [])
        if not any(e.kind == entry.kind and e.target == entry.target for e in bucket):
            bucket.append(entry)

    def _add_skills(self) -> None:
        for skill in self.catalog.skills.each():
            self._add(skill.name, Entry("skill", skill.id, skill.name, "name", rank=10))
            plain = re.sub(r"\s*\([^)]*\)", "", skill.name).strip()
            if plain and plain != skill.name:
                self._add(plain, Entry("skill", skill.id, skill.name, "name", rank=10))
            for alias in skill.aliases:
                self._add(alias, Entry("skill", skill.id, alias, "alias", rank=11))
            self._add(skill.id, Entry("skill", skill.id, skill.id, "id", rank=10))

    def _add_credentials(self) -> None:
        coded: dict[str, set[str]] = {}
        noted: dict[str, set[str]] = {}
        for cred in self.catalog.credentials.each():
            name = cred.name
            issuer_words = {t for _, _, t in tokens(cred.issuer)} | {t for _, _, t in tokens(cred.provider)}
            issuer_first = next((t for _, _, t in tokens(cred.issuer)), "")
            bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
            self._add(cred.id, Entry("credential", cred.id, cred.id, "id", rank=0))
            self._add(name, Entry("credential", cred.id, name, "name", rank=0))
            for variant in {bare, re.sub(r"^[^:]*:\s*", "", bare)}:
                words = {t for _, _, t in tokens(variant)}
                named_issuer = bool(words & issuer_words)
                if named_issuer or words & CREDENTIAL_WORDS or "+" in variant:
                    self._add(variant, Entry("credential", cred.id, name, "name", rank=0))
                if named_issuer:
                    rest = " ".join(t for _, _, t in tokens(variant) if t not in issuer_words)
                    if rest and ("+" in rest or set(rest.split()) & CREDENTIAL_WORDS):
                        self._add(rest, Entry("credential", cred.id, name, "name", rank=1))
                if issuer_first and not named_issuer:
                    self._add(f"{issuer_first} {variant}", Entry("credential", cred.id, name, "name", rank=0))
            for abbr in _abbreviations(name):
                cased = abbr if re.fullmatch(r"[A-Z]{2,4}(?: [IVX]+)?", abbr) else ""
                if len(key(abbr).replace(" ", "")) > 2:
                    self._add(abbr, Entry("credential", cred.id, abbr, "abbreviation", cased, rank=1))
                if issuer_first:
                    self._add(f"{issuer_first} {abbr}", Entry("credential", cred.id, abbr, "abbreviation", rank=1))
            exam = cred.exam
            in_id = re.search(r"-([a-z]{2,3}-\d{3})$", cred.id)  # ids like azure-administrator-az-104
            if in_id:
                exam += " " + in_id.group(1).upper()
            for code in {m.group(0) for m in EXAM_CODE.finditer(f"{name} {exam}")}:
                coded.setdefault(code, set()).add(cred.id)
            note = f"{cred.cost.note} {cred.description}"
            for code in {m.group(0) for m in EXAM_CODE.finditer(note)}:
                noted.setdefault(code, set()).add(cred.id)
        for code, owners in noted.items():
            if code not in coded and len(owners) == 1:
                coded[code] = owners
        by_family: dict[str, set[str]] = {}
        for code, owners in coded.items():
            if len(owners) == 1:
                self.codes[code] = next(iter(owners))
                family = code.split("-")[0]
                if re.search(r"[A-Z]", family) and re.search(r"\d", family):
                    by_family.setdefault(family, set()).update(owners)
        self.families = {f: next(iter(o)) for f, o in by_family.items() if len(o) == 1}

    def _add_esco(self) -> None:
        for uuid, (pref, alts, _) in self.esco.items():
            skill, via = self.links.get(uuid, ("", ""))
            for label in (pref, *(a for a in alts if " " in a.strip())):
                if skill:
                    self._add(label, Entry("skill", skill, label, via, rank=20))
                else:
                    self._add(label, Entry("esco", uuid, label, "esco", rank=30))

