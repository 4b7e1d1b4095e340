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
from typing import TYPE_CHECKING, NamedTuple, cast

from skillstack.catalog import Catalog
from skillstack.loader import paused_gc

if TYPE_CHECKING:
    from skillstack.model import Cost

    _CredentialFields = tuple[str, str, str, str, str, Cost, str]

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


_PARENS = re.compile(r"\s*\([^)]*\)")
_LEAD = re.compile(r"^[^:]*:\s*")  # "Issuer: Name" -> "Name"
_CASED_ABBREVIATION = re.compile(r"[A-Z]{2,4}(?: [IVX]+)?")
_CODE_IN_ID = re.compile(r"-([a-z]{2,3}-\d{3})$")  # ids like azure-administrator-az-104


def _lower(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, lower-cased token) for each word of `text`; edge dots and quotes dropped."""
    for m in TOKEN.finditer(_lower(text)):
        yield m.start(), m.end(), m.group()


def words(text: str) -> list[str]:
    """The lower-cased tokens of `text` (`tokens` without their offsets)."""
    return TOKEN.findall(_lower(text))


def key(text: str) -> str:
    """The matching form of a phrase: its tokens joined by single spaces."""
    return " ".join(words(text))


def _key_after(first: str, then: str, text: str) -> str:
    """`key(text)` of `text` = `first` (one token, as `words` gives it), a space and something
    whose key is `then`: put together without reading `text` again when `first` is ASCII (then
    lower-casing the whole is lower-casing each part)."""
    if not first.isascii():
        return key(text)
    return f"{first} {then}" if then else first


@dataclass(frozen=True)
class Entry:
    kind: str  # skill | credential | esco
    target: str  # catalog skill or credential id; for esco: the concept uuid
    label: str  # the catalog name, alias or ESCO label that matched
    via: str  # id | name | alias | abbreviation | exam code | esco | esco broader
    cased: str = ""  # when set, the text must be written exactly so (after spacing)
    rank: int = 0  # lower wins when one phrase means several things


_FIELDS = 6  # an entry as kept: kind, target, label, via, cased, rank (a phrase's entries one after another)
Row = tuple[str | int, ...]
"""A phrase's entries, flat: `_FIELDS` values each, lowest rank first."""


class EscoLabels(NamedTuple):
    """One ESCO skill concept of the shipped table."""

    preferred: str
    alternatives: tuple[str, ...]
    broader: tuple[str, ...]  # uuids of its broader concepts


def load_esco() -> dict[str, EscoLabels]:
    """uuid -> its labels and broader concepts, from the shipped table."""
    from importlib import resources

    raw = resources.files("skillstack.postings").joinpath("data/esco_labels.tsv.gz").read_bytes()
    out: dict[str, EscoLabels] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        uuid, pref, alts, broader = line.split("\t")
        out[uuid] = EscoLabels(pref, tuple(a for a in alts.split("|") if a), tuple(b for b in broader.split("|") if b))
    return out


def _esco_links(direct: Mapping[str, str], esco: Mapping[str, EscoLabels]) -> dict[str, tuple[str, str]]:
    """ESCO uuid -> (catalog skill, via) through `esco:` ids (`direct`: uuid -> the first skill
    linking it) and up to three broader steps."""
    links: dict[str, tuple[str, str]] = {u: (s, "esco") for u, s in direct.items()}
    for uuid in esco:
        if uuid in links:
            continue
        frontier, seen = [uuid], {uuid}
        for _ in range(3):
            found = sorted({direct[b] for u in frontier for b in esco[u].broader if b in direct})
            if len(found) == 1:
                links[uuid] = (found[0], "esco broader")
                break
            if found:
                break
            frontier = [b for u in frontier for b in esco[u].broader if b in esco and b not in seen]
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


def _prefixes(phrases: Iterable[str]) -> Iterator[str]:
    """The beginnings of the phrases: their first word, first two, ..., all but the last
    (phrases are words joined by single spaces); some more than once."""
    for phrase in phrases:
        space = phrase.find(" ")
        while space > 0:
            yield phrase[:space]
            space = phrase.find(" ", space + 1)


def _packed(phrases: Iterable[str]) -> bytes:
    """The sorted hashes of `phrases` (`_hash` of each, in C loops)."""
    return array("I", sorted(set(map(zlib.crc32, map(str.encode, phrases))))).tobytes()


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


