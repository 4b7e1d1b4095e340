"""The installed `skillstack` entry point, run as a user's shell runs it: its real stdout.

In-process CliRunner tests never see what a native library writes to descriptor 1, which
is how a solver banner once broke every `--format json` pipe. These run the console script
that pip installed and parse exactly the bytes it writes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from strategies import entry_point

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "examples" / "profiles" / "marketing-to-data-analyst.yaml"


_CACHE: dict[str, str] = {}


@pytest.fixture(scope="module", autouse=True)
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One warm catalog cache for the module: the commands, not the cold load, are under test."""
    _CACHE["dir"] = str(tmp_path_factory.mktemp("cache"))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SKILLSTACK_CACHE_DIR": _CACHE["dir"]}
    return subprocess.run([entry_point(), *args], check=False, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, cwd=cwd, env=env)


def stdout_json(*args: str, cwd: Path | None = None, code: int = 0) -> Any:
    result = run(*args, cwd=cwd)
    assert result.returncode == code, result.stderr
    assert "HiGHS" not in result.stderr, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def mini() -> list[str]:
    return ["--catalog", str(ROOT / "tests" / "data" / "catalogs" / "mini")]


@pytest.mark.parametrize("args", [
    ["plan", "--role", "data-analyst", "--have", "sql:2", "--alternatives", "2"],
    ["audit", "--profile", str(PROFILE), "--today", "2026-12-01"],
    ["audit", "--all-roles", "--profile", str(PROFILE), "--today", "2026-12-01"],
    ["search", "sql"],
    ["show", "data-analyst"],
    ["graph", "--profile", str(PROFILE), "--today", "2026-12-01"],
])
def test_shipped_catalog_json_commands_print_only_json(args: list[str]) -> None:
    doc = stdout_json(*args, "--format", "json")
    assert isinstance(doc, dict) and doc


def test_plan_json_has_the_spec_keys() -> None:
    doc = stdout_json("plan", "--profile", str(PROFILE), "--today", "2026-12-01", "--format", "json")
    assert doc["schema_version"] == 1 and doc["feasible"] is True and doc["optimal"] is True
    assert doc["steps"] and {"credential", "start", "end", "cost", "hours", "closes"} <= set(doc["steps"][0])


def test_infeasible_plan_still_prints_pure_json(mini: list[str]) -> None:
    doc = stdout_json("plan", *mini, "--role", "analyst", "--budget", "0", "--format", "json", code=1)
    assert doc["feasible"] is False


def test_validate_json(mini: list[str]) -> None:
    doc = stdout_json("validate", *mini, "--format", "json")
    assert doc["schema_version"] == 1 and doc["summary"]["errors"] == 0


def test_validate_json_with_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("skills:\n  - id: Not An Id\n    name: x\n")
    doc = stdout_json("validate", "--catalog", str(bad), "--format", "json", code=1)
    assert doc["problems"] and doc["problems"][0]["line"] == 2


@pytest.mark.parametrize("kind", ["catalog", "profile"])
def test_schema(kind: str) -> None:
    doc = stdout_json("schema", kind)
    assert doc["type"] == "object"


def test_init_json(tmp_path: Path) -> None:
    doc = stdout_json("init", "me.yaml", "--name", "Alex", "--role", "data-analyst", "--have", "excel:3",
                      "--format", "json", cwd=tmp_path)
    assert doc["written"] == "me.yaml" and (tmp_path / "me.yaml").is_file()


def test_report_json_writes_files_and_nothing_on_stdout(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    for name in ("marketing-to-data-analyst.yaml", "veteran-to-cybersecurity.yaml"):
        (folder / name).write_bytes((ROOT / "examples" / "profiles" / name).read_bytes())
    result = run("report", str(folder), "--format", "json", "--output", str(tmp_path / "out"),
                 "--today", "2026-12-01", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["cohort.json", "marketing-to-data-analyst.json", "veteran-to-cybersecurity.json"]
    for path in (tmp_path / "out").iterdir():
        json.loads(path.read_text())


def test_graph_dot_starts_with_the_dot_header() -> None:
    result = run("graph", "--profile", str(PROFILE), "--today", "2026-12-01", "--format", "dot")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("digraph skillstack {"), result.stdout[:200]
    assert result.stdout.rstrip().endswith("}")


def test_text_plan_starts_with_the_plan() -> None:
    result = run("plan", "--profile", str(PROFILE), "--today", "2026-12-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Pathway to "), result.stdout[:200]
    assert "HiGHS" not in result.stdout + result.stderr


def test_silencing_keeps_our_own_output_in_order() -> None:
    """Text printed before and after a silenced native call reaches the real stdout, in order."""
    code = (
        "import sys, os\n"
        "from skillstack.quiet import native_output_silenced\n"
        "sys.stdout.write('before\\n')\n"
        "with native_output_silenced():\n"
        "    os.write(1, b'native-out\\n'); os.write(2, b'native-err\\n')\n"
        "    import ctypes; libc = ctypes.CDLL(None); libc.printf(b'buffered-c\\n')\n"
        "sys.stdout.write('after\\n')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "before\nafter\n"
    assert result.stderr == ""


@pytest.mark.parametrize("args", [["completion", "zsh"], ["roles"], ["rule", "--list"]])
def test_a_reader_that_stops_early_gets_no_error(args: list[str]) -> None:
    """`skillstack completion zsh | head -c 0` printed 'internal error: BrokenPipeError' (exit 3).
    The read end is closed before the command starts, so every write fails with EPIPE."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([entry_point(), *args], stdout=write, stderr=subprocess.PIPE, text=True, timeout=120,
                              check=False, stdin=subprocess.DEVNULL,
                              env={**os.environ, "SKILLSTACK_CACHE_DIR": _CACHE["dir"]})
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, "")


def test_show_json_names_a_credentials_description_description(tmp_path: Path) -> None:
    """The catalog's `description` key comes back under the same key (0.5.0; it was `note`),
    while the cost keeps its own `note`."""
    (tmp_path / "cat.yaml").write_text(
        "skills:\n  - {id: sql, name: SQL}\ncredentials:\n  - id: sql-course\n    name: SQL Course\n"
        "    issuer: Example\n    kind: course\n    description: A first course.\n"
        "    cost: {amount: 49, note: per exam}\n    hours: 12\n    grants:\n      - {skill: sql, level: 1}\n",
        encoding="utf-8")
    cred = stdout_json("show", "sql-course", "--catalog", str(tmp_path), "--format", "json")["credential"]
    assert cred["description"] == "A first course." and "note" not in cred
    assert cred["cost"]["note"] == "per exam"
