"""docs/, --help and the commands kept in step; no link leaves the repository.

The command list comes from the app itself, so a command added later needs its page
(docs/commands/NAME.md) before the suite passes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from skillstack.cli import app

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
runner = CliRunner()


def _commands() -> dict[str, Any]:
    return dict(get_command(app).commands)  # type: ignore[attr-defined]


def _options(command: Any) -> list[str]:
    return [max(p.opts, key=len) for p in command.params if getattr(p, "param_type_name", "") == "option"]


def _examples(help_text: str) -> list[str]:
    return [line.strip().removeprefix("Example: ") for line in help_text.splitlines()
            if line.strip().startswith(("skillstack ", "Example: skillstack "))]


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_a_page_with_its_examples_and_options(name: str) -> None:
    page = DOCS / "commands" / f"{name}.md"
    assert page.is_file(), f"write {page.relative_to(ROOT)} for `skillstack {name}`"
    text = page.read_text()
    assert text.startswith(f"# skillstack {name}\n")
    assert f"(commands/{name}.md)" in (DOCS / "README.md").read_text(), "link the page from docs/README.md"
    command = _commands()[name]
    subcommands = getattr(command, "commands", {})
    for sub in [command, *subcommands.values()]:
        for example in _examples(sub.help or ""):
            assert example in text, f"{page.name}: the --help example {example!r}"
        for option in _options(sub):
            assert f"`{option}" in text, f"{page.name}: option {option}"
    for sub in subcommands:
        assert f"### skillstack {name} {sub}\n" in text


@pytest.mark.parametrize("name", sorted(_commands()))
def test_help_shows_two_or_three_examples_unwrapped(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    command = _commands()[name]
    examples = _examples(command.help or "")
    assert 1 <= len(examples) <= 3
    shown = runner.invoke(app, [name, "--help"]).stdout
    for example in examples:
        assert example in shown, f"--help re-wrapped {example!r}"


def test_no_link_leaves_the_repository() -> None:
    for page in [ROOT / "README.md", *DOCS.rglob("*.md")]:
        for target in LINK.findall(page.read_text()):
            if re.match(r"[a-z]+:", target):
                continue  # a web address, not a file
            resolved = (page.parent / target).resolve()
            assert resolved.is_relative_to(ROOT.resolve()), f"{page.name} links outside: {target}"
            assert resolved.exists(), f"{page.name} links to a missing file: {target}"
