"""What one job posting asks for, with the evidence of every item.

    >>> from skillstack.cache import load_catalog
    >>> from skillstack.loader import default_paths
    >>> from skillstack.postings import read_posting
    >>> lex = Lexicon(load_catalog(default_paths()).catalog)          # once per catalog
    >>> result = extract(lex, read_posting("## Requirements\\n- Strong SQL", "markdown"), "acme.md")
    >>> [(s.skill, s.level, s.importance, s.evidence[0].line) for s in result.skills]
    [('sql', 3, 'essential', 2)]

Every item carries the phrase and line it was read from and the reason for its
level and importance (see `rules`); phrases that look like skills but are not in
the catalog are listed in `unmapped`, and what was read but left out (negated,
in a benefits section, experience without a field) in `ignored`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING

from skillstack.postings import rules
from skillstack.postings.document import Line
from skillstack.postings.lexicon import EXAM_CODE, TOKEN, Entry, Lexicon, tokens

if TYPE_CHECKING:
    from ahocorasick import Automaton

_JOINER = re.compile(r"^(?:\s|,|/|&|\(|\)|\bor\b|\band/or\b|\beither\b|\bthe\b|\ban?\b|\bcertifications?\b|\bcertified\b|"
                     r"\bcertificates?\b|\bcerts?\b|\bcredentials?\b|\bexams?\b)*$", re.IGNORECASE)
_OR = re.compile(r"\bor\b|/", re.IGNORECASE)
_UNMAPPED_CUE = re.compile(
    r"\b(?:experience (?:with|in|using|of)|knowledge (?:of|in)|proficien(?:cy|t) (?:in|with)|familiar(?:ity)? with|"
    r"expertise (?:in|with)|skilled in|understanding of|skills? in)\s+([A-Za-z][\w+#.\- ]{1,60}?)"
    r"(?=\s*(?:[.;,:()]|\band\b|\bor\b|\bis\b|\bwould\b|\bas well\b|$))", re.IGNORECASE)
_SKIP_UNMAPPED = re.compile(r"^(?:the|a|an|our|your|this|these|all|any|some|other|working|at least|one|two|"
                            r"\d+|years?|experience|knowledge|skills?|it|them)\b", re.IGNORECASE)
MAX_EVIDENCE = 50  # evidence kept per item; a posting that names SQL 10,000 times shows the first 50
_INTERESTING = re.compile(r"\byears?\b|\byrs?\b|degree|diploma|bachelor|master|ph\.?d|doctora|\bged\b|high school|"
                          r"\bmba\b|\bbsc|\bmsc|\bb\.?[sa]\.?\b|\bm\.?s\.?\b|experience|knowledge|proficien|familiar|"
                          r"expertise|skill|understanding", re.IGNORECASE)
_EMPLOYER = re.compile(r"^[^\w<]*(?:we|we['\u2019]re|we['\u2019]ve|our|us|they|their|<ORGANIZATION>|the company|the team|"
                       r"the firm|this team|the group|the department|it)\b|\b(?:we|our|us)\b", re.IGNORECASE)
_CANDIDATE = re.compile(r"\b(?:you|your|you['\u2019]ll|you['\u2019]re|you['\u2019]ve|candidates?|applicants?|looking for|seeking|"
                        r"ideal|should|must|required|requires?|need|needs|experience|knowledge|proficien\w*|"
                        r"familiar\w*|skills?|ability|able)\b", re.IGNORECASE)
_SELF = re.compile(r"\b(?:you are|you['\u2019]re|are you|looking for an?|seeking an?|candidate is an?)\b", re.IGNORECASE)
_APPLYING = re.compile(r"\b(?:recruitment|recruiting|hiring|application|selection|interview) process|"
                       r"\bapply (?:now|online|here|via|by|through|for (?:this|the) (?:job|position|role))\b|"
                       r"\byour application\b|\b(?:application )?deadline\b|\bperks\b|\bsalary\b|"
                       r"\b(?:compensation|benefits) (?:package|and benefits|include)\b|"
                       r"\brecruit(?:ment|ing|er)?s?\b.{0,40}\b(?:agenc|partner|consultant|contact)|"
                       r"\b(?:contact|questions)\b.{0,60}\brecruit|^\W*recruit\w*\s*<CONTACT>", re.IGNORECASE)
_ASKING = re.compile(r"\b(?:will|would|work|working|build|develop|design|drive|lead|own|deliver|help|support|"
                     r"manage|maintain|create|implement|improve|collaborate|contribute|use|using|responsible)\b", re.IGNORECASE)
_TITLE_NOUN = re.compile(r"\s*(?:[/&,+-]?\s*[A-Z0-9][\w/+.#-]*\s+){0,2}?[/&-]?\s*(?:developers?|engineers?|architects?|"
                         r"administrators?|managers?|leads?|specialists?|consultants?|analysts?|programmers?|testers?|"
                         r"designers?|practice|team|teams|department|scientists?|officers?|technicians?|owners?|"
                         r"director|professionals?|coordinators?|partners?|assistants?|representatives?|advisors?|"
                         r"recruiters?|executives?)\b", re.IGNORECASE)
EXPERIENCE_DOMAINS = {"it-support": "it", "business": "business-analysis", "ai": "data", "management": "project-management",
                      "product-management": "project-management"}
_DOMAIN_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("security", re.compile(r"\b(cyber ?security|information security|security)\b", re.IGNORECASE)),
    ("networking", re.compile(r"\bnetwork", re.IGNORECASE)),
    ("cloud", re.compile(r"\bcloud\b", re.IGNORECASE)),
    ("project-management", re.compile(r"\bproject management\b", re.IGNORECASE)),
    ("business-analysis", re.compile(r"\bbusiness analy", re.IGNORECASE)),
    ("data", re.compile(r"\b(data|analytics|statistic)", re.IGNORECASE)),
    ("software", re.compile(r"\b(software|programming|web development|application development|coding)\b", re.IGNORECASE)),
    ("marketing", re.compile(r"\bmarketing\b", re.IGNORECASE)),
    ("healthcare", re.compile(r"\b(health|healthcare|clinical|medical)\b", re.IGNORECASE)),
    ("audit", re.compile(r"\baudit", re.IGNORECASE)),
    ("it", re.compile(r"\bIT\b|(?i:\binformation technology\b|\btechnical support\b|\bhelp ?desk\b|"
                      r"\bsystems? administration\b)")),
)


@dataclass(frozen=True)
class Evidence:
    line: int
    phrase: str
    offset: int = field(default=-1, compare=False)  # character of the phrase in the line's text, when known


@dataclass(frozen=True)
class SkillItem:
    skill: str
    level: int
    level_reason: str
    importance: str
    importance_reason: str
    via: str  # id | name | alias | esco | esco broader
    matched: str  # the catalog or ESCO label that matched
    evidence: tuple[Evidence, ...]
    alternatives: tuple[str, ...] = ()  # skills offered instead ("Python or R")


@dataclass(frozen=True)
class CredentialItem:
    any_of: tuple[str, ...]  # one credential, or several offered as alternatives
    importance: str
    importance_reason: str
    via: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    or_equivalent: bool = False


@dataclass(frozen=True)
class ExperienceItem:
    domain: str
    years: float
    importance: str
    importance_reason: str
    what: str
    domain_reason: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class EducationItem:
    level: str
    field: str
    or_experience: bool
    importance: str
    importance_reason: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Note:
    phrase: str
    line: int
    reason: str


@dataclass(frozen=True)
class PostingResult:
    source: str
    title: str
    lines: int
    skills: tuple[SkillItem, ...] = ()
    credentials: tuple[CredentialItem, ...] = ()
    experience: tuple[ExperienceItem, ...] = ()
    education: tuple[EducationItem, ...] = ()
    unmapped: tuple[Note, ...] = ()
    ignored: tuple[Note, ...] = ()


@dataclass
class _Match:
    start: int  # characters in the line
    end: int
    entry: Entry
    how: str = ""


@dataclass
class _Found:
    skills: dict[str, SkillItem] = field(default_factory=dict)
    credentials: dict[tuple[str, ...], CredentialItem] = field(default_factory=dict)
    experience: dict[str, ExperienceItem] = field(default_factory=dict)
    education: list[EducationItem] = field(default_factory=list)
    unmapped: dict[str, Note] = field(default_factory=dict)
    ignored: list[Note] = field(default_factory=list)


def _lower(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def find_matches(lex: Lexicon, texts: list[str]) -> list[list[_Match]]:
    """For each line: non-overlapping catalog/ESCO phrases and exam codes, longest first.

    One automaton pass over the whole posting: lines are joined by a NUL token, which
    no phrase contains, so no match crosses a line; only lines with a match are
    tokenised again for character offsets."""
    toks = TOKEN.findall(_lower(" \x00 ".join(texts)))
    hay = " " + " ".join(toks) + " "
    offsets = list(accumulate((len(t) + 1 for t in toks), initial=1))  # haystack offset of each token
    seps = [i for i, t in enumerate(toks) if t == "\x00"]
    found: list[list[tuple[int, int, int, _Match]]] = [[] for _ in texts]
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for hs, he, phrase in lex.matches(hay):
        i = bisect_left(offsets, hs + 1)
        j = bisect_left(offsets, he) - 1
        n = bisect_left(seps, i)
        first = seps[n - 1] + 1 if n else 0
        text = texts[n]
        line_toks = spans.get(n)
        if line_toks is None:
            line_toks = spans[n] = list(tokens(text))
        start, end = line_toks[i - first][0], line_toks[j - first][1]
        entries = lex.entries[phrase]
        if entries[0].cased or len(entries) > 1:
            surface = " ".join(text[start:end].split())
            entries = [e for e in entries if not e.cased or e.cased == surface]
        if entries:
            found[n].append((j - i + 1, end - start, -entries[0].rank, _Match(start, end, entries[0])))
    out: list[list[_Match]] = []
    for n, text in enumerate(texts):
        cands = found[n]
        if "-" in text:
            for m in EXAM_CODE.finditer(text):
                hit = lex.exam_code(m.group(0))
                if hit:
                    entry = Entry("credential", hit[0], m.group(0), hit[1])
                    cands.append((99, m.end() - m.start(), 0, _Match(m.start(), m.end(), entry, hit[1])))
        if not cands:
            out.append([])
            continue
        cands.sort(key=lambda f: (-f[0], -f[1], -f[2], f[3].start))
        chosen: list[_Match] = []
        taken = bytearray(len(text) + 1)
        for *_, match in cands:
            if not any(taken[match.start:match.end]):
                chosen.append(match)
                taken[match.start:match.end] = b"\x01" * (match.end - match.start)
        out.append(sorted(chosen, key=lambda c: c.start))
    return out


_CUE_WORDS = ("year", "yrs", "degree", "diploma", "bachelor", "master", "phd", "ph.d", "doctora", "ged", "high school",
              "mba", "bsc", "msc", "b.s", "b.a", "m.s", "bs", "ba", "ms", "experience", "knowledge", "proficien",
              "familiar", "expertise", "skill", "understanding")


@cache
def _cue_automaton() -> Automaton[str]:
    import ahocorasick

    auto: Automaton[str] = ahocorasick.Automaton()
    for word in _CUE_WORDS:
        auto.add_word(word, word)
    auto.make_automaton()
    return auto


def _interesting_lines(texts: list[str]) -> set[int]:
    """Lines where a rule without a catalog phrase (years, degrees, "experience with") may apply."""
    joined = "\n".join(texts).lower()
    starts = list(accumulate((len(t) + 1 for t in texts), initial=0))
    lines: set[int] = set()
    last = -1
    for end, _ in _cue_automaton().iter(joined):
        if end > last:
            n = bisect_right(starts, end) - 1
            lines.add(n)
            last = starts[n + 1] if n + 1 < len(starts) else len(joined)
    return lines


def _groups(clause: str, base: int, items: list[_Match]) -> list[list[_Match]]:
    """Runs of matches joined only by "or", commas or slashes, when the run says "or" somewhere."""
    runs: list[list[_Match]] = []
    for item in items:
        if runs:
            gap = clause[runs[-1][-1].end - base:item.start - base]
            if _JOINER.match(gap):
                runs[-1].append(item)
                continue
        runs.append([item])
    out: list[list[_Match]] = []
    for run in runs:
        gaps = [clause[a.end - base:b.start - base] for a, b in pairwise(run)]
        if len(run) > 1 and any(_OR.search(g) for g in gaps):
            out.append(run)
        else:
            out.extend([m] for m in run)
    return out


def _stronger(old: str, new: str) -> bool:
    return rules.RANK[new] > rules.RANK[old]


def _experience_domain(lex: Lexicon, what: str, skills: list[_Match]) -> tuple[str, str]:
    for match in skills:
        if match.entry.kind == "skill":
            skill = lex.catalog.skills[match.entry.target]
            if skill.domain:
                domain = EXPERIENCE_DOMAINS.get(skill.domain, skill.domain)
                return domain, f"the domain of {skill.name} ({skill.id})"
    for domain, pattern in _DOMAIN_WORDS:
        m = pattern.search(what)
        if m:
            return domain, f"the words {m.group(0)!r}"
    return "", ""


def _line(lex: Lexicon, line: Line, matches: list[_Match], found: _Found) -> None:
    text = line.text
    if line.section == "benefits":
        for m in matches:
            if m.entry.kind != "esco":
                found.ignored.append(Note(text[m.start:m.end], line.number, f"under {line.heading!r} (benefits)"))
        return
    first = 0
    for cstart, cend in rules.clauses(text):
        clause = text[cstart:cend]
        while first < len(matches) and matches[first].start < cstart:
            first += 1
        last = first
        while last < len(matches) and matches[last].start < cend:
            last += 1
        inside = [m for m in matches[first:last] if m.end <= cend]
        first = last
        if inside or _INTERESTING.search(clause):
            _clause(lex, line, clause, cstart, inside, found)


def _clause(lex: Lexicon, line: Line, clause: str, base: int, inside: list[_Match], found: _Found) -> None:
    cue = rules.importance(clause, line.section, line.heading)
    neg = rules.negated(clause)
    years = rules.years_in(clause)
    education = rules.education_in(clause, line.section)
    if neg:
        for m in inside:
            if m.entry.kind != "esco":
                found.ignored.append(Note(clause[m.start - base:m.end - base], line.number, f"negated: {neg!r}"))
        if education:
            found.ignored.append(Note(education.phrase, line.number, f"negated: {neg!r}"))
        for y in years:
            found.ignored.append(Note(clause[y.start:y.what_end].strip(), line.number, f"negated: {neg!r}"))
        return
    if inside and _APPLYING.search(clause):
        for m in inside:
            if m.entry.kind == "skill":
                found.ignored.append(Note(clause[m.start - base:m.end - base], line.number,
                                          "about applying for the job, not a requirement"))
        inside = [m for m in inside if m.entry.kind != "skill"]
    if _EMPLOYER.match(clause) and not _CANDIDATE.search(clause):
        for m in inside:
            if m.entry.kind != "esco":
                found.ignored.append(Note(clause[m.start - base:m.end - base], line.number,
                                          "describes the employer, not what the candidate needs"))
        return
    passing = (line.section in ("none", "other") and len(clause.split()) >= 8 and not _CANDIDATE.search(clause)
               and not _ASKING.search(clause))
    for m in inside:
        if m.entry.via == "esco broader":
            phrase = clause[m.start - base:m.end - base]
            found.unmapped.setdefault(phrase.lower(), Note(
                phrase, line.number, f"ESCO skill {m.entry.label!r} is not in the catalog itself; read as its broader "
                                     f"skill {lex.catalog.skill_name(m.entry.target)} ({m.entry.target})"))
    fields_from = -1
    if education:
        in_fields = rules.FIELDS.search(clause)
        fields_from = base + in_fields.end() if in_fields else -1
    cues = rules.level_cues(clause) if inside else []
    known = []
    for m in inside:
        if 0 <= fields_from <= m.start and m.entry.kind == "skill":
            found.ignored.append(Note(clause[m.start - base:m.end - base], line.number,
                                      "a field of study of the degree asked for, not a skill"))
            continue
        if passing and m.entry.kind == "skill":
            found.ignored.append(Note(clause[m.start - base:m.end - base], line.number,
                                      "mentioned in a sentence that asks nothing of the candidate"))
            continue
        if m.entry.kind == "skill" and _TITLE_NOUN.match(line.text, m.end):
            said = rules.level_cue(clause, m.start - base, cues)
            if not said or said[0] < 3 or not _SELF.search(clause):
                found.ignored.append(Note(line.text[m.start:_TITLE_NOUN.match(line.text, m.end).end()],  # type: ignore[union-attr]
                                          line.number, "part of a job title"))
                continue
        if m.entry.kind != "esco":
            known.append(m)
    for m in inside:
        if m.entry.kind == "esco":
            phrase = clause[m.start - base:m.end - base]
            found.unmapped.setdefault(m.entry.label.lower(), Note(
                phrase, line.number, f"ESCO skill {m.entry.label!r} has no catalog skill"))
    low = clause.lower()
    cued = any(w in low for w in ("experience", "knowledge", "proficien", "familiar", "expertise", "skill",
                                  "understanding"))
    for cm in _UNMAPPED_CUE.finditer(clause) if cued else ():
        phrase = cm.group(1).strip()
        s, e = base + cm.start(1), base + cm.start(1) + len(phrase)
        if _SKIP_UNMAPPED.match(phrase) or len(phrase.split()) > 6:
            continue
        if not any(m.start < e and m.end > s for m in inside):
            found.unmapped.setdefault(phrase.lower(), Note(phrase, line.number, f"named after {cm.group(0).split()[0]!r}"
                                                                               f" but not in the catalog"))
    top_years = max((y.years for y in years), default=0.0)
    for group in _groups(clause, base, [m for m in known if m.entry.kind == "credential"]):
        cids = tuple(dict.fromkeys(m.entry.target for m in group))
        ev = tuple(Evidence(line.number, clause[m.start - base:m.end - base], m.start) for m in group)
        after = clause[group[-1].end - base:group[-1].end - base + 30]
        citem = CredentialItem(cids, cue.value, cue.reason, tuple(m.how or m.entry.via for m in group), ev,
                              bool(re.match(r"\s*(?:certification\s*)?(?:or|and/or)\s+(?:an?\s+)?equivalent", after,
                                            re.IGNORECASE)))
        cold = found.credentials.get(cids)
        if cold is None or _stronger(cold.importance, citem.importance):
            found.credentials[cids] = replace(citem, evidence=((cold.evidence if cold else ()) + ev)[:MAX_EVIDENCE])
        else:
            found.credentials[cids] = replace(cold, evidence=(cold.evidence + ev)[:MAX_EVIDENCE])
    skill_matches = [m for m in known if m.entry.kind == "skill"]
    groups = _groups(clause, base, skill_matches)
    for group in groups:
        sids = [m.entry.target for m in group]
        for m in group:
            _skill(line, clause, base, m, cue, cues, top_years, tuple(i for i in sids if i != m.entry.target), found)
    for y in years:
        what = clause[y.end:y.what_end].strip()
        near = [m for m in skill_matches if base + y.end <= m.start < base + y.what_end] or \
               [m for m in skill_matches if m.end <= base + y.start]
        domain, why = _experience_domain(lex, what or clause, near)
        phrase = clause[y.start:y.what_end].strip()
        if not domain:
            found.ignored.append(Note(phrase, line.number, "years of experience in no field the catalog knows"))
            continue
        item = ExperienceItem(domain, y.years, cue.value, cue.reason, what, why, (Evidence(line.number, phrase),))
        old = found.experience.get(domain)
        if old is None or y.years > old.years or (y.years == old.years and _stronger(old.importance, cue.value)):
            found.experience[domain] = replace(item, evidence=(item.evidence + (old.evidence if old else ()))[:MAX_EVIDENCE])
        else:
            found.experience[domain] = replace(old, evidence=(old.evidence + item.evidence)[:MAX_EVIDENCE])
    if education:
        importance, reason = cue.value, cue.reason
        if education.or_experience and importance == "essential":
            importance, reason = "important", f"{cue.reason}, but equivalent experience is accepted"
        found.education.append(EducationItem(education.level, education.field, education.or_experience, importance,
                                             reason, (Evidence(line.number, clause.strip()),)))


def _skill(line: Line, clause: str, base: int, m: _Match, cue: rules.Cue, cues: list[tuple[int, int, int, str]],
           years: float, alternatives: tuple[str, ...], found: _Found) -> None:
    level, why = rules.DEFAULT_LEVEL, f"no wording cue (default {rules.DEFAULT_LEVEL}, intermediate)"
    near = rules.level_cue(clause, m.start - base, cues)
    if near and near[0] != rules.DEFAULT_LEVEL:
        level, why = near[0], f"says {near[1]!r}"
    if years:
        by_years = rules.level_from_years(years)
        if by_years > level or not near or near[0] == rules.DEFAULT_LEVEL:
            level, why = by_years, f"{years:g} years"
    sid = m.entry.target
    ev = Evidence(line.number, clause[m.start - base:m.end - base], m.start)
    item = SkillItem(sid, level, why, cue.value, cue.reason, m.entry.via, m.entry.label, (ev,), alternatives)
    old = found.skills.get(sid)
    if old is None:
        found.skills[sid] = item
        return
    best = item if _stronger(old.importance, item.importance) else old
    top = item if item.level > old.level else old
    found.skills[sid] = replace(best, level=top.level, level_reason=top.level_reason,
                                evidence=old.evidence if len(old.evidence) >= MAX_EVIDENCE else (*old.evidence, ev),
                                alternatives=best.alternatives if best is old else alternatives)


def extract(lex: Lexicon, lines: list[Line], source: str) -> PostingResult:
    """Skills, credentials, experience and education one posting asks for; see the module docstring."""
    found = _Found()
    texts = [ln.text for ln in lines]
    interesting = _interesting_lines(texts)
    for n, (line, matches) in enumerate(zip(lines, find_matches(lex, texts), strict=True)):
        if matches or n in interesting:
            _line(lex, line, matches, found)
    education = _lowest_education(found.education)
    title = lines[0].text if lines else ""
    return PostingResult(source, title, max((ln.number for ln in lines), default=0),
                         tuple(sorted(found.skills.values(), key=lambda s: (-rules.RANK[s.importance], s.skill))),
                         tuple(found.credentials.values()),
                         tuple(sorted(found.experience.values(), key=lambda e: e.domain)),
                         education, tuple(found.unmapped.values()), tuple(dict.fromkeys(found.ignored)))


def _lowest_education(items: list[EducationItem]) -> tuple[EducationItem, ...]:
    """One education item per importance: the lowest level asked for at that importance."""
    best: dict[str, EducationItem] = {}
    for item in items:
        old = best.get(item.importance)
        if old is None or rules.EDUCATION_LEVELS.index(item.level) < rules.EDUCATION_LEVELS.index(old.level):
            best[item.importance] = replace(item, evidence=(item.evidence + (old.evidence if old else ()))[:MAX_EVIDENCE])
        elif old is not None:
            best[item.importance] = replace(old, evidence=(old.evidence + item.evidence)[:MAX_EVIDENCE])
    return tuple(sorted(best.values(), key=lambda e: -rules.RANK[e.importance]))
