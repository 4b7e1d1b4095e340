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

Phrases are matched on word boundaries with an Aho-Corasick automaton
(`pyahocorasick`) over lower-cased tokens; the longest match wins where matches
overlap. Short abbreviations (two letters, or an all-capital credential
abbreviation of up to four) match only as written in capitals, and words listed in
`AMBIGUOUS` (common English words that are also skill aliases, e.g. "cv", "him")
never match on their own.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
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
    for skill in catalog.skills:
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


class Lexicon:
    """Catalog and ESCO phrases in one automaton; see the module docstring."""

    def __init__(self, catalog: Catalog, esco: dict[str, Any] | None = None) -> None:
        import ahocorasick

        self.catalog = catalog
        self.esco = load_esco() if esco is None else esco
        self.links = _esco_links(catalog, self.esco)
        self.entries: dict[str, list[Entry]] = {}
        self.codes: dict[str, str] = {}  # exam code -> credential id
        self.families: dict[str, str] = {}  # code prefix (e.g. SY0) -> credential id when unique
        self._add_credentials()
        self._add_skills()
        self._add_esco()
        auto = ahocorasick.Automaton()
        for phrase, entries in self.entries.items():
            entries.sort(key=lambda e: e.rank)
            auto.add_word(f" {phrase} ", (len(phrase) + 2, phrase))
        auto.make_automaton()
        self.automaton = auto

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
        for skill in self.catalog.skills:
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
        for cred in self.catalog.credentials:
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
            note = f"{cred.cost.note} {cred.note}"
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

    def matches(self, haystack: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase) in `haystack` (tokens joined by spaces, with a space at each end)."""
        for end, (length, phrase) in self.automaton.iter(haystack):
            yield end - length + 1, end + 1, phrase

    def exam_code(self, code: str) -> tuple[str, str] | None:
        """(credential id, how) for an exam code: exact, or the only credential of its code family."""
        code = code.upper()
        if code in self.codes:
            return self.codes[code], "exam code"
        family = code.split("-")[0]
        if family in self.families:
            return self.families[family], f"exam code family {family}"
        return None
