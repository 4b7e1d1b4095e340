"""Every example in a docstring of the package runs and prints what it says.

The examples share one namespace: `catalog` (the shipped catalog), `profile`
(examples/profiles/marketing-to-data-analyst.yaml, resolved), `example_profile`
(that file's path), `date`, `Path`, and the names each module defines or imports.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from datetime import date
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import skillstack

EXAMPLE_PROFILE = Path(__file__).resolve().parents[1] / "examples" / "profiles" / "marketing-to-data-analyst.yaml"


def modules_with_examples() -> list[str]:
    found = []
    for info in pkgutil.walk_packages(skillstack.__path__, "skillstack."):
        if info.name.endswith("__main__"):
            continue  # importing it runs the command line
        module = importlib.import_module(info.name)
        if any(t.examples for t in doctest.DocTestFinder().find(module)):
            found.append(info.name)
    return found


@cache
def namespace() -> dict[str, Any]:
    from skillstack.catalog import build_catalog
    from skillstack.loader import load_raw, shipped_catalog
    from skillstack.profile import read_profile, resolve_profile

    catalog = build_catalog(load_raw([shipped_catalog()]))
    profile, _ = resolve_profile(read_profile(EXAMPLE_PROFILE), catalog)
    return {"catalog": catalog, "profile": profile, "example_profile": EXAMPLE_PROFILE, "date": date, "Path": Path,
            "load_raw": load_raw, "shipped_catalog": shipped_catalog}


def test_the_package_has_examples() -> None:
    assert len(modules_with_examples()) >= 5


@pytest.mark.parametrize("name", modules_with_examples())
def test_docstring_examples_run(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in doctest.DocTestFinder().find(module, globs={**vars(module), **namespace()}):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (output above)"


@pytest.mark.parametrize("name", modules_with_examples())
def test_no_example_is_skipped(name: str) -> None:
    """A skipped example is documentation nobody checks: it drifts (one showed a role of another field)."""
    module = importlib.import_module(name)
    skipped = [f"{test.name} line {(test.lineno or 0) + example.lineno + 1}"
               for test in doctest.DocTestFinder().find(module) for example in test.examples
               if example.options.get(doctest.SKIP)]
    assert not skipped, f"{name}: skipped examples: {skipped}"
