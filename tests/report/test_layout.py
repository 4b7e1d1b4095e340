"""Report layout without a browser: contrast ratios (WCAG 2), labels fitted to the timeline's
label column, heat-map cells readable at every level, tick labels that never overlap."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from pathlib import Path
from types import SimpleNamespace

import pytest

from skillstack.report import render
from skillstack.report.layout import ELLIPSIS, blend, contrast, fit, ink_on, text_width

CSS = Path(render.__file__).parent / "templates" / "base.css.j2"


@pytest.mark.parametrize(("fg", "bg", "ratio"), [
    ("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#777777", "#ffffff", 4.48),
    ("#2f6fb2", "#ffffff", 5.2),
])
def test_contrast_matches_the_wcag_formula(fg: str, bg: str, ratio: float) -> None:
    assert contrast(fg, bg) == pytest.approx(ratio, abs=0.01)
    assert contrast(bg, fg) == contrast(fg, bg)


def test_blend_and_ink() -> None:
    assert blend("#000000", 0.5) == "#808080"
    assert ink_on("#000000") == "#ffffff" and ink_on("#ffffff") == "#1f2933"


def test_every_text_colour_of_the_stylesheet_reads_at_4_5_to_1() -> None:
    colours = dict(re.findall(r"--(\w+): (#[0-9a-f]{6})", CSS.read_text()))
    for name in ("ink", "muted", "accent", "ok", "warn", "bad"):
        for background in ("#ffffff", "#f5f7fa"):  # the page and the table headings
            assert contrast(colours[name], background) >= 4.5, (name, background)


@pytest.mark.parametrize("top", [1, 2, 3, 4])
def test_every_heat_cell_reads_at_4_5_to_1(top: int) -> None:
    shades = []
    for level in range(top + 1):
        background, text = render.heat_cell(level, top)
        assert contrast(text, background) >= 4.5, (level, top, background, text)
        shades.append(contrast("#ffffff", background))
    assert shades == sorted(shades), "darker is a higher level"


@pytest.mark.parametrize("text", ["PRINCE2 7 Foundation", "Google Data Analytics Professional Certificate",
                                  "W" * 80, "数据分析师证书" * 5, "x"])
@pytest.mark.parametrize("width", [40, 120, 248])
def test_fit_never_exceeds_the_width(text: str, width: float) -> None:
    fitted = fit(text, width, 11)
    assert text_width(fitted, 11) <= width
    assert fitted == text or fitted.endswith(ELLIPSIS)
    assert text.startswith(fitted.removesuffix(ELLIPSIS).rstrip(" ,;:-("))


def test_fit_cuts_at_a_word_when_one_is_near() -> None:
    assert fit("Google Data Analytics Professional Certificate", 150, 11) == "Google Data Analytics" + ELLIPSIS


def test_the_estimate_is_wider_than_arial_for_a_known_string() -> None:
    # "Hello" in Arial: H 722 + e 556 + l 222 + l 222 + o 556 = 2278 thousandths of an em
    assert text_width("Hello", 10) == pytest.approx(22.78 * 1.15)


@pytest.mark.parametrize("days", [20, 70, 400, 1500])
def test_gantt_labels_fit_their_column_and_ticks_never_overlap(days: int) -> None:
    from skillstack.cache import load_catalog
    from skillstack.loader import default_paths
    from skillstack.plan.schedule import Step

    cat = load_catalog(default_paths()).catalog
    long = max(cat.credentials, key=lambda c: len(c.name))
    start = date(2026, 12, 1)
    step = Step(long.id, start, date.fromordinal(start.toordinal() + days), 1.0, 10.0, (), (), ())
    chart = render.gantt(cat, SimpleNamespace(steps=(step,)))  # type: ignore[arg-type]  # only its steps are read
    assert chart is not None
    for bar in chart.bars:
        assert text_width(bar.label, render.GANTT_FONT) <= chart.left - 12
        assert bar.name == long.name and bar.x >= chart.left and bar.x + bar.width <= chart.width + 0.5
    label = text_width("May 2026", render.GANTT_FONT)
    assert all(b[0] - a[0] >= label for a, b in pairwise(chart.ticks))
    assert all(x + 2 + label <= chart.width for x, _ in chart.ticks)
