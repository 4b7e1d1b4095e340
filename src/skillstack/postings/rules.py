"""The wording rules of the posting reader, each a small pure function over one clause.

A clause is a piece of a line between sentence ends or semicolons; every rule looks
only inside the clause its evidence is in, so "No degree required; strong SQL" does
not take SQL away.

- importance: "required", "must" -> essential; "preferred", "a plus", "nice to have"
  -> optional; otherwise the section's: required -> essential, preferred ->
  optional, anything else -> important (DEFAULT_IMPORTANCE).
- negation: "not required", "no degree required", "not necessary", "without"
  drop what the clause names, unless it also says "a plus"/"preferred" (then optional).
- level: "familiarity with", "basic", "exposure to" -> 1; "strong", "proficient",
  "advanced", "extensive" -> 3; "expert", "mastery" -> 4 (the nearest cue before the
  skill); years of use -> level_from_years; no cue -> DEFAULT_LEVEL (2, intermediate).
- years: "3+ years of ...", "two years' experience in ...", "at least one year of ...".
- education: high school, associate, bachelor, master, doctorate, with a field
  ("in computer science") and "or equivalent experience".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

DEFAULT_LEVEL = 2
DEFAULT_IMPORTANCE = "important"
RANK = {"optional": 1, "important": 2, "essential": 3}

CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\s[-\u2013\u2014•]\s|•")

_OPTIONAL = re.compile(r"\b(preferred|preferably|prefer|(?:is |are |a |big |huge )plus|nice[ -]to[ -]have|bonus|"
                       r"desirable|desired|ideally|an advantage|advantageous|beneficial|welcome|would be great|"
                       r"good to have|optional)\b", re.IGNORECASE)
_ESSENTIAL = re.compile(r"\b(required|requires?|must|mandatory|essential|necessary|need to have|"
                        r"minimum|at a minimum)\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|no|never|n't)\b[^.;]{0,40}?\b(?:required|necessary|needed|mandatory|expected|a requirement|"
    r"a must)\b|\bno\s+(?:prior\s+|previous\s+|formal\s+|college\s+|university\s+)?"
    r"(?:degree|experience|certifications?|certificates?|diploma)\b|\bwithout\s+(?:a\s+)?"
    r"(?:degree|certification|experience)\b", re.IGNORECASE)

_LEVEL_CUES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b(familiarity|familiar|exposure|basic|basics|awareness|aware|introductory|beginner|"
                r"some (?:experience|knowledge|exposure)|entry[ -]level|foundational|understanding)\b", re.IGNORECASE), 1),
    (re.compile(r"\b(working knowledge|hands[ -]on|good|knowledge|experience|experienced|competent)\b", re.IGNORECASE), 2),
    (re.compile(r"\b(strong|solid|proficient|proficiency|advanced|extensive|deep|in[ -]depth|thorough|"
                r"excellent|significant|substantial|proven|skilled|fluent|fluency)\b", re.IGNORECASE), 3),
    (re.compile(r"\b(expert|experts|expertise|mastery|guru|authority|world[ -]class)\b", re.IGNORECASE), 4),
)

_NUMBER = r"(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)"
YEARS = re.compile(rf"\b{_NUMBER}\s*(\+|plus)?\s*(?:(?:-|\u2013|to|or more|or)\s*{_NUMBER}?\s*\+?\s*)?"
                   r"(?:full[ -]time\s+)?(?:years?|yrs?)\b['\u2019]?(?:\s+of)?", re.IGNORECASE)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}
_FILLER = re.compile(r"^(?:\s|of|in|with|as|doing|using|working|work|professional|relevant|hands[ -]on|"
                     r"industry|progressive(?:ly)?|related|specialized|specialised|direct|proven|paid|total|"
                     r"experience|experiences|demonstrated|practical|commercial|post[ -]graduate|responsible|"
                     r"increasing|responsibility|an?|the|within|on)+\b", re.IGNORECASE)

_EDUCATION: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("high-school", re.compile(r"\b(high[ -]school|ged|secondary school|secondary education)\b", re.IGNORECASE)),
    ("associate", re.compile(r"\b(associate['\u2019]?s?\s+degree|associate degree|a\.a\.s?\.?|two[ -]year degree)",
                             re.IGNORECASE)),
    ("bachelor", re.compile(r"(?i:\b(bachelor['\u2019]?s?|b\.?sc|b\.s\.|b\.a\.|bs/ba|ba/bs|bs or ba|ba or bs|"
                            r"undergraduate degree|four[ -]year degree|4[ -]year degree|university degree|"
                            r"college degree|graduate of)\b)|\b(?:BS|BA)\b(?= degree| in )")),
    ("master", re.compile(r"\b(master['\u2019]?s?(?: degree)?|m\.?sc|m\.s\.|mba|graduate degree|advanced degree)\b|"
                          r"\bMS\b(?= degree| in )", re.IGNORECASE)),
    ("doctorate", re.compile(r"\b(ph\.?\s?d|doctorate|doctoral|doctor['\u2019]?s degree)\b", re.IGNORECASE)),
)
_DEGREE = re.compile(r"\b(degree(?!\s+of\s+(?!bachelor|master|doctor))|diploma|bachelor|master|phd|ph\.d|doctorate|ged|"
                     r"high school|mba|bsc|msc)", re.IGNORECASE)
_FIELD = re.compile(r"\b(?:degree|diploma|bachelor['\u2019]?s?|master['\u2019]?s?|ph\.?d|doctorate|b\.?sc|m\.?sc|bs|ba|ms|"
                    r"education|studies)\b[^.;]{0,30}?\b(?:in|of)\s+(?!a\b|an\b|the\b|which\b|grades?\b)"
                    r"([a-z][a-z &/,'-]+?)(?=\s*(?:,|;|\.|\(|$|\bor\s+(?:a\s+)?(?:related|equivalent|similar|"
                    r"relevant|comparable)|\bor equivalent|\band\b\s+\d|\bis\b|\bwith\b|\bpreferred|\brequired|\bfrom\b))",
                    re.IGNORECASE)
_OR_EXPERIENCE = re.compile(r"\bor\s+(?:an?\s+)?(?:equivalent|comparable|relevant|related)\s+"
                            r"(?:(?:combination|level|amount)\s+of\s+(?:education\s+and\s+)?)?"
                            r"(?:practical\s+|professional\s+|work\s+)?experience\b|equivalent experience|"
                            r"experience in lieu\b|or equivalent\b|^\W*or\b|\bsubstitut|\bin lieu of\b", re.IGNORECASE)
# Where a degree's fields of study start: "degree in computer science, statistics or ..."
FIELDS = re.compile(r"\b(?:degree|degrees|major|diploma|education|studies|bachelor\S*|master\S*|b\.?sc|m\.?sc|ph\.?d)\b"
                    r"[^.;]*?\b(?:in|of)\s+", re.IGNORECASE)
EDUCATION_LEVELS = ("none", "high-school", "associate", "bachelor", "master", "doctorate")


@dataclass(frozen=True)
class Cue:
    value: str
    reason: str


MAX_YEARS = 5  # "N years of X" read per clause
MAX_CLAUSE = 600  # characters; longer runs without a sentence end are cut at spaces (bounds the work per clause)


def clauses(text: str) -> list[tuple[int, int]]:
    """Character ranges of the clauses of one line."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in [*CLAUSE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        while end - start > MAX_CLAUSE:
            cut = text.rfind(" ", start + 1, start + MAX_CLAUSE)
            cut = cut if cut > start else start + MAX_CLAUSE
            out.append((start, cut))
            start = cut
        if end > start:
            out.append((start, end))
        start = m.end() if m else end
    return out or [(0, len(text))]


