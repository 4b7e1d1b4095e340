"""The architecture is one-way: cli -> report -> services -> domain -> loader -> base (ARCHITECTURE.md).

Every module of the package is given a layer; a module may import its own layer
and the layers below it, never one above. Only the CLI and the reporters talk
to the terminal (typer, rich). The check reads the source with `ast`, so imports
inside functions count too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import skillstack

PACKAGE = Path(skillstack.__file__).parent

# Lowest first. A module not named here is a service (the common case for new
# modules); packages are named by their top folder.
LAYERS: list[tuple[str, set[str]]] = [
    ("base", {"errors", "model", "problems", "fileio", "safe_text", "quiet", "money", "textmatch"}),
    ("loader", {"yamlread", "schema", "loader", "fastread", "locate"}),
    ("domain", {"catalog", "requirements", "graph"}),
    ("services", set()),  # everything else: audit, plan, validate, cache, lookup, holdings, ...
    ("report", {"report"}),
    ("cli", {"cli", "__main__"}),
]
TERMINAL_LIBRARIES = {"typer", "rich", "click"}
TERMINAL_LAYERS = {"report", "cli"}


def layer_of(module: str) -> int:
    top = module.split(".")[0]
    for rank, (_, names) in enumerate(LAYERS):
        if top in names:
            return rank
    return [name for name, _ in LAYERS].index("services")


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            found.append((".".join(parts), path))
    return found


def imported(module: str, path: Path) -> set[str]:
    """Absolute module names imported anywhere in a file, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                names.add(".".join(["skillstack", *base, *(node.module or "").split(".")]).rstrip("."))
            elif node.module:
                names.add(node.module)
    return names


MODULES = modules()


def test_every_module_is_seen() -> None:
    assert {"cli", "model", "catalog", "plan"} <= {name.split(".")[0] for name, _ in MODULES}


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[name for name, _ in MODULES])
def test_imports_run_one_way(module: str, path: Path) -> None:
    own = layer_of(module)
    upward = sorted(
        name for name in imported(module, path)
        if name.startswith("skillstack.") and layer_of(name.removeprefix("skillstack.")) > own
    )
    assert not upward, f"{module} ({LAYERS[own][0]}) imports a higher layer: {upward}"


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[name for name, _ in MODULES])
def test_only_cli_and_reporters_use_the_terminal(module: str, path: Path) -> None:
    if LAYERS[layer_of(module)][0] in TERMINAL_LAYERS:
        return
    terminal = sorted(n for n in imported(module, path) if n.split(".")[0] in TERMINAL_LIBRARIES)
    assert not terminal, f"{module} imports terminal libraries {terminal}: keep them in cli/ or report/"


def architecture_rows() -> dict[str, set[str]]:
    """Each layer's row of ARCHITECTURE.md's table: the module names it lists (`cli/` -> cli)."""
    text = (Path(__file__).parents[1] / "ARCHITECTURE.md").read_text(encoding="utf-8")
    rows: dict[str, set[str]] = {}
    for line in text.splitlines():
        cells = line.split("|")
        if len(cells) > 3 and cells[1].strip() in {name for name, _ in LAYERS}:
            listed = re.findall(r"`([a-z_]+)(?:\.py|/)`", cells[2])
            rows[cells[1].strip()] = set(listed)
    return rows


def test_architecture_md_lists_each_layer_as_the_check_does() -> None:
    """ARCHITECTURE.md's table names the modules of every named layer, and no service elsewhere."""
    rows = architecture_rows()
    for name, modules in LAYERS:
        if name in {"services", "report", "cli"}:
            continue  # named by their folders, or (services) by example
        inside = {p.stem for m in modules if (PACKAGE / m).is_dir() for p in (PACKAGE / m).glob("*.py")}
        assert modules <= rows[name] <= modules | inside, f"ARCHITECTURE.md's {name} row: {sorted(rows[name] ^ modules)}"
    services = rows["services"]
    assert services and all(LAYERS[layer_of(s)][0] == "services" for s in services)
    assert all((PACKAGE / f"{s}.py").exists() or (PACKAGE / s).is_dir() for s in services)


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "model.py"
    bad.write_text("from skillstack.cli.app import app\n", encoding="utf-8")
    names = imported("model", bad)
    assert any(layer_of(n.removeprefix("skillstack.")) > layer_of("model") for n in names)
