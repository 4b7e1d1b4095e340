"""Golden outputs of `skillstack posting` on real postings (see tests/data/postings/real/ATTRIBUTION.md).

The catalog is a frozen copy (tests/data/postings/catalog) so curators' new aliases do not move
these; after a deliberate change, run `python tests/postings/make_posting_fixtures.py golden` and
review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app

ROOT = Path(__file__).parents[2]
DATA = ROOT / "tests" / "data" / "postings"
POSTINGS = sorted(p for p in (DATA / "real").iterdir() if p.name.startswith(("skillspan-", "usajobs-")))


def test_there_are_golden_postings() -> None:
    assert len(POSTINGS) == 6 and all((DATA / "golden" / f"{p.stem}.json").is_file() for p in POSTINGS)


@pytest.mark.parametrize("posting", POSTINGS, ids=lambda p: p.stem)
def test_golden(posting: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["posting", str(posting.relative_to(ROOT)), "--catalog",
                                      str((DATA / "catalog").relative_to(ROOT)), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json.loads((DATA / "golden" / f"{posting.stem}.json").read_text())
