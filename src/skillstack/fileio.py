"""Every file skillstack writes or reads on a user's behalf goes through here.

Writing (`write_text_atomic`, `write_bytes_atomic`, `write_atomic_with`): the one writer for
every command (`plan --ics`, `report`, `graph -o`, `schema -o`, `init`, the cache).

- The data goes to a temp file in the target's own folder, then replaces the target in
  one rename, so a reader never sees half a file and an interrupted write leaves the old
  file as it was. The temp file is removed on any error.
- Only regular files are replaced. A folder, a device, a named pipe or a socket at the
  path is refused (exit 2), so running as root never replaces `/dev/...`.
- A symbolic link is written *through*: its target file is replaced and the link stays a
  link, as `echo > link` would do. A link to a folder or device is refused like one.
- An existing file keeps its permission bits (and, where we may, its owner); a new file
  gets the permissions the umask gives (0644 under the usual 022), like any other
  program's output, unless the caller asks for a private file.
- Operating-system errors (a folder that does not exist or cannot be written, a full
  disk, a read-only file system) become one-line `InputError`s naming the path and what
  to do: exit 2, never an internal error.

Reading (`read_input_bytes`, `find_files`): the one reader for profiles and catalog
files. It opens without blocking, accepts regular files only (a named pipe, `/dev/zero`
or a folder is a clear exit 2, never a hang), stops at a size limit, and reports a
folder inside a catalog that cannot be listed instead of skipping it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from skillstack.errors import InputError

PROFILE_LIMIT = 4 * 1024 * 1024
"""Largest profile file read, in bytes (a profile is a few hundred bytes)."""

CATALOG_FILE_LIMIT = 256 * 1024 * 1024
"""Largest single catalog file read, in bytes (the shipped catalog's largest is well under 1 MB)."""

_HINTS = {
    errno.EACCES: "check its permissions or choose another path",
    errno.EPERM: "check its permissions or choose another path",
    errno.EROFS: "the file system is read-only; choose another path",
    errno.ENOSPC: "the disk is full; free some space or choose another path",
    errno.EDQUOT: "the disk quota is exceeded; free some space or choose another path",
    errno.ENAMETOOLONG: "choose a shorter name",
    errno.ENOTDIR: "a part of the path is not a folder; check the path",
    errno.ELOOP: "the path has a loop of symbolic links; check the path",
    errno.ENOENT: "check the path",
}


def _os_message(path: Path | str, doing: str, exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    hint = _HINTS.get(exc.errno or 0, "check the path and permissions")
    return f"{path}: cannot {doing} ({reason.lower()}); {hint}"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# ---- writing -------------------------------------------------------------------


def write_bytes_atomic(path: Path, data: bytes, *, private: bool = False) -> None:
    """Replace the regular file at `path` (or through the link at `path`) with `data`.

    `private=True` creates a new file readable by its owner only (for caches); otherwise a
    new file gets the umask's permissions. An existing file keeps its own.
    """
    write_atomic_with(path, lambda out: out.write(data), private=private)


def write_atomic_with(path: Path, fill: Callable[[BinaryIO], object], *, private: bool = False) -> None:
    """`write_bytes_atomic` of what `fill` writes to the (temp) file it is given, as it makes it:
    a large file (the cache) is never held in memory whole. If `fill` raises, the temp file is
    removed and the target left as it was."""
    shown = path
    link = path.expanduser()
    # a link (or a chain of them) is followed to the file it names, which is what gets replaced
    target = Path(os.path.realpath(link)) if link.is_symlink() else link
    folder = target.parent if str(target.parent) else Path(".")
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise InputError(_os_message(shown, "write", exc)) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise InputError(f"{shown}: is {_kind(existing.st_mode)}, not a regular file; give a file path to write to")
    if existing is None and not folder.is_dir():
        if folder.exists():
            raise InputError(f"{shown}: {folder} is not a folder; check the path")
        raise InputError(f"{shown}: the folder {folder} does not exist; create it first")
    import tempfile  # here: a command that writes nothing does not import it (nor `random`), 2 ms

    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(_os_message(folder, f"write {shown} in folder", exc)) from None
    try:
        with os.fdopen(fd, "wb") as out:
            fill(out)
            out.flush()
            if existing is not None:
                if hasattr(os, "fchown") and (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
                    with contextlib.suppress(OSError):  # keep the owner where we may (root editing a user's file)
                        os.fchown(out.fileno(), existing.st_uid, existing.st_gid)
                os.chmod(tmp, stat.S_IMODE(existing.st_mode))
            else:
                os.chmod(tmp, 0o600 if private else 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(_os_message(shown, "write", exc)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str, *, private: bool = False) -> None:
    """`write_bytes_atomic` of UTF-8 text."""
    write_bytes_atomic(path, text.encode("utf-8"), private=private)


def ensure_folder(path: Path, what: str = "--output") -> None:
    """Make sure `path` is a folder we can write reports into, creating it if needed."""
    if path.is_dir():
        return
    if path.exists() or path.is_symlink():
        raise InputError(f"{path}: exists and is not a folder; choose another {what}")
    try:
        path.mkdir(parents=True)
    except FileExistsError:
        if not path.is_dir():
            raise InputError(f"{path}: exists and is not a folder; choose another {what}") from None
    except OSError as exc:
        raise InputError(_os_message(path, "create the folder", exc)) from None


# ---- reading -------------------------------------------------------------------


def read_input_bytes(path: Path, *, what: str, limit: int, missing: str = "check the path",
                     too_big: str | None = None) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Opened without blocking, so a named pipe is refused instead of waited on; a folder,
    a device or a file over the limit is an `InputError` (exit 2) naming the path.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; {missing}") from None
    except IsADirectoryError:  # Windows opens no folders
        raise InputError(f"{path}: is a folder, not a {what} file; give a .yaml file") from None
    except OSError as exc:
        raise InputError(_os_message(path, f"read the {what}", exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = _kind(info.st_mode)
            if kind == "a folder":
                raise InputError(f"{path}: is a folder, not a {what} file; give a .yaml file")
            raise InputError(f"{path}: is {kind}, not a regular file; save the {what} to a file and give that")
        if info.st_size > limit:
            raise InputError(too_big or f"{path}: the {what} is {info.st_size:,} bytes, over the {limit:,}-byte "
                             "limit; is this the right file?")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while True:  # the file may grow while we read: never past the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputError(too_big or f"{path}: the {what} is over the {limit:,}-byte limit; "
                                 "is this the right file?")
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(_os_message(path, f"read the {what}", exc)) from None
    finally:
        os.close(fd)


def read_stdin_bytes(*, what: str, limit: int) -> bytes:
    """Standard input (for a path written `-`), at most `limit` bytes."""
    import sys

    if sys.stdin is None or sys.stdin.isatty():
        raise InputError(f"-: the {what} is read from standard input; pipe or redirect it "
                         f"(e.g. `< me.yaml`)")
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"-: the {what} on standard input is over the {limit:,}-byte limit")
    return data


def find_files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Files under `folder` (recursively) ending in one of `suffixes`, sorted.

    Entries whose name starts with a dot are skipped (like `.git`). A folder that cannot
    be listed, or an entry with a wanted suffix that is not a regular file (a named pipe,
    a device, a broken link), is an `InputError`, never silently skipped: a catalog that
    loses a folder of credentials would plan wrong without saying so. Links to folders are
    not followed (no loops).
    """
    found: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as exc:
            raise InputError(_os_message(current, "list the catalog folder", exc)) from None
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                    continue
                if not entry.name.endswith(suffixes):
                    continue
                if entry.is_file():
                    found.append(Path(entry.path))
                    continue
                mode = entry.stat().st_mode
            except FileNotFoundError:
                raise InputError(f"{entry.path}: a broken link or a file that vanished; fix or remove it") from None
            except OSError as exc:
                raise InputError(_os_message(entry.path, "read", exc)) from None
            if stat.S_ISDIR(mode):  # a link to a folder named like a YAML file: not followed
                continue
            raise InputError(f"{entry.path}: is {_kind(mode)}, not a regular file; remove it from the catalog folder")
    return sorted(found)
