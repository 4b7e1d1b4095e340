"""The commit-msg hook (.ci/commit_msg.py): a short subject, a blank line, a body."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECK = ROOT / ".ci" / "commit_msg.py"


def check(tmp_path: Path, message: str) -> tuple[int, list[str]]:
    path = tmp_path / "COMMIT_EDITMSG"
    path.write_text(message, encoding="utf-8")
    done = subprocess.run([sys.executable, str(CHECK), str(path)], capture_output=True, text=True, check=False)
    return done.returncode, done.stderr.splitlines()


@pytest.mark.parametrize("message", [
    "graph: verbs read the edges\n\nWhy, and what was measured.\n",
    "\n" + "x" * 72 + "\n\nA body.\n\n# Please enter the commit message for your changes.\n",
    "Subject\n\nBody.\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n",
    "Merge branch 'house'\n",
])
def test_a_good_message_passes(tmp_path: Path, message: str) -> None:
    assert check(tmp_path, message) == (0, [])


@pytest.mark.parametrize(("message", "said"), [
    ("x" * 73 + "\n\nA body.\n", ["the subject is 73 characters; keep it to 72 and say the rest in the body"]),
    ("Subject only\n", ["there is no body; after a blank line, say why, and what you measured"]),
    ("Subject\nBody at once\n", ["the second line is not blank; leave one blank line between the subject and the body"]),
    ("# only a comment\n\n", ["the message is empty"]),
])
def test_a_message_that_breaks_a_rule_fails_saying_which(tmp_path: Path, message: str, said: list[str]) -> None:
    assert check(tmp_path, message) == (1, [f"commit message: {s}" for s in said])
