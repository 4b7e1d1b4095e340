"""The style checks before a commit are the ones CI runs, with the tools of the `dev` extra.

`.pre-commit-config.yaml` runs local hooks from the active environment (no hook repository
fetches its own copy of a tool), so `pip install -e ".[dev]"` gives the versions pyproject.toml
pins; `.ci/run` installs the same extra and runs the same commands.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def hooks() -> dict[str, dict[str, object]]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: {**hook, "repo": repo["repo"]} for repo in config["repos"] for hook in repo["hooks"]}


def dev_extra() -> dict[str, str]:
    """The dev extra's requirements: distribution name (lower case) -> version specifier."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = {}
    for requirement in project["optional-dependencies"]["dev"]:
        name = re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]
        found[name.lower()] = requirement[len(name):].strip()
    return found


def test_every_hook_runs_a_tool_from_the_environment() -> None:
    for ident, hook in hooks().items():
        assert (hook["repo"], hook["language"]) == ("local", "system"), f"hook {ident} fetches its own tool"


def python_folders() -> set[str]:
    """The top folders of the Python files git tracks: what the ruff hook is given, commit by commit."""
    tracked = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=False)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    return {Path(name).parts[0] for name in tracked.stdout.splitlines() if len(Path(name).parts) > 1}


def test_the_hooks_run_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    found = hooks()
    linted = re.search(r"^\s*ruff check ([^|#]+)", ci, re.MULTILINE)
    assert linted, "CI runs ruff check"
    assert python_folders() <= set(linted.group(1).split()), "CI lints fewer folders than the ruff hook sees"
    assert str(found["ruff"]["entry"]).split()[:2] == ["ruff", "check"]
    assert re.search(r"^\s*mypy\b", ci, re.MULTILINE) and found["mypy"]["entry"] == "mypy"
    assert found["mypy"]["pass_filenames"] is False  # mypy checks what pyproject.toml names, as in CI
    assert 'pip install --quiet ".[dev]"' in ci


def test_the_tools_come_from_the_dev_extra_pinned() -> None:
    dev = dev_extra()
    assert {"ruff", "mypy", "pre-commit", "types-pyyaml", "types-networkx"} <= set(dev)
    assert "<" in dev["ruff"] and "<" in dev["mypy"], "pin ruff and mypy below their next release that may add checks"
    tools = {str(hook["entry"]).split()[0] for hook in hooks().values()}
    assert tools <= {"ruff", "mypy", "skillstack", "python"}, tools  # skillstack: this package; python: .ci/commit_msg.py
