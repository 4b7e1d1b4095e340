"""Reporters chosen by name: what a command's result looks like in the format asked for.

A reporter takes one document (a frozen dataclass: a service's result and the choices that
shape how it is shown) and returns what to print, in order, as `Printable`s: a `str` is
written exactly (a JSON document, a fixed line), a rich renderable is laid out for the
terminal (tables, panels), `PlainText` is a line for people, and a `Message` goes to
stderr. A command looks its reporter up by format name in the `Reporters` of its
document kind (`report.outputs`) and hands what comes back to `cli.output.print_report`:

    print_report(PLAN.report(fmt.value, PlanReport(...)))

Nothing here prints; rich is not imported until a reporter lays text out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeAlias, TypeVar

if TYPE_CHECKING:
    from rich.console import RenderableType


@dataclass(frozen=True)
class PlainText:
    """Text for people on stdout, written as `typer.echo` writes it (escape sequences dropped
    when stdout is not a terminal); `text` ends with its own newline."""

    text: str


@dataclass(frozen=True)
class Message:
    """A line on stderr: `skillstack: LEVEL: text` (`level` "warning" or "error"), or, with no
    level, the text alone (a note for people: what was written where, what to run next)."""

    text: str
    level: str = ""


Printable: TypeAlias = "str | PlainText | Message | RenderableType"
"""One thing a reporter gives to print (see the module docstring)."""

Doc_contra = TypeVar("Doc_contra", contravariant=True)


class UnknownFormat(LookupError):
    """A format no reporter of a document kind writes."""


@dataclass(frozen=True)
class Reporters(Generic[Doc_contra]):
    """The reporters of one document kind by format name, for the command `command`
    (`"plan"`, `"import ctdl"`); `formats` are the names, in the order `--format` offers them."""

    command: str
    by_format: Mapping[str, Callable[[Doc_contra], Sequence[Printable]]]

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(self.by_format)

    def reporter(self, fmt: str) -> Callable[[Doc_contra], Sequence[Printable]]:
        """The reporter for format `fmt`; UnknownFormat, naming the formats there are, when none."""
        try:
            return self.by_format[fmt]
        except KeyError:
            raise UnknownFormat(f"{self.command}: no {fmt!r} format; choose from "
                                f"{', '.join(self.formats)}") from None

    def report(self, fmt: str, doc: Doc_contra) -> Sequence[Printable]:
        """What to print for `doc` in format `fmt`."""
        return self.reporter(fmt)(doc)
