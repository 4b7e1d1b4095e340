"""init driven through a pseudo-terminal: a role typo is re-asked, readings shown, $1,500 read."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from strategies import entry_point

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
EXE = entry_point()


def _drive(args: list[str], answers: list[str], interrupt: bool = False) -> tuple[int, str]:
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    proc = subprocess.Popen([EXE, *args], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    out = b""

    def read_until(marker: bytes, timeout: float = 120) -> None:  # a loaded CI machine starts slowly
        nonlocal out
        end = time.monotonic() + timeout
        while marker not in out and time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    out += os.read(master, 4096)
                except OSError:
                    return

    for prompt, answer in answers:
        read_until(prompt.encode())
        assert prompt.encode() in out, f"no prompt {prompt!r} in {out!r}"
        if interrupt and answer is None:
            _interrupt(proc)
            break
        os.write(master, answer.encode() + b"\n")
    try:
        code = proc.wait(timeout=120)
    finally:
        read_until(b"\0", timeout=0.5)
        os.close(master)
    return code, out.decode(errors="replace").replace("\r\n", "\n")


def _interrupt(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C at the prompt, pressed again if it was not seen, as a person would: a SIGINT that
    lands after input()'s last signal check but before it blocks reading the terminal is only
    acted on at the next key (CPython), and on a loaded machine the 0.5 s wait can miss that."""
    for _ in range(30):
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=2)
            return
        except subprocess.TimeoutExpired:
            continue


def test_typo_is_reasked_and_the_profile_is_written(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    code, out = _drive(["init", str(target), "--catalog", str(data / "catalogs" / "mini")], [
        ("Your name", "Sam"),
        ("Target role", "astronaut"),           # nothing like it: asked again
        ("Target role", "data analist"),        # read as Data Analyst
        ("Skills you have", "py3:intermediate, sequel:2"),  # sequel: re-asked
        ("Skills you have", "py3:intermediate"),
        ("Budget", "$1,500"),
        ("Hours a week", ""),
        ("fixed start", ""),
    ])
    assert code == 0, out
    assert "unknown role 'astronaut'" in out and "`skillstack roles` lists them all" in out
    assert "'data analist' read as 'Data Analyst' (analyst)" in out
    assert "unknown skill 'sequel'" in out
    assert "Levels: 1 foundational, 2 intermediate, 3 advanced, 4 expert" in out
    doc = yaml.safe_load(target.read_text())
    assert doc["name"] == "Sam" and doc["targets"] == ["analyst"] and doc["skills"] == {"python": 2}
    assert doc["constraints"] == {"hours_per_week": 10.0, "optimize": "cost", "budget": 1500.0}


def test_ctrl_c_exits_130_and_writes_nothing(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    code, _ = _drive(["init", str(target), "--catalog", str(data / "catalogs" / "mini")],
                     [("Your name", "Sam"), ("Target role", None)], interrupt=True)
    assert code == 130 and not target.exists()
