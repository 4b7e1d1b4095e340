"""The one writer and the one reader: what they do with links, modes, odd files and OS errors."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

import pytest
from typer.testing import CliRunner

from skillstack import fileio
from skillstack.cli import app
from skillstack.errors import InputError
from skillstack.fileio import find_files, read_input_bytes, write_atomic_with, write_bytes_atomic, write_text_atomic

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
MINI = ["--catalog", str(ROOT / "tests" / "data" / "catalogs" / "mini")]
posix_only = pytest.mark.skipif(os.name != "posix", reason="named pipes, modes and umasks are POSIX")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def umask_022() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


# ---- writing -------------------------------------------------------------------


@posix_only
def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "plan.ics"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "plan.ics"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


@posix_only
def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "target.json")
    write_text_atomic(link, "{}")
    assert link.is_symlink() and (tmp_path / "target.json").read_text() == "{}"


@posix_only
def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "new"


@posix_only
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_umask(tmp_path: Path, mask: int, mode: int) -> None:
    old = os.umask(mask)
    try:
        write_text_atomic(tmp_path / "new.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == mode


@posix_only
def test_a_private_file_is_owner_only(tmp_path: Path, umask_022: object) -> None:
    write_bytes_atomic(tmp_path / "cache.bin", b"x", private=True)
    assert stat.S_IMODE((tmp_path / "cache.bin").stat().st_mode) == 0o600


def test_a_file_written_piece_by_piece_replaces_the_old_one_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "cache.bin"
    target.write_bytes(b"old")

    def fill(out: BinaryIO) -> None:
        out.write(b"new ")
        assert target.read_bytes() == b"old"  # the old file stays until the new one is whole
        out.write(b"bytes")
    write_atomic_with(target, fill, private=True)
    assert target.read_bytes() == b"new bytes" and leftovers(tmp_path) == []

    def broken(out: BinaryIO) -> None:
        out.write(b"half")
        raise TypeError("an object the cache cannot store")
    with pytest.raises(TypeError):
        write_atomic_with(target, broken)
    assert target.read_bytes() == b"new bytes" and leftovers(tmp_path) == []


@posix_only
def test_a_named_pipe_is_refused_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="named pipe, not a regular file"):
        write_text_atomic(fifo, "x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and leftovers(tmp_path) == []


@posix_only
def test_a_link_to_a_named_pipe_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "link").symlink_to(fifo)
    with pytest.raises(InputError, match="named pipe"):
        write_text_atomic(tmp_path / "link", "x")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder, not a regular file"):
        write_text_atomic(tmp_path, "x")


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist; create it first"):
        write_text_atomic(tmp_path / "nope" / "x.md", "x")


def test_a_file_where_a_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(InputError, match="is not a folder"):
        write_text_atomic(tmp_path / "file" / "x.md", "x")


def test_an_unwritable_folder_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", denied)
    with pytest.raises(InputError) as caught:
        write_text_atomic(tmp_path / "x.md", "x")
    message = str(caught.value)
    assert "permission denied" in message and "x.md" in message and "\n" not in message


def test_a_full_disk_leaves_no_temp_file_and_the_old_contents(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.md"
    target.write_text("old")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", full)
    with pytest.raises(InputError, match="disk is full"):
        write_text_atomic(target, "new")
    assert target.read_text() == "old" and leftovers(tmp_path) == []


def test_an_interrupt_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(tmp_path / "x.md", "new")
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(InputError, match="permission denied"):
            write_text_atomic(folder / "x.md", "x")
    finally:
        folder.chmod(0o700)


# every command that writes goes through the writer: exit 2, one line, the path named


def test_schema_output_to_a_folder_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.stderr


@posix_only
def test_graph_output_to_a_pipe_is_exit_2(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    result = runner.invoke(app, ["graph", *MINI, "-o", str(tmp_path / "pipe")])
    assert result.exit_code == 2 and "named pipe" in result.stderr


@posix_only
def test_plan_ics_writes_through_a_link(tmp_path: Path) -> None:
    real = tmp_path / "calendar.ics"
    real.write_text("")
    real.chmod(0o644)
    (tmp_path / "link.ics").symlink_to(real)
    result = runner.invoke(app, ["plan", *MINI, "--role", "analyst", "--start", "2026-12-01",
                                 "--ics", str(tmp_path / "link.ics")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "link.ics").is_symlink() and real.read_text().startswith("BEGIN:VCALENDAR")
    assert stat.S_IMODE(real.stat().st_mode) == 0o644


def test_init_into_a_missing_folder_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "no" / "me.yaml"), *MINI, "--name", "A", "--role", "analyst"])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_report_output_that_is_a_file_is_exit_2(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("targets: [analyst]\n")
    (tmp_path / "out").write_text("")
    result = runner.invoke(app, ["report", str(profile), *MINI, "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "not a folder" in result.stderr


def test_report_output_folder_that_cannot_be_made_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("targets: [analyst]\n")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", denied)
    result = runner.invoke(app, ["report", str(profile), *MINI, "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "cannot create the folder" in result.stderr


# ---- reading -------------------------------------------------------------------


@posix_only
def test_a_named_pipe_as_profile_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "profile.yaml"
    os.mkfifo(fifo)
    code = ("import sys; from skillstack.cli import main; "
            f"sys.argv = ['skillstack', 'plan', '--profile', {str(fifo)!r}, {MINI[0]!r}, {MINI[1]!r}]; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2, result.stderr
    last = result.stderr.splitlines()[-1]  # a slow cold load may print a note about the cache first
    assert last.startswith("skillstack: error: ") and "named pipe, not a regular file" in last


@posix_only
def test_dev_zero_as_profile_is_refused() -> None:
    result = runner.invoke(app, ["plan", *MINI, "--profile", "/dev/zero"])
    assert result.exit_code == 2 and "is a device" in result.stderr


def test_a_folder_as_profile_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", *MINI, "--profile", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder, not a profile file" in result.stderr


def test_a_huge_profile_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * fileio.PROFILE_LIMIT + b"\n")
    result = runner.invoke(app, ["plan", *MINI, "--profile", str(big)])
    assert result.exit_code == 2 and "-byte limit" in result.stderr


def test_the_limit_holds_while_reading(tmp_path: Path) -> None:
    data = tmp_path / "x.yaml"
    data.write_bytes(b"a" * 100)
    assert read_input_bytes(data, what="file", limit=100) == b"a" * 100
    with pytest.raises(InputError, match="over the 99-byte limit"):
        read_input_bytes(data, what="file", limit=99)


def test_a_missing_profile_says_how_to_make_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["plan", *MINI, "--profile", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2 and "skillstack init" in result.stderr


@posix_only
def test_a_named_pipe_as_catalog_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "catalog.yaml"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["validate", "--catalog", str(fifo)])
    assert result.exit_code == 2 and "named pipe" in result.stderr


@posix_only
def test_a_named_pipe_inside_a_catalog_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "skills.yaml").write_text("skills: []\n")
    os.mkfifo(tmp_path / "more.yaml")
    with pytest.raises(InputError, match=r"more\.yaml: is a named pipe"):
        find_files(tmp_path, (".yaml",))


def test_an_unreadable_folder_inside_a_catalog_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = tmp_path / "catalog"
    (catalog / "locked").mkdir(parents=True)
    (catalog / "skills.yaml").write_text("skills:\n  - {id: sql, name: SQL}\n")
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(fileio.os, "scandir", scandir)
    result = runner.invoke(app, ["validate", "--catalog", str(catalog)])
    assert result.exit_code == 2, result.output
    assert "locked: cannot list the catalog folder (permission denied)" in result.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_folder_for_real(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            find_files(tmp_path, (".yaml",))
    finally:
        (tmp_path / "locked").chmod(0o700)


def test_find_files_skips_hidden_and_sorts(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yml", ".hidden/x.yaml", "sub/c.yaml", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    assert [p.relative_to(tmp_path).as_posix() for p in find_files(tmp_path, (".yaml", ".yml"))] == \
        ["a.yml", "b.yaml", "sub/c.yaml"]


@posix_only
@pytest.mark.parametrize("command", [["posting"], ["import", "ctdl", "-o", "out"], ["import", "badges"]])
def test_other_inputs_refuse_a_named_pipe_without_waiting(command: list[str], tmp_path: Path) -> None:
    fifo = tmp_path / "input.json"
    os.mkfifo(fifo)
    (tmp_path / "out").mkdir()
    command = [str(tmp_path / c) if c == "out" else c for c in command]
    code = ("import sys; from skillstack.cli import main; "
            f"sys.argv = ['skillstack', *{command!r}, {str(fifo)!r}]; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 2, result.stderr
    assert "named pipe" in result.stderr
