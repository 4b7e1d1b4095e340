"""Layout arithmetic for the HTML reports: colour contrast (WCAG 2) and text that fits a box.

The timeline is SVG, which does not wrap text: a label is fitted to its column by an estimate of
its width from the advance widths of Arial (metric-compatible with Liberation Sans, and a little
narrower than DejaVu Sans, the fonts a browser falls back to), times a safety margin, so a label
never runs past its column in any of them. The reports' browser test measures the real widths.

>>> round(contrast("#1f2933", "#ffffff"), 1), round(contrast("#ffffff", "#ffffff"), 1)
(14.8, 1.0)
>>> fit("Google Data Analytics Professional Certificate", 150, 11)
'Google Data Analytics…'
"""

from __future__ import annotations

import re

# Arial advance widths in thousandths of an em, for printable ASCII (space .. tilde).
_ARIAL = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  # space ! " # $ % & ' ( ) * + , - . /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  # 0-9 : ; < = > ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # @ A-O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  # P-Z [ \ ] ^ _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  # ` a-o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  # p-z { | } ~
)
WIDE = 1000  # any other character: as wide as an em, so CJK and emoji are never underestimated
MARGIN = 1.15  # DejaVu Sans, the usual fallback on Linux, runs up to ~12% wider than Arial
ELLIPSIS = "…"


def text_width(text: str, size: float) -> float:
    """An upper estimate of `text`'s width in px at font size `size` px (sans-serif)."""
    units = sum(_ARIAL[ord(ch) - 32] if 32 <= ord(ch) < 127 else WIDE for ch in text)
    return units / 1000 * size * MARGIN


def fit(text: str, width: float, size: float) -> str:
    """`text`, cut at a word (or character) boundary with an ellipsis when it is wider than `width`."""
    if text_width(text, size) <= width:
        return text
    room = width - text_width(ELLIPSIS, size)
    cut = ""
    for n in range(len(text), 0, -1):
        if text_width(text[:n], size) <= room:
            cut = text[:n]
            break
    words = cut.rsplit(" ", 1)[0] if " " in cut and len(cut.rsplit(" ", 1)[0]) >= len(cut) * 0.6 else cut
    return words.rstrip(" ,;:-(") + ELLIPSIS


_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")


def rgb(colour: str) -> tuple[int, int, int]:
    """'#2f6fb2' -> (47, 111, 178)."""
    found = _HEX.match(colour)
    if not found:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    value = int(found.group(1), 16)
    return value >> 16, (value >> 8) & 0xFF, value & 0xFF


def hex_colour(colour: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in colour)


def blend(colour: str, alpha: float, under: str = "#ffffff") -> str:
    """`colour` at opacity `alpha` over `under`, as the opaque colour a reader sees."""
    top, bottom = rgb(colour), rgb(under)
    return hex_colour(tuple(alpha * t + (1 - alpha) * b for t, b in zip(top, bottom, strict=True)))  # type: ignore[arg-type]


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.x definition)."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio, 1 to 21; normal text needs 4.5 (AA)."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ink_on(background: str, dark: str = "#1f2933", light: str = "#ffffff") -> str:
    """Whichever of `dark` and `light` text reads better on `background`."""
    return dark if contrast(dark, background) >= contrast(light, background) else light