def importance(clause: str, section: str, heading: str) -> Cue:
    """essential | important | optional, with why."""
    opt, ess = _OPTIONAL.search(clause), _ESSENTIAL.search(clause)
    if opt:
        return Cue("optional", f"says {opt.group(0)!r}")
    if ess and not _NEGATION.search(clause):
        return Cue("essential", f"says {ess.group(0)!r}")
    if section == "required":
        return Cue("essential", f"under {heading!r}")
    if section == "preferred":
        return Cue("optional", f"under {heading!r}")
    if section in ("duties", "other"):
        return Cue("important", f"under {heading!r}")
    return Cue(DEFAULT_IMPORTANCE, "no heading or wording says how much it matters (default)")


def negated(clause: str) -> str:
    """The negating words of a clause that drops what it names ("" when none, or when it is only a plus)."""
    low = clause.lower()
    if not any(w in low for w in ("no", "never", "n't", "n\u2019t", "without")):
        return ""
    neg = _NEGATION.search(clause)
    if neg and not _OPTIONAL.search(clause):
        return neg.group(0)
    return ""


def level_cues(clause: str) -> list[tuple[int, int, int, str]]:
    """Every level cue of a clause as (end, start, level, words), by end."""
    found = [(m.end(), m.start(), level, m.group(0)) for pattern, level in _LEVEL_CUES for m in pattern.finditer(clause)]
    return sorted(found)


