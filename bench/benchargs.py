"""The bench scripts' argument parsing: `--help` prints the usage, a mistake is one line and exit 2.

    parser = Parser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=size_name, metavar="SIZE")
    parser.add_argument("--runs", type=positive, default=7)

A size is one of gen_catalog.py's (small, medium, large, xlarge); an unknown size, an unknown
option or a bad number ends the script with `SCRIPT: error: ... (see --help)` on stderr and exit
status 2, before any benchmark runs and never with a traceback.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from gen_catalog import SIZES


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line (argparse's own print the usage block first);
    the description is printed as written (the scripts' docstrings are laid out by hand)."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def size_name(text: str) -> str:
    """A generated catalog's size, by name."""
    if text not in SIZES:
        raise argparse.ArgumentTypeError(f"unknown size {text!r} (sizes: {', '.join(SIZES)})")
    return text


def _number(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"{value} is less than {least}")
    return value


def positive(text: str) -> int:
    """A whole number of 1 or more (runs, rounds, profiles)."""
    return _number(text, 1)


def natural(text: str) -> int:
    """A whole number of 0 or more (0 where the script says it skips a part)."""
    return _number(text, 0)


def seconds(text: str) -> float:
    """A number of seconds, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds")
    return value
