from __future__ import annotations

import pytest

from skillstack.cache import load_catalog
from skillstack.loader import default_paths
from skillstack.postings import Lexicon, PostingResult, extract, read_posting


@pytest.fixture(scope="session")
def lex() -> Lexicon:
    return Lexicon(load_catalog(default_paths()).catalog)


@pytest.fixture
def read(lex: Lexicon):  # type: ignore[no-untyped-def]
    def run(text: str, kind: str = "markdown") -> PostingResult:
        return extract(lex, read_posting(text, kind), "posting.md")

    return run
