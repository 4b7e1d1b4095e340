"""Reporters chosen by name: each command's `--format` choices have a reporter, an unknown
format is refused naming the ones there are, and `print_report` prints what a reporter gives, in order."""

from __future__ import annotations

from pathlib import Path
from typing import Never

import pytest
from rich.table import Table
from rich.text import Text
from typer.main import get_command

from skillstack.cli import app
from skillstack.cli.output import print_report
from skillstack.report.outputs import ALL, PLAN
from skillstack.report.reporter import Message, PlainText, Reporters, UnknownFormat


def _command(path: str) -> object:
    """The click command `path` names (`"plan"`, `"import ctdl"`)."""
    command: object = get_command(app)
    for name in path.split():
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


def _format_choices(command: object) -> tuple[str, ...] | None:
    for param in command.params:  # type: ignore[attr-defined]
        if "--format" in param.opts:
            return tuple(str(choice) for choice in param.type.choices)
    return None


@pytest.mark.parametrize("reporters", ALL, ids=[r.command for r in ALL])
def test_every_format_a_command_offers_has_its_reporter(reporters: Reporters[Never]) -> None:
    assert _format_choices(_command(reporters.command)) == reporters.formats
    assert all(callable(reporters.reporter(fmt)) for fmt in reporters.formats)


def _commands_with_a_format(command: object, path: str = "") -> set[str]:
    found = {path} if path and _format_choices(command) is not None else set()
    for name, sub in getattr(command, "commands", {}).items():
        found |= _commands_with_a_format(sub, f"{path} {name}".strip())
    return found


def test_every_command_with_a_format_chooses_its_reporter_by_name() -> None:
    assert len({r.command for r in ALL}) == len(ALL)
    assert {r.command for r in ALL} == _commands_with_a_format(get_command(app))


def test_an_unknown_format_is_refused_naming_the_formats() -> None:
    with pytest.raises(UnknownFormat) as caught:
        PLAN.reporter("xml")
    assert str(caught.value) == "plan: no 'xml' format; choose from text, json"
    assert isinstance(caught.value, LookupError)


def test_a_reporter_is_looked_up_by_name_and_given_the_document() -> None:
    seen: list[int] = []

    def twice(n: int) -> list[str]:
        seen.append(n)
        return [f"{n * 2}\n"]

    doubled = Reporters[int]("double", {"text": twice})
    assert doubled.report("text", 21) == ["42\n"] and seen == [21]
    assert doubled.formats == ("text",)


def test_print_report_prints_each_printable_in_order_where_it_goes(capsys: pytest.CaptureFixture[str]) -> None:
    table = Table("id", "name")
    table.add_row("sql", "SQL")
    print_report(["{}\n", Text("laid out"), table, PlainText("a line\n"), Message("wrote x.ics"),
          Message("look twice", "warning"), Text("last")])
    out, err = capsys.readouterr()
    assert out == ("{}\n"
                   "laid out\n"
                   "┏━━━━━┳━━━━━━┓\n"
                   "┃ id  ┃ name ┃\n"
                   "┡━━━━━╇━━━━━━┩\n"
                   "│ sql │ SQL  │\n"
                   "└─────┴──────┘\n"
                   "a line\n"
                   "last\n")
    assert err == "wrote x.ics\nskillstack: warning: look twice\n"


def test_plain_text_drops_escape_sequences_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    print_report([PlainText("wrote \x1b[31mred.yaml\n"), "kept \x1b[31mas is\n"])
    assert capsys.readouterr().out == "wrote red.yaml\nkept \x1b[31mas is\n"


def test_print_report_saves_text_to_a_file_and_refuses_anything_else(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "graph.dot"
    print_report(["digraph {\n", "}\n"], target)
    assert target.read_text(encoding="utf-8") == "digraph {\n}\n"
    with pytest.raises(TypeError, match="a Text cannot be saved to a file; only text can"):
        print_report(["a\n", Text("laid out")], tmp_path / "other.txt")
    assert not (tmp_path / "other.txt").exists()
    assert capsys.readouterr() == ("", "")
