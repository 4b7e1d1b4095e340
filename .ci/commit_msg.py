"""Check a commit message: a subject of at most 72 characters, a blank line, then a body.

The body says why, and what was measured. pre-commit runs this at the commit-msg
stage (.pre-commit-config.yaml); by hand: `python .ci/commit_msg.py FILE`.
Exit 1, naming each problem, when the message breaks a rule.
"""

from __future__ import annotations

import sys
from pathlib import Path

LIMIT = 72
SCISSORS = "# ------------------------ >8 ------------------------"
EXEMPT = ("Merge ", "fixup! ", "squash! ", "amend! ")  # written by git, or folded away before landing


def problems(message: str) -> list[str]:
    lines: list[str] = []
    for line in message.splitlines():
        if line.startswith(SCISSORS):
            break  # `git commit -v`: the diff below is not part of the message
        if not line.startswith("#"):
            lines.append(line.rstrip())
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return ["the message is empty"]
    subject = lines[0]
    if subject.startswith(EXEMPT):
        return []
    found = []
    if len(subject) > LIMIT:
        found.append(f"the subject is {len(subject)} characters; keep it to {LIMIT} and say the rest in the body")
    if len(lines) == 1:
        found.append("there is no body; after a blank line, say why, and what you measured")
    elif lines[1]:
        found.append("the second line is not blank; leave one blank line between the subject and the body")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python .ci/commit_msg.py COMMIT_MESSAGE_FILE", file=sys.stderr)
        return 2
    found = problems(Path(argv[0]).read_text(encoding="utf-8"))
    for problem in found:
        print(f"commit message: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
