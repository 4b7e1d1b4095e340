"""CHANGELOG.md keeps up with the package: its newest release is the version in pyproject.toml,
and it names the cache format the code writes.

The version moves when the public contract or the cache format changes (the changelog's own
rule); a new cache format makes every user's cache rebuild once, so the change says so, under
`## Unreleased` until the version moves.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from skillstack.cache import CACHE_FORMAT

ROOT = Path(__file__).resolve().parents[1]
CACHE_SENTENCE = re.compile(r"\bformat (?:is |is now |moved from \d+ to |to |\()?(\d+)")


def releases(text: str) -> list[str]:
    """The `## ` headings of the changelog, newest first, `Unreleased` left out."""
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    return [h for h in headings if h.strip().lower() != "unreleased"]


def cache_formats(text: str) -> list[int]:
    """Every cache format number a sentence of `text` names ("the cache format is 9", "cache (format 9)")."""
    sentences = re.split(r"(?<=[.;:])\s+", text)
    return [int(n) for s in sentences if "cache" in s.lower() for n in CACHE_SENTENCE.findall(s)]


def test_the_newest_release_is_the_packages_version() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    newest = releases((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))[0]
    assert newest.split()[0] == version, f"CHANGELOG.md's newest release is {newest!r}; pyproject.toml says {version}"


def test_the_changelog_names_the_cache_format_written() -> None:
    named = cache_formats((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert max(named) == CACHE_FORMAT, (
        f"cache.CACHE_FORMAT is {CACHE_FORMAT} but CHANGELOG.md names format {max(named)} at most: say under "
        f"'## Unreleased' that the cache format is {CACHE_FORMAT} (older caches are rebuilt once)")


def test_the_checks_read_the_changelogs_own_phrasing() -> None:
    text = ("## Unreleased\n\n- Faster. The cache format is 10: older caches are rebuilt once.\n\n"
            "## 0.5.0 (2026-12-02)\n\nThe catalog cache (format 9) is smaller; the cache format moved from 6 to 8.\n"
            "The JSON report format is 2.\n")
    assert releases(text) == ["0.5.0 (2026-12-02)"]
    assert cache_formats(text) == [10, 9, 8]
