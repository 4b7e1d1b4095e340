"""Tests use the package's public names only, and never import each other.

A private name (`_helper`) may change without notice; a test that imports a
sibling test module fails to collect under `--import-mode=importlib`. Shared
strategies and helpers live in `tests/strategies.py`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
SHARED = {"strategies"}  # tests/ modules any test may import


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()  # local names bound to skillstack modules
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level or module.split(".")[0].startswith(("test_", "conftest")):
                found.append(f"line {node.lineno}: imports the test module {module or '.'}")
            if module.split(".")[0] == "skillstack":
                for alias in node.names:
                    if private(alias.name):
                        found.append(f"line {node.lineno}: imports the private name {module}.{alias.name}")
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0].startswith(("test_", "conftest")):
                    found.append(f"line {node.lineno}: imports the test module {alias.name}")
                if alias.name.split(".")[0] == "skillstack":
                    modules.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and private(node.attr):
            base = node.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in modules:
                found.append(f"line {node.lineno}: uses the private name {ast.unparse(node)}")
    return found


FILES = sorted(p for p in TESTS.rglob("*.py") if "data" not in p.relative_to(TESTS).parts)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(TESTS)) for p in FILES])
def test_tests_use_public_names_only(path: Path) -> None:
    assert not problems(path), f"{path.relative_to(TESTS)}: " + "; ".join(problems(path))


def test_the_check_catches_a_private_name_and_a_sibling_import(tmp_path: Path) -> None:
    bad = tmp_path / "test_bad.py"
    bad.write_text("from skillstack.catalog import _record\nfrom test_other import x\n"
                   "from skillstack import cache\ncache._codec()\n", encoding="utf-8")
    assert [p.split(": ")[1] for p in problems(bad)] == [
        "imports the private name skillstack.catalog._record", "imports the test module test_other",
        "uses the private name cache._codec"]
