"""A job posting as numbered lines with the section each line is in.

Plain text, Markdown and HTML are read into `Line`s that keep the line number of
the source, so every piece of evidence can point back at the text a person wrote.
A heading ("Minimum qualifications", "## Nice to have", "<h3>Preferred</h3>",
"REQUIREMENTS:") sets the section of the lines after it:

- required: requirements, minimum/basic qualifications, must have, what you need
- preferred: preferred, nice to have, bonus, desired, a plus
- duties: responsibilities, duties, what you will do
- benefits: benefits, perks, what we offer (nothing there is a requirement)
- other: any other heading (about us, the company); before any heading: none
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

SECTION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("preferred", ("preferred", "nice to have", "nice-to-have", "bonus", "desired", "desirable", "a plus",
                   "pluses", "good to have", "would be great", "extra credit", "ideally", "optional")),
    ("required", ("requirement", "required", "minimum qualification", "basic qualification", "must have",
                  "must-have", "what you need", "what we need", "what you'll need", "what you will need",
                  "what you bring", "what we're looking for", "what we are looking for", "qualification",
                  "essential", "who you are", "your profile", "about you", "skills and experience",
                  "experience and skills", "you have", "you bring", "your skills", "competenc", "eligibility",
                  "mandatory", "requisite", "conditions of employment")),
    ("duties", ("responsibilit", "duties", "what you'll do", "what you will do", "your role", "the role",
                "day to day", "day-to-day", "your mission", "your tasks", "tasks", "job description",
                "key accountabilities")),
    ("benefits", ("benefit", "perks", "we offer", "what's in it for you", "compensation", "salary",
                  "why join", "why work", "how to apply", "equal opportunity")),
)

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_STRONG_LINE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•·▪◦‣]|\d{1,2}[.)])\s+")
_MD_INLINE = re.compile(r"(\*\*|__|`|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w))")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the source file
    text: str  # the text, markup removed
    section: str  # none | required | preferred | duties | benefits | other
    heading: str = ""  # the heading this line is under


def section_of(heading: str) -> str:
    """The section kind a heading starts, by its words."""
    text = heading.lower().replace("\u2019", "'")
    for kind, words in SECTION_WORDS:
        if any(word in text for word in words):
            return kind
    return "other"


def _looks_like_heading(text: str) -> bool:
    words = text.rstrip(":").split()
    if not words or len(words) > 7 or len(text) > 60:
        return False
    if text.endswith(":"):
        return True
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _sectioned(raw: list[tuple[int, str, bool]]) -> list[Line]:
    out: list[Line] = []
    section, heading = "none", ""
    for number, text, is_heading in raw:
        text = " ".join(text.split())
        if not text:
            continue
        bare = text.rstrip(":").strip()
        if is_heading or _looks_like_heading(text):
            kind = section_of(bare)
            if is_heading or kind != "other" or text.endswith(":"):
                section, heading = kind, bare
                out.append(Line(number, text, section, heading))
                continue
        out.append(Line(number, text, section, heading))
    return out


def read_text(text: str) -> list[Line]:
    return _sectioned([(i, line, False) for i, line in enumerate(text.splitlines(), 1)])


def read_markdown(text: str) -> list[Line]:
    raw: list[tuple[int, str, bool]] = []
    for i, line in enumerate(text.splitlines(), 1):
        heading = _MD_HEADING.match(line) or _MD_STRONG_LINE.match(line)
        body = heading.group(1) if heading else _BULLET.sub("", line)
        body = _MD_INLINE.sub("", _MD_LINK.sub(r"\1", body))
        raw.append((i, body, heading is not None))
    return _sectioned(raw)


_BLOCK = {"p", "div", "li", "br", "tr", "td", "th", "ul", "ol", "section", "article", "header", "footer",
          "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "table", "hr", "blockquote", "pre"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.raw: list[tuple[int, str, bool]] = []
        self._parts: list[str] = []
        self._line = 1
        self._heading = 0
        self._strong = 0
        self._strong_only = True
        self._skip = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            is_heading = self._heading > 0 or (self._strong_only and len(text.split()) <= 7)
            self.raw.append((self._line, text, is_heading))
        self._parts = []
        self._strong_only = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCK:
            self._flush()
            if tag in _HEADINGS:
                self._heading += 1
        elif tag in ("strong", "b"):
            self._strong += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self._flush()
            if tag in _HEADINGS:
                self._heading = max(0, self._heading - 1)
        elif tag in ("strong", "b"):
            self._strong = max(0, self._strong - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not "".join(self._parts).strip():
            lead = data[: len(data) - len(data.lstrip())]
            self._line = self.getpos()[0] + lead.count("\n")
        if data.strip() and not self._strong and not self._heading:
            self._strong_only = False
        self._parts.append(data)


def read_html(text: str) -> list[Line]:
    parser = _Html()
    parser.feed(text)
    parser.close()
    parser._flush()
    return _sectioned(parser.raw)


def sniff(name: str, text: str) -> str:
    """text | markdown | html, from the file name, else from the content."""
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    if lower.endswith(".txt"):
        return "text"
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(p|div|li|ul|h[1-6]|br|body)\b", head):
        return "html"
    if re.search(r"(?m)^\s{0,3}#{1,6}\s|^\s*(\*\*|__)\S", text[:4000]):
        return "markdown"
    return "text"


def read_posting(text: str, kind: str) -> list[Line]:
    """The lines of a posting written as `kind` (text, markdown or html)."""
    readers = {"text": read_text, "markdown": read_markdown, "html": read_html}
    return readers[kind](text)
