"""Text from a catalog or profile reaches a terminal, a calendar or a Markdown report as literal text."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from typer.testing import CliRunner

from skillstack.cache import load_catalog
from skillstack.cli import app
from skillstack.cli import output as cli_output
from skillstack.errors import InputError
from skillstack.model import CredentialId, HeldCredential, Profile, RoleId
from skillstack.plan.service import plan
from skillstack.report.calendar import plan_ics
from skillstack.report.render import md_escape

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "catalogs" / "mini"
MARKUP = "SQL [/] [link=https://evil.example]click[/link] [bold red]x"


@pytest.fixture
def markup_catalog(tmp_path: Path) -> Path:
    text = (MINI / "catalog.yaml").read_text().replace("name: SQL Basics", f'name: "{MARKUP}"')
    (tmp_path / "catalog.yaml").write_text(text)
    return tmp_path


@pytest.mark.parametrize("args", [
    ["show", "sql-basics"],
    ["search", "sql"],
    ["plan", "--role", "analyst", "--start", "2026-12-01"],
    ["audit", "--role", "analyst", "--all-roles"],
])
def test_rich_markup_in_names_prints_literally(args: list[str], markup_catalog: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")  # a terminal: links and styles would be emitted
    monkeypatch.setenv("COLUMNS", "300")
    result = runner.invoke(app, [*args, "--catalog", str(markup_catalog)])
    assert result.exit_code in (0, 1), result.output
    assert "\x1b]8;" not in result.stdout  # no live terminal link
    if args[0] != "audit":
        assert "[/] [link=https://evil.example]click[/link] [bold red]x" in result.stdout


def test_control_characters_never_reach_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.StringIO()
    monkeypatch.setattr(cli_output.sys, "stdout", buffer)
    out = cli_output.console()
    out.print(Text("a\x1b[2Jb\rc\x07d\u202ee"))
    out.print("plain \x1b]0;title\x07 string")
    printed = buffer.getvalue()
    assert "\x1b" not in printed and "\r" not in printed and "\x07" not in printed and "\u202e" not in printed
    assert "a\ufffd[2Jb" in printed and "d\ufffde" in printed  # rich itself drops CR and BEL


def test_error_messages_are_one_line_and_inert(tmp_path: Path) -> None:
    result = runner.invoke(app, ["plan", "--catalog", str(MINI), "--role", "no\nsuch\x1b[31m role"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("skillstack: error:")]
    assert len(errors) == 1 and "\x1b" not in result.stderr


class _Hostile:
    """A catalog view whose names and urls were never checked by the schema."""

    def __init__(self, cat: Any, name: str, url: str) -> None:
        self.cat, self.name, self.url = cat, name, url

    def credential_name(self, cid: str) -> str:
        return self.name

    @property
    def credentials(self) -> dict[str, Any]:
        return {c.id: replace(c, url=self.url) for c in self.cat.credentials}


def _mini_plan() -> tuple[Any, Any]:
    cat = load_catalog([MINI]).catalog
    profile = Profile(targets=(RoleId("analyst"),))
    return cat, plan(cat, profile, date(2026, 12, 1))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://x.example/\r\nBEGIN:VEVENT", "file:///etc/passwd"])
def test_ics_escapes_text_and_keeps_bad_urls_out(url: str) -> None:
    cat, result = _mini_plan()
    name = "Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\rSUMMARY:x, y; z\\ " + "long " * 40
    ics = plan_ics(_Hostile(cat, name, url), result, "Alex\r\nX-INJECTED:1")  # type: ignore[arg-type]
    lines = ics.split("\r\n")
    assert ics.endswith("\r\n") and "\r" not in ics.replace("\r\n", "") and "\n" not in ics.replace("\r\n", "")
    assert sum(line == "BEGIN:VEVENT" for line in lines) == len(result.steps)
    assert not any(line.startswith(("URL:", "X-INJECTED")) for line in lines)
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Step 1: Evil\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:x\\, y\\; z\\\\ long" in unfolded


def test_ics_keeps_a_good_url() -> None:
    cat, result = _mini_plan()
    assert "URL:https://example.org/py\r\n" in plan_ics(cat, result)


@pytest.mark.parametrize(("text", "escaped"), [
    ("a\rb", "a b"),
    ("a\r\nb\nc", "a b c"),
    ("bell\x07", "bell\ufffd"),
    ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
    ("<script>&amp;", "&lt;script&gt;&amp;amp;"),
    ("*a* _b_ `c` #d |e| ~f~", "\\*a\\* \\_b\\_ \\`c\\` \\#d \\|e\\| \\~f\\~"),
    ("- not a list", "\\- not a list"),
    ("1. not a list", "1\\. not a list"),
    ("===", "\\==="),
    ("3.5 hours", "3.5 hours"),
])
def test_markdown_escaping(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_markdown_report_escapes_a_profile_name(tmp_path: Path) -> None:
    profile = tmp_path / "alex.yaml"
    profile.write_text("name: 'Alex *[x](javascript:alert(1))* <b>'\ntargets: [analyst]\n"
                       "constraints: {start: 2026-12-01}\n")
    result = runner.invoke(app, ["report", str(profile), "--catalog", str(MINI), "--format", "markdown",
                                 "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "out" / "alex.md").read_text()
    assert "Alex \\*\\[x\\](javascript:alert(1))\\* &lt;b&gt;" in text
    assert "](javascript:" not in text.replace("\\](javascript:", "")


def test_a_credential_earned_after_the_start_is_not_held_yet() -> None:
    cat = load_catalog([MINI]).catalog
    start = date(2026, 12, 1)
    now = Profile(targets=(RoleId("analyst"),), credentials=(HeldCredential(CredentialId("analytics-pro"),
                                                                             date(2026, 1, 1)),))
    later = replace(now, credentials=(HeldCredential(CredentialId("analytics-pro"), date(2027, 6, 1)),))
    assert "sql" not in {g.skill for g in plan(cat, now, start).gap}
    gap = {g.skill for g in plan(cat, later, start).gap}
    assert {"sql", "statistics", "python"} <= gap


def test_a_future_earned_date_in_a_profile_file(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("targets: [analyst]\ncredentials: [{id: analytics-pro, earned: 2027-06-01}]\n"
                       "constraints: {start: 2026-12-01}\n")
    result = runner.invoke(app, ["plan", "--catalog", str(MINI), "--profile", str(profile), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {g["skill"] for g in json.loads(result.stdout)["gap"]} >= {"sql", "statistics"}


def test_an_error_raised_with_a_newline_prints_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise InputError("first\nsecond\rthird")

    monkeypatch.setattr("skillstack.cli.lookup.json_schema", boom, raising=False)
    from skillstack import schema

    monkeypatch.setattr(schema, "json_schema", boom)
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 2 and result.stderr == "skillstack: error: first second third\n"


def test_json_output_never_holds_infinity_or_nan() -> None:
    from skillstack.report.jsonify import dumps

    text = dumps({"cost": float("inf"), "hours": [float("nan"), 1.5], "weeks": -float("inf")})
    assert json.loads(text) == {"cost": None, "hours": [None, 1.5], "weeks": None}
    assert "Infinity" not in text and "NaN" not in text