def _entries(phrase: str, row: object) -> list[Entry]:
    """A phrase's entries from its row (see `Row`), checked: a kept table is read from a file."""
    if not isinstance(row, (list, tuple)) or not row or len(row) % _FIELDS:
        raise TypeError(f"the lexicon's entries of {phrase!r}: {row!r}")
    out = []
    for i in range(0, len(row), _FIELDS):
        kind, target, label, via, cased, rank = row[i:i + _FIELDS]
        if not (isinstance(kind, str) and isinstance(target, str) and isinstance(label, str)
                and isinstance(via, str) and isinstance(cased, str) and isinstance(rank, int)):
            raise TypeError(f"the lexicon's entries of {phrase!r}: {row!r}")
        out.append(Entry(kind, target, label, via, cased, rank))
    return out


class _Entries(Mapping[str, list[Entry]]):
    """Phrases -> their entries, decoded from rows when first asked for. Over a kept lexicon the
    hashes of its phrases answer "no" for almost every run of words without reading the table;
    the table answers the rest."""

    def __init__(self, table: Mapping[str, object], hashes: Container[str] | None, count: int) -> None:
        self.table, self.hashes, self.count = table, hashes, count
        self.read: dict[str, list[Entry] | None] = {}

    def _get(self, phrase: str) -> list[Entry] | None:
        if phrase in self.read:
            return self.read[phrase]
        found = None
        if self.hashes is None or phrase in self.hashes:
            row = self.table.get(phrase)
            if row is not None:
                found = _entries(phrase, row)
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

    def __init__(self, catalog: Catalog, esco: Mapping[str, EscoLabels] | None = None) -> None:
        """Over a catalog cache (and the shipped ESCO table) the lexicon the cache keeps, built
        the first time; otherwise built here from the catalog's objects."""
        self.catalog = catalog
        self._phrase: dict[str, bool] = {}
        self._prefix: dict[str, bool] = {}
        with paused_gc():  # a build makes a few hundred thousand rows and no cycles
            kept = catalog.derived(f"postings-lexicon-{_fingerprint()}", lambda: _Builder(catalog).rows()) \
                if esco is None else None
            if kept is None:
                built = _Builder(catalog, esco)
                self.entries = _Entries(built.table, None, len(built.table))
                self.codes, self.families = built.codes, built.families
                self.prefixes = set(_prefixes(built.table))
                return
        meta = kept[_META]
        if not (isinstance(meta, dict) and isinstance(meta.get("prefixes"), bytes)
                and isinstance(meta.get("phrases"), bytes) and isinstance(meta.get("count"), int)):
            raise TypeError(f"the kept lexicon's {_META!r} entry: {type(meta).__name__}, not its mapping")
        self.prefixes = _Hashes(meta["prefixes"])
        self.entries = _Entries(kept, _Hashes(meta["phrases"]), meta["count"])
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

    def __init__(self, table: Mapping[str, object], prefix: str) -> None:
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
    """A catalog's lexicon built from its objects (each read once, none kept) and the ESCO labels,
    as the rows it is kept in: phrase -> `Row`."""

    def __init__(self, catalog: Catalog, esco: Mapping[str, EscoLabels] | None = None) -> None:
        self.table: dict[str, Row] = {}
        self.codes: dict[str, str] = {}  # exam code -> credential id
        self.families: dict[str, str] = {}  # code prefix (e.g. SY0) -> credential id when unique
        self._add_credentials(catalog)
        direct = self._add_skills(catalog)
        self._add_esco(load_esco() if esco is None else esco, direct)

    def rows(self) -> Iterator[tuple[str, object]]:
        """The lexicon as a table to keep: (in one row) the hashes of the phrases and of their
        beginnings (see `_Entries`), each phrase's row, the exam codes and families. The phrases
        leave the builder as they are given (a store keeps them encoded): once only."""
        table = self.table
        yield _META, {"count": len(table), "phrases": _packed(table), "prefixes": _packed(_prefixes(table))}
        while table:
            yield table.popitem()
        for code, cid in self.codes.items():
            yield _CODE + code, cid
        for family, cid in self.families.items():
            yield _FAMILY + family, cid

    def _add(self, k: str, phrase: str, kind: str, target: str, label: str, via: str, cased: str, rank: int) -> None:
        """One meaning of the phrase `phrase`, whose key is `k`; a phrase keeps one entry per target."""
        if not k or (k in AMBIGUOUS and kind != "credential"):
            return
        if len(k) <= 2 and not cased:
            cased = phrase.upper()
        row = self.table.get(k)
        if row is None:
            self.table[k] = (kind, target, label, via, cased, rank)
            return
        at = len(row)
        for i in range(len(row) - _FIELDS, -1, -_FIELDS):
            if row[i] == kind and row[i + 1] == target:
                return
            if rank < int(row[i + 5]):
                at = i  # kept in rank order, the earlier first among equals
        self.table[k] = (*row[:at], kind, target, label, via, cased, rank, *row[at:])

    def _add_credentials(self, catalog: Catalog) -> None:
        add = self._add
        coded: dict[str, set[str]] = {}
        noted: dict[str, set[str]] = {}
        issuers: dict[tuple[str, str], tuple[frozenset[str], str]] = {}
        # only the fields read here are read from a cache (a fifth of reading whole credentials)
        fields = catalog.credentials.each_values("id", "name", "issuer", "provider", "exam", "cost", "description")
        for cid, name, issuer, provider, exam, cost, description in cast("Iterator[_CredentialFields]", fields):
            known = issuers.get((issuer, provider))
            if known is None:
                first = words(issuer)
                known = issuers[issuer, provider] = (frozenset(first + words(provider)), first[0] if first else "")
            issuer_words, issuer_first = known
            bare = _PARENS.sub("", name).strip() if "(" in name else name.strip()
            add(key(cid), cid, "credential", cid, cid, "id", "", 0)
            name_words = words(name)
            add(" ".join(name_words), name, "credential", cid, name, "name", "", 0)
            lead = _LEAD.sub("", bare) if ":" in bare else bare
            for variant in (bare,) if lead == bare else (bare, lead):
                toks = name_words if variant == name else words(variant)
                variant_key = " ".join(toks)
                named_issuer = not issuer_words.isdisjoint(toks)
                if named_issuer or not CREDENTIAL_WORDS.isdisjoint(toks) or "+" in variant:
                    add(variant_key, variant, "credential", cid, name, "name", "", 0)
                if named_issuer:
                    rest = " ".join(t for t in toks if t not in issuer_words)
                    if rest and ("+" in rest or not CREDENTIAL_WORDS.isdisjoint(rest.split())):
                        # tokens joined by spaces are their own key (ASCII ones surely)
                        add(rest if rest.isascii() else key(rest), rest, "credential", cid, name, "name", "", 1)
                elif issuer_first:
                    phrase = f"{issuer_first} {variant}"
                    add(_key_after(issuer_first, variant_key, phrase), phrase, "credential", cid, name, "name", "", 0)
            for abbr in _abbreviations(name) if "(" in name else ():
                cased = abbr if _CASED_ABBREVIATION.fullmatch(abbr) else ""
                abbr_key = key(abbr)
                if len(abbr_key.replace(" ", "")) > 2:
                    add(abbr_key, abbr, "credential", cid, abbr, "abbreviation", cased, 1)
                if issuer_first:
                    phrase = f"{issuer_first} {abbr}"
                    add(_key_after(issuer_first, abbr_key, phrase), phrase, "credential", cid, abbr, "abbreviation", "",
                        1)
            in_id = _CODE_IN_ID.search(cid)
            if in_id:
                exam += " " + in_id.group(1).upper()
            for code in {m.group(0) for m in EXAM_CODE.finditer(f"{name} {exam}")}:
                coded.setdefault(code, set()).add(cid)
            note = f"{cost.note} {description}"
            for code in {m.group(0) for m in EXAM_CODE.finditer(note)} if "-" in note else ():
                noted.setdefault(code, set()).add(cid)
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

    def _add_skills(self, catalog: Catalog) -> dict[str, str]:
        """Adds every skill's phrases; the ESCO concepts the skills link (uuid -> the first skill)."""
        add = self._add
        direct: dict[str, str] = {}
        fields = catalog.skills.each_values("id", "name", "aliases", "esco")
        for sid, name, aliases, esco in cast("Iterator[tuple[str, str, tuple[str, ...], str]]", fields):
            add(key(name), name, "skill", sid, name, "name", "", 10)
            plain = _PARENS.sub("", name).strip() if "(" in name else name.strip()
            if plain and plain != name:
                add(key(plain), plain, "skill", sid, name, "name", "", 10)
            for alias in aliases:
                add(key(alias), alias, "skill", sid, alias, "alias", "", 11)
            add(key(sid), sid, "skill", sid, sid, "id", "", 10)
            if esco and "/esco/skill/" in esco:
                direct.setdefault(esco.rsplit("/", 1)[-1], sid)
        return direct

    def _add_esco(self, esco: Mapping[str, EscoLabels], direct: Mapping[str, str]) -> None:
        links = _esco_links(direct, esco)
        add = self._add
        for uuid, (pref, alts, _) in esco.items():
            skill, via = links.get(uuid, ("", ""))
            for label in (pref, *(a for a in alts if " " in a.strip())):
                if skill:
                    add(key(label), label, "skill", skill, label, via, "", 20)
                else:
                    add(key(label), label, "esco", uuid, label, "esco", "", 30)
