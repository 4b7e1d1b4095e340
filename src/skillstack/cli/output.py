"""Where command output goes, for people and for pipes.

- On a terminal, text wraps at the terminal's width and may be coloured.
- When stdout is not a terminal (a pipe, a file), lines are never hard-wrapped
  unless COLUMNS is set, and no line ends in spaces, so `grep` and `diff` see
  whole lines.
- Colour follows `--color auto|always|never`; auto colours a stream only when it
  is a terminal and NO_COLOR is not set. Warnings and errors on stderr are
  coloured by the same rule, judged on stderr.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment

    from skillstack.report.reporter import Printable

_mode = {"color": "auto"}
_UNWRAPPED = 10_000  # "no wrapping": wider than any line we print
_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)
_STYLES = {"error": "\x1b[1;31m", "internal error": "\x1b[1;31m", "warning": "\x1b[33m", "note": "\x1b[36m"}


def set_color(mode: str) -> None:
    _mode["color"] = mode


def _tty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def colored(stream: IO[str]) -> bool:
    """Whether to colour what goes to `stream`."""
    mode = _mode["color"]
    if mode == "always":
        return True
    if mode == "never" or "NO_COLOR" in os.environ:
        return False
    return _tty(stream)


def width(stream: IO[str] | None = None) -> int:
    """The width to lay text out in: the terminal's, COLUMNS when set, else unwrapped."""
    stream = stream or sys.stdout
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if _tty(stream):
        return os.get_terminal_size(stream.fileno()).columns if hasattr(stream, "fileno") else 80
    return _UNWRAPPED


def render(*renderables: RenderableType, stream: IO[str] | None = None, columns: int | None = None) -> str:
    """Rich renderables as text for `stream`: laid out, coloured or not, no trailing spaces."""
    stream = stream or sys.stdout
    color = colored(stream)
    buffer = io.StringIO()
    console = _literal_console_class()(file=buffer, width=columns or width(stream), force_terminal=color,
                                       color_system="standard" if color else None, no_color=not color,
                                       highlight=False, soft_wrap=False, markup=False, emoji=False,
                                       legacy_windows=False)
    for item in renderables:
        console.print(item)
    return _TRAILING.sub(r"\1", buffer.getvalue())


def emit(*renderables: RenderableType) -> None:
    """Print rich renderables to stdout (see the module docstring)."""
    write(render(*renderables))


def print_report(printables: Iterable[Printable], output: Path | None = None) -> None:
    """What a reporter returned, in order: text as it is and rich renderables laid out on
    stdout, `PlainText` as `typer.echo` writes it, a `Message` on stderr. Given `output`, the
    text goes to that file instead (`write_or_save`); only text can."""
    import typer

    from skillstack.report.reporter import Message, PlainText

    if output is not None:
        texts: list[str] = []
        for item in printables:
            if not isinstance(item, str):
                raise TypeError(f"a {type(item).__name__} cannot be saved to a file; only text can")
            texts.append(item)
        write_or_save("".join(texts), output)
        return
    laid_out: list[RenderableType] = []  # renderables in a row are laid out on one console
    for item in printables:
        if not isinstance(item, (str, PlainText, Message)):
            laid_out.append(item)
            continue
        if laid_out:
            emit(*laid_out)
            laid_out = []
        if isinstance(item, str):
            write(item)
        elif isinstance(item, PlainText):
            typer.echo(item.text, nl=False)
        elif item.level:
            message(item.level, item.text)
        else:
            note(item.text)
    if laid_out:
        emit(*laid_out)


def console(stderr: bool = False) -> Console:
    """A rich console (for progress bars and live output) on which every string is literal text:
    no markup (`[/]`, `[link=...]` in a catalog name print as written), no emoji codes, and control
    characters shown as U+FFFD."""
    stream = sys.stderr if stderr else sys.stdout
    color = colored(stream)
    return _literal_console_class()(file=stream, highlight=False, soft_wrap=False, markup=False, emoji=False,
                                    force_terminal=color, color_system="standard" if color else None,
                                    no_color=not color)


_CLASS: type[Console] | None = None


def _literal_console_class() -> type[Console]:
    global _CLASS
    if _CLASS is None:
        from rich.console import Console
        from rich.segment import Segment

        from skillstack.safe_text import printable

        class LiteralConsole(Console):
            def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
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


def write_or_save(text: str, output: Path | None) -> None:
    """`text` to stdout, or, given `output`, to that file (atomically: never half written)."""
    if output is None:
        write(text)
        return
    from skillstack.fileio import write_text_atomic

    write_text_atomic(output, text)


def message(level: str, text: str) -> None:
    """One `skillstack: LEVEL: text` line on stderr, the level coloured on a terminal."""
    from skillstack.safe_text import message_line

    text = message_line(text)
    label = f"{level}:"
    if colored(sys.stderr):
        label = f"{_STYLES.get(level, '')}{label}\x1b[0m"
    sys.stderr.write(f"skillstack: {label} {text}\n")
    sys.stderr.flush()


def warn(text: str) -> None:
    message("warning", text)


def note(text: str) -> None:
    """A remark for people (what was written where) on stderr, so stdout stays the answer."""
    from skillstack.safe_text import one_line

    sys.stderr.write(f"{one_line(text)}\n")
    sys.stderr.flush()
