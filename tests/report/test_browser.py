"""The HTML report in a real headless browser: it renders, logs nothing to the console,
requests nothing from outside, and the run keeps a screenshot (test-artifacts/). The cohort
summary and a learner's report fit the page at 1280 px and at the printable width of A4 and
Letter (no table wider than the page, timeline labels inside their column, text at 4.5:1 or
more), and the cohort summary printed to PDF on A4 and on Letter cuts no column.

Needs Debian's chromium (`.ci/run` installs it). Skipped where it is missing,
except in CI, where a missing browser fails the run.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from skillstack.cli import app

ROOT = Path(__file__).parents[2]
ARTIFACTS = ROOT / "test-artifacts"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0", "--host-resolver-rules=MAP * ~NOTFOUND"]

REQUIRED = os.environ.get("CI") == "true" or bool(os.environ.get("SKILLSTACK_REQUIRE_BROWSER"))  # .ci/run sets it
pytestmark = pytest.mark.skipif(BROWSER is None and not REQUIRED,
                                reason="chromium is not installed (neither `chromium` nor `chromium-browser` on "
                                       "PATH; `apt-get install chromium`, as .ci/run does)")


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


# --- the cohort summary fits the page: on screen at 1280 px, and printed on A4 and Letter ---

# Printable widths at the stylesheet's 15 mm page margins, in CSS px (96 per inch). The screen
# stylesheet has more padding than the print one, so a page that fits on screen at the printable
# width fits on paper too; the PDFs are checked as well.
PRINTABLE = {"A4": 210 / 25.4 * 96 - 2 * 15 / 25.4 * 96, "Letter": 8.5 * 96 - 2 * 15 / 25.4 * 96}
PAPER_PT = {"A4": (595.3, 841.9), "Letter": (612.0, 792.0)}
MEASURE = """<script>
(() => {
  const page = document.documentElement.clientWidth, out = {page, scroll: document.documentElement.scrollWidth,
    tables: [], texts: [], cells: []};
  for (const t of document.querySelectorAll("table")) {
    const r = t.getBoundingClientRect();
    out.tables.push({left: r.left, right: r.right, scroll: t.scrollWidth, client: t.clientWidth});
  }
  for (const svg of document.querySelectorAll("svg.gantt")) {
    const box = svg.viewBox.baseVal, left = Number(svg.dataset.left);
    for (const t of svg.querySelectorAll("text")) {
      const b = t.getBBox();
      out.texts.push({cls: t.getAttribute("class"), x: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height,
                      width: box.width, height: box.height, left, fill: getComputedStyle(t).fill});
    }
  }
  for (const td of document.querySelectorAll("td.h")) {
    const s = getComputedStyle(td);
    if (td.textContent.trim()) out.cells.push({fg: s.color, bg: s.backgroundColor});
  }
  document.body.setAttribute("data-measured", JSON.stringify(out));
})();
</script>"""


def _instrumented(page: Path, tmp_path: Path, extra_head: str = "", script: bool = True) -> Path:
    html = page.read_text()
    html = html.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';")
    html = html.replace("</head>", f"{extra_head}</head>")
    if script:
        html = html.replace("</body>", f"{MEASURE}</body>")
    copy = page.parent / f"measure-{tmp_path.name}-{page.name}"
    copy.write_text(html)
    return copy


def _measure(page: Path, width: int, profile_dir: Path) -> dict[str, Any]:
    assert BROWSER, "chromium is missing: .ci/run installs Debian's chromium"
    run = subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile_dir}", f"--window-size={width},1000",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    found = re.search(r'data-measured="([^"]*)"', run.stdout)
    assert found, "the measuring script did not run"
    return dict(json.loads(html_lib.unescape(found.group(1))))


def _rgb(css: str) -> str:
    parts = [int(float(v)) for v in re.findall(r"[\d.]+", css)[:3]]
    return "#" + "".join(f"{v:02x}" for v in parts)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    result = CliRunner().invoke(app, ["report", str(ROOT / "examples" / "profiles"), "--format", "html",
                                      "--output", str(out), "--today", "2026-11-22", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize(("name", "width"), [("cohort", 1280), ("cohort", round(PRINTABLE["A4"])),
                                             ("cohort", round(PRINTABLE["Letter"])),
                                             ("veteran-to-cybersecurity", 1280),
                                             ("veteran-to-cybersecurity", round(PRINTABLE["A4"]))])
def test_no_table_is_wider_than_the_page_and_labels_are_readable(reports: Path, name: str, width: int,
                                                                 tmp_path: Path) -> None:
    from skillstack.report.layout import contrast

    m = _measure(_instrumented(reports / f"{name}.html", tmp_path), width, tmp_path / "chrome")
    assert m["page"] <= width and m["scroll"] <= m["page"], "the page scrolls sideways"
    assert m["tables"], "no table measured"
    for t in m["tables"]:
        assert t["left"] >= 0 and t["right"] <= m["page"] + 0.5, t
        assert t["scroll"] <= t["client"] + 1, t
    if name == "cohort":
        assert m["cells"]
        for cell in m["cells"]:
            assert contrast(_rgb(cell["fg"]), _rgb(cell["bg"])) >= 4.5, cell
    else:
        assert m["texts"]
        for t in m["texts"]:
            assert t["x"] >= 0 and t["right"] <= t["width"] and t["top"] >= 0 and t["bottom"] <= t["height"], t
            if t["cls"] == "label":
                assert t["right"] <= t["left"], f"a label runs into the bars: {t}"
            assert contrast(_rgb(t["fill"]), "#ffffff") >= 4.5, t


def _text_starts(page: Any) -> list[float]:
    """The x position (pt) where each piece of text on a PDF page starts."""
    starts: list[float] = []

    def seen(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip():
            starts.append(cm[4] + tm[4] * cm[0])

    page.extract_text(visitor_text=seen)
    return starts


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cohort_prints_on_a4_and_letter_without_cutting_a_column(reports: Path, paper: str,
                                                                  tmp_path: Path) -> None:
    from pypdf import PdfReader

    page = _instrumented(reports / "cohort.html", tmp_path, f"<style>@page {{ size: {paper}; }}</style>", script=False)
    pdf = tmp_path / f"cohort-{paper}.pdf"
    assert BROWSER
    run = subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={tmp_path / 'chrome'}", "--no-pdf-header-footer",
                          f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, text=True, timeout=120,
                         check=False)
    assert run.returncode == 0 and pdf.is_file(), run.stderr[-2000:]
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 8
    right_margin = 15 / 25.4 * 72
    text = ""
    for p in reader.pages:
        width, height = float(p.mediabox.width), float(p.mediabox.height)
        assert (width, height) == pytest.approx(PAPER_PT[paper], abs=1)
        starts = _text_starts(p)
        assert starts and max(starts) < width - right_margin, f"text starts past the right margin on {paper}"
        text += p.extract_text()
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # NFKC: the PDF's "fi" ligatures
    for heading in ("Learners", "Whole gap closed", "Pay in the target roles", "Gap skills by learner"):
        assert heading in flat
    assert "Dana Whitfield" in flat and "pays back in" in flat