def level_cue(clause: str, before: int, cues: list[tuple[int, int, int, str]] | None = None) -> tuple[int, str] | None:
    """The level of the nearest wording cue ending before character `before` of the clause
    (`cues`: the clause's `level_cues`, when already found)."""
    cues = level_cues(clause) if cues is None else cues
    best: tuple[int, int, str] | None = None
    for end, start, level, words in cues[:bisect_right(cues, (before, before, 5, ""))]:
        if end <= before and (best is None or start > best[0] or (start == best[0] and level > best[1])):
            best = (start, level, words)
    return (best[1], best[2]) if best else None


def level_from_years(years: float) -> int:
    """0-1 years -> 1, 2-4 -> 2, 5-7 -> 3, 8 or more -> 4."""
    return 1 if years < 2 else 2 if years < 5 else 3 if years < 8 else 4


def number(text: str) -> float:
    return float(_WORDS.get(text.lower(), 0) or text)


@dataclass(frozen=True)
class Years:
    years: float
    start: int
    end: int  # end of "N years of"
    what_end: int  # end of the phrase saying what the years are of


def years_in(clause: str) -> list[Years]:
    """Each "N years of X" of a clause; X runs to the next comma, bracket or "and N years"."""
    out = []
    for m in YEARS.finditer(clause):
        tail = clause[m.end():]
        filler = _FILLER.match(tail)
        skip = filler.end() if filler else 0
        stop = re.search(r"[,(\[]|\band\s+\d|\bor\s+\d", tail[skip:])
        what_end = m.end() + skip + (stop.start() if stop else len(tail) - skip)
        out.append(Years(number(m.group(1)), m.start(), m.end() + skip, what_end))
        if len(out) == MAX_YEARS:  # no real clause asks for more; bounds the work on junk input
            break
    return out


@dataclass(frozen=True)
class Education:
    level: str
    field: str
    or_experience: bool
    phrase: str


_ASKS = re.compile(r"\b(?:hold|holds|possess\w*|completed?|complete|obtained|earned|candidates?|"
                   r"applicants?|you|required|requires?|must|minimum|preferred|equivalent|desired|desirable|"
                   r"ideally|plus|need|needs|or higher|or above|degree in)\b", re.IGNORECASE)


def education_in(clause: str, section: str = "required") -> Education | None:
    """The lowest degree a clause names, its field, and whether experience may stand in for it.

    Outside a requirements or preferred section, a clause longer than a list item must also
    ask for it ("hold", "required", "candidates", "degree in ..."): "The PhD project studies
    ..." asks for nothing."""
    if not _DEGREE.search(clause) and not re.search(r"\b(?:BS|BA|MS)\b", clause):
        return None
    if section not in ("required", "preferred") and len(clause.split()) > 8 and not _ASKS.search(clause):
        return None
    found = [(EDUCATION_LEVELS.index(level), level, m) for level, pattern in _EDUCATION
             if (m := pattern.search(clause))]
    if not found:
        m = re.search(r"(?<!high )(?<!some )\bdegree\b(?!\s+of\b)", clause, re.IGNORECASE)
        if not m:
            return None
        found = [(3, "bachelor", m)]
    _, level, m = min(found, key=lambda f: f[0])
    field = _FIELD.search(clause)
    subject = field.group(1).strip(" ,&/-") if field else ""
    subject = re.split(r",|\s+or\s+|\s+and\s+|/", subject)[0].strip() if subject else ""
    if len(subject.split()) > 5:
        subject = ""
    return Education(level, subject.lower(), bool(_OR_EXPERIENCE.search(clause)), m.group(0))
