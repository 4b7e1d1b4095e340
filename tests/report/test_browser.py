"""The HTML report in a real headless browser: it renders, logs nothing to the console,
requests nothing from outside, and the run keeps a screenshot (test-artifacts/).

Needs Debian's chromium (`.ci/run` installs it). Skipped where it is missing,
except in CI, where a missing browser fails the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillstack.cli import app

ROOT = Path(__file__).parents[2]
ARTIFACTS = ROOT / "test-artifacts"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0", "--host-resolver-rules=MAP * ~NOTFOUND"]

pytestmark = pytest.mark.skipif(BROWSER is None and os.environ.get("CI") != "true",
                                reason="chromium is not installed (CI installs it)")


def render(page: Path, shot: Path, profile_dir: Path) -> list[str]:
    """Screenshot `page`; return what the browser logged from the page (console, blocked requests)."""
    assert BROWSER, "chromium is missing: .ci/run installs Debian's chromium"
    run = subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile_dir}", "--window-size=1000,1400",
         f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return [line for line in run.stderr.splitlines()
            if ":CONSOLE" in line or "net::ERR" in line or "Content Security Policy" in line]


def test_the_check_catches_console_errors_and_outside_requests(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
                   'script-src \'unsafe-inline\'"><img src="https://example.com/x.png">'
                   '<script>console.error("boom")</script>')
    logged = render(bad, tmp_path / "bad.png", tmp_path / "chrome")
    assert any('"boom"' in line for line in logged)
    assert any("example.com" in line for line in logged)


@pytest.mark.parametrize("name", ["veteran-to-cybersecurity", "cohort"])
def test_html_report_renders_cleanly(name: str, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = CliRunner().invoke(app, ["report", str(ROOT / "examples" / "profiles"), "--format", "html",
                                      "--output", str(out), "--today", "2026-11-22", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    page = out / f"{name}.html"
    html = page.read_text()
    assert "http://" not in html.replace("http://www.w3.org", "") and "src=" not in html and "url(" not in html
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"report-{name}.png"
    logged = render(page, shot, tmp_path / "chrome")
    assert logged == []
    assert shot.stat().st_size > 20_000  # a real page, not a blank one
