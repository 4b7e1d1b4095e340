"""The one base error and the exit codes of SPEC section 6."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    NO = 1  # validate found errors; plan found no feasible pathway
    USAGE = 2  # bad usage or bad input
    INTERNAL = 3
    INTERRUPTED = 130  # Ctrl-C, as shells report an interrupted command
    CLOSED_PIPE = 141  # the reader of stdout stopped reading (`| head`), as shells report SIGPIPE


class SkillstackError(Exception):
    """An error a user can act on; the CLI prints it on one line."""

    exit_code = ExitCode.USAGE


class InputError(SkillstackError):
    """A path, catalog, profile or id the user gave is not usable."""


class UsageError(SkillstackError):
    """Options that do not fit together."""
