"""Text that came from a catalog, a profile or a command line, made safe for where it goes.

The schema already refuses control characters in catalog and profile values; these
helpers are the second line, applied where text leaves the program (the terminal, an
error message, a calendar file), so that nothing that slipped past (a file name, a
command-line argument, a catalog built by other code) can move the cursor, recolour the
terminal, forge an extra line or reorder text.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
"""What a control character is shown as."""

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides
# and isolates that make text read differently from what it is ("Trojan source")
_BIDI = "\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")
CONTROL_OR_NEWLINE = re.compile(f"[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f{_BIDI}]")
HTTP_URL = re.compile(r"https?://[^\s/?#]+\S*\Z", re.IGNORECASE)
HTTP_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*$"  # the same, for JSON Schema


def printable(text: str) -> str:
    """`text` with every control character but tab and newline replaced by U+FFFD."""
    return CONTROL.sub(REPLACEMENT, text) if CONTROL.search(text) else text


def one_line(text: str) -> str:
    """`text` on one line: line breaks become spaces, other control characters U+FFFD."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return printable(text)


MESSAGE_LIMIT = 600
"""Longest error or warning line printed; whatever a message quotes, it stays readable."""


def message_line(text: str) -> str:
    """`text` as one bounded line for stderr: `one_line`, with an overlong middle cut out."""
    text = one_line(text)
    if len(text) <= MESSAGE_LIMIT:
        return text
    return f"{text[:400]} ...({len(text) - 550:,} characters cut)... {text[-150:]}"


def is_http_url(text: str) -> bool:
    """An http(s) URL with a host and no spaces or control characters (no javascript:, file:)."""
    return bool(HTTP_URL.match(text)) and not CONTROL_OR_NEWLINE.search(text)
