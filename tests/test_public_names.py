"""Tests use the package's public names only, and never import each other.

A private name (`_helper`, or a name in a `_private` module) may change without
notice; a test that imports a sibling test module fails to collect under
`--import-mode=importlib`. Shared strategies and helpers live in
`tests/strategies.py`, the one module of tests/ a test may import (`SHARED`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
SHARED = {"strategies"}  # tests/ modules any test may import


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def local_modules(tests: Path) -> set[str]:
    """What an absolute import of a module of tests/ starts with: its own name, its folder's, or `tests`."""
    files = [p for p in tests.rglob("*.py") if "data" not in p.relative_to(tests).parts]
    names = {"tests"} | {p.stem for p in files} | {p.parent.name for p in files if p.parent != tests}
    return names - SHARED - {"__init__"}


def problems(path: Path, local: set[str] | None = None) -> list[str]:
    local = local_modules(TESTS) if local is None else local
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()  # local names bound to skillstack modules
    found = []

    def check_module(lineno: int, module: str) -> None:
        parts = module.split(".")
        if parts[0] in local or parts[0].startswith(("test_", "conftest")):
            found.append(f"line {lineno}: imports the test module {module}")
        elif parts[0] == "skillstack" and any(private(p) for p in parts):
            found.append(f"line {lineno}: imports the private module {module}")

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                found.append(f"line {node.lineno}: imports the test module {'.' * node.level}{module}")
                continue
            check_module(node.lineno, module)
            if module.split(".")[0] == "skillstack":
                for alias in node.names:
                    if private(alias.name):
                        found.append(f"line {node.lineno}: imports the private name {module}.{alias.name}")
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                check_module(node.lineno, alias.name)
                if alias.name.split(".")[0] == "skillstack":
                    modules.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        base: ast.expr | None = None
        name, line = "", 0
        if isinstance(node, ast.Attribute) and private(node.attr):
            base, name, line = node.value, ast.unparse(node), node.lineno
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr"
              and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
              and isinstance(node.args[1].value, str) and private(node.args[1].value)):
            base, name, line = node.args[0], f"{ast.unparse(node.args[0])}.{node.args[1].value}", node.lineno
        while isinstance(base, ast.Attribute):
            base = base.value
        if isinstance(base, ast.Name) and base.id in modules:
            found.append(f"line {line}: uses the private name {name}")
    return sorted(found, key=lambda text: int(text.split()[1].rstrip(":")))  # by line: ast.walk is breadth first


FILES = sorted(p for p in TESTS.rglob("*.py") if "data" not in p.relative_to(TESTS).parts)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(TESTS)) for p in FILES])
def test_tests_use_public_names_only(path: Path) -> None:
    assert not problems(path), f"{path.relative_to(TESTS)}: " + "; ".join(problems(path))


def test_the_shared_modules_are_in_tests() -> None:
    assert {p.stem for p in FILES} >= SHARED
    assert not SHARED & local_modules(TESTS)


def test_the_check_catches_a_private_name_and_a_sibling_import(tmp_path: Path) -> None:
    bad = tmp_path / "test_bad.py"
    bad.write_text("from skillstack.catalog import _record\nfrom test_other import x\n"
                   "from skillstack import cache\ncache._codec()\n", encoding="utf-8")
    assert [p.split(": ")[1] for p in problems(bad)] == [
        "imports the private name skillstack.catalog._record", "imports the test module test_other",
        "uses the private name cache._codec"]


def test_the_check_catches_every_way_round_it(tmp_path: Path) -> None:
    (tmp_path / "helpers.py").write_text("", encoding="utf-8")
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "make_fixtures.py").write_text("", encoding="utf-8")
    bad = tmp_path / "test_bad.py"
    bad.write_text("import helpers\nfrom postings.make_fixtures import x\nfrom tests.test_other import y\n"
                   "from . import z\nfrom skillstack._impl import w\nimport skillstack.cli._glue as glue\n"
                   "import skillstack.cache\nskillstack.cache._codec()\nfrom skillstack import fastread as fr\n"
                   "getattr(fr, '_kind')\nfrom strategies import entry_point\n", encoding="utf-8")
    assert [p.split(": ")[1] for p in problems(bad, local_modules(tmp_path))] == [
        "imports the test module helpers", "imports the test module postings.make_fixtures",
        "imports the test module tests.test_other", "imports the test module .",
        "imports the private module skillstack._impl", "imports the private module skillstack.cli._glue",
        "uses the private name skillstack.cache._codec", "uses the private name fr._kind"]
