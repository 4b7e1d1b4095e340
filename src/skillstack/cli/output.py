"""Where command output goes: a rich console for people, plain text for JSON."""

from __future__ import annotations

import sys
from typing import Any


def console(stderr: bool = False) -> Any:
    """A rich console on which every string is literal text: no markup (`[/]`, `[link=...]` in a
    catalog name print as written), no emoji codes, and control characters shown as U+FFFD."""
    return _literal_console_class()(file=sys.stderr if stderr else sys.stdout, highlight=False, soft_wrap=False,
                                    markup=False, emoji=False)


_CLASS: Any = None


def _literal_console_class() -> Any:
    global _CLASS
    if _CLASS is None:
        from rich.console import Console
        from rich.segment import Segment

        from skillstack.safe_text import printable

        class LiteralConsole(Console):
            def render(self, renderable: Any, options: Any = None) -> Any:
                for segment in super().render(renderable, options):
                    if segment.control or not segment.text:
                        yield segment
                    else:
                        clean = printable(segment.text)
                        yield segment if clean is segment.text else Segment(clean, segment.style)

        _CLASS = LiteralConsole
    return _CLASS


def write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def warn(message: str) -> None:
    from skillstack.safe_text import one_line

    sys.stderr.write(f"skillstack: warning: {one_line(message)}\n")
