"""Keeping native libraries off the process's stdout and stderr.

Some releases of HiGHS print a banner from C++ when a solver is created, before any
option can turn logging off, and they write to file descriptors 1 and 2 directly, past
Python's `sys.stdout`. `plan --format json | jq` must still read pure JSON, so every
call into the solver runs inside `native_output_silenced()`: descriptors 1 and 2 point
at the null device for the duration of the call, C's stdio buffers are flushed before
they are pointed back, and Python's own buffered output is flushed before they are
pointed away, so nothing of ours is lost.

The redirect is process-wide: it is meant for a single-threaded command (report's
workers are processes, each with its own descriptors). A thread that must be heard (the
"reading and checking ..." note of a slow first load) calls through `audible`, which waits
for a silenced block to end.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, ParamSpec, TypeVar

if TYPE_CHECKING:
    import ctypes

P = ParamSpec("P")
R = TypeVar("R")

_libc: ctypes.CDLL | None = None
_SILENCED = threading.RLock()  # held while descriptors 1 and 2 point at the null device


def audible(fn: Callable[P, R]) -> Callable[P, R]:
    """`fn`, called only while output is not silenced (for another thread's messages)."""
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        with _SILENCED:
            return fn(*args, **kwargs)
    return call


def _flush_c_stdio() -> None:
    """fflush(NULL): text a C library buffered goes where the descriptors point now."""
    global _libc
    if os.name != "posix":
        return
    try:
        if _libc is None:
            import ctypes

            _libc = ctypes.CDLL(None)
        _libc.fflush(None)
    except (OSError, AttributeError):  # no C library to reach: nothing buffered there that we can flush
        pass


def _flush_python() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed or broken stream: nothing to keep
            pass


@contextmanager
def native_output_silenced() -> Iterator[None]:
    """Run a block with descriptors 1 and 2 on the null device."""
    with _SILENCED:
        yield from _silenced()


def _silenced() -> Iterator[None]:
    _flush_python()
    _flush_c_stdio()
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:  # no null device (a minimal chroot): run unguarded rather than fail
        yield
        return
    saved: list[tuple[int, int]] = []
    try:
        for fd in (1, 2):
            try:
                copy = os.dup(fd)
            except OSError:  # closed descriptor: nothing to protect
                continue
            saved.append((fd, copy))
            os.dup2(null, fd)
        yield
    finally:
        _flush_c_stdio()
        for fd, copy in saved:
            os.dup2(copy, fd)
            os.close(copy)
        os.close(null)
