from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture(autouse=True)
def _no_user_catalog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never read the user's environment or cache."""
    monkeypatch.delenv("SKILLSTACK_CATALOG", raising=False)
    monkeypatch.setenv("SKILLSTACK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    # the "reading and checking ..." note appears after a timer, so on a loaded machine it would
    # land in the stderr of tests that expect exact output; tests of the note set their own delay
    monkeypatch.setattr("skillstack.cache.PROGRESS_AFTER", 3600.0)
    monkeypatch.setenv("COLUMNS", "120")


# Property tests run derandomised by default, so a run is reproducible; CI also runs the
# suite once with SKILLSTACK_HYPOTHESIS=random, which draws new examples each time (a
# failure prints the seed to reproduce it with). Example counts stay in each test.
settings.register_profile("derandomized", derandomize=True, deadline=None)
settings.register_profile("random", derandomize=False, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("SKILLSTACK_HYPOTHESIS", "derandomized"))
