"""Fonts for PDF exports: Noto (and Nanum) faces from the Debian packages in
scripts/apt-packages.txt.

Only the scripts a document actually uses are loaded (the CJK collection alone is 20 MB),
and names in complex scripts are the only ones that pay for text shaping. A character no
installed face can draw is found before drawing (``undrawable``), so a name is never
printed as a silent blank.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_ROOT = Path("/usr/share/fonts")

# family -> style -> (file name, index in a collection); styles a family lacks are
# drawn in its nearest style.
FACES: dict[str, dict[str, tuple[str, int]]] = {
    "sans": {
        "": ("NotoSans-Regular.ttf", 0),
        "B": ("NotoSans-Bold.ttf", 0),
        "I": ("NotoSans-Italic.ttf", 0),
        "BI": ("NotoSans-BoldItalic.ttf", 0),
    },
    "arabic": {"": ("NotoNaskhArabic-Regular.ttf", 0), "B": ("NotoNaskhArabic-Bold.ttf", 0)},
    "hebrew": {"": ("NotoSansHebrew-Regular.ttf", 0), "B": ("NotoSansHebrew-Bold.ttf", 0)},
    **{
        script.lower(): {
            "": (f"NotoSans{script}-Regular.ttf", 0),
            "B": (f"NotoSans{script}-Bold.ttf", 0),
        }
        for script in (
            "Devanagari",
            "Bengali",
            "Gurmukhi",
            "Gujarati",
            "Oriya",
            "Tamil",
            "Telugu",
            "Kannada",
            "Malayalam",
            "Sinhala",
            "Thai",
            "Lao",
            "Myanmar",
            "Khmer",
            "Georgian",
            "Armenian",
            "Ethiopic",
        )
    },
    # Hangul: TrueType for the reason below (Noto Sans CJK KR stands in if it is missing).
    "korean": {"": ("NanumBarunGothic.ttf", 0), "B": ("NanumBarunGothicBold.ttf", 0)},
    # TrueType, so readers extract its text (fpdf2 embeds CFF fonts such as Noto CJK with
    # a CMap that pypdf and pdfminer cannot read back), and a quarter of the memory.
    "cjk": {"": ("DroidSansFallbackFull.ttf", 0)},
}
# If a preferred file is missing: another file (name, index) that can stand in for it.
# In the Noto CJK collections index 1 is Korean and 2 Simplified Chinese (the most Han).
ALTERNATIVES = {
    "DroidSansFallbackFull.ttf": ("NotoSansCJK-Regular.ttc", 2),
    "NanumBarunGothic.ttf": ("NotoSansCJK-Regular.ttc", 1),
    "NanumBarunGothicBold.ttf": ("NotoSansCJK-Bold.ttc", 1),
}
PACKAGES = {
    "DroidSansFallbackFull.ttf": "fonts-droid-fallback or fonts-noto-cjk",
    "NanumBarunGothic.ttf": "fonts-nanum or fonts-noto-cjk",
    "NanumBarunGothicBold.ttf": "fonts-nanum or fonts-noto-cjk",
}

# The blocks of each script's letters; a text's letters pick the fonts a document loads.
# Korean comes before "cjk", whose wide range also holds the Hangul compatibility letters.
SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "arabic": (
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x08A0, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    ),
    "hebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
    "devanagari": ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
    "bengali": ((0x0980, 0x09FF),),
    "gurmukhi": ((0x0A00, 0x0A7F),),
    "gujarati": ((0x0A80, 0x0AFF),),
    "oriya": ((0x0B00, 0x0B7F),),
    "tamil": ((0x0B80, 0x0BFF),),
    "telugu": ((0x0C00, 0x0C7F),),
    "kannada": ((0x0C80, 0x0CFF),),
    "malayalam": ((0x0D00, 0x0D7F),),
    "sinhala": ((0x0D80, 0x0DFF),),
    "thai": ((0x0E00, 0x0E7F),),
    "lao": ((0x0E80, 0x0EFF),),
    "myanmar": ((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)),
    "georgian": ((0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F)),
    "ethiopic": ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F)),
    "khmer": ((0x1780, 0x17FF), (0x19E0, 0x19FF)),
    "armenian": ((0x0530, 0x058F), (0xFB13, 0xFB17)),
    "korean": (
        (0x1100, 0x11FF),
        (0x3130, 0x318F),
        (0xA960, 0xA97F),
        (0xAC00, 0xD7FF),
    ),
    "cjk": (
        (0x2E80, 0x9FFF),
        (0xF900, 0xFAFF),
        (0xFF00, 0xFFEF),
        (0x20000, 0x2FFFF),
    ),
}
RTL_SCRIPTS = {"arabic", "hebrew"}
# Scripts whose letters join, reorder or stack: only these are shaped (HarfBuzz), which
# costs time. Korean, Georgian, Armenian and Ethiopic are drawn letter by letter.
SHAPED_SCRIPTS = {
    "arabic",
    "hebrew",
    "devanagari",
    "bengali",
    "gurmukhi",
    "gujarati",
    "oriya",
    "tamil",
    "telugu",
    "kannada",
    "malayalam",
    "sinhala",
    "thai",
    "lao",
    "myanmar",
    "khmer",
}


class FontMissing(RuntimeError):
    """A font file the PDF needs is not installed; says which package provides it."""


@lru_cache(maxsize=32)
def _find(name: str) -> Path | None:
    found = sorted(FONT_ROOT.rglob(name)) if FONT_ROOT.is_dir() else []
    return found[0] if found else None


def font_file(name: str, index: int = 0) -> tuple[Path, int]:
    """Find ``name`` (or its stand-in) under /usr/share/fonts, or say what to install."""
    path = _find(name)
    if path is not None:
        return path, index
    if name in ALTERNATIVES:
        alternative, alt_index = ALTERNATIVES[name]
        if _find(alternative) is not None:
            return font_file(alternative, alt_index)
    package = PACKAGES.get(name, "fonts-noto-core")
    raise FontMissing(
        f"Font {name} not found under {FONT_ROOT}: install the Debian package {package} "
        "(listed in scripts/apt-packages.txt; run scripts/setup)."
    )


def style_for(family: str, style: str) -> str:
    """``style`` if ``family`` has it, else the nearest it has (italics become upright)."""
    faces = FACES[family]
    return next(s for s in (style, style.replace("I", ""), "") if s in faces)


@lru_cache(maxsize=8192)
def script_of(char: str) -> str | None:
    code = ord(char)
    for script, ranges in SCRIPT_RANGES.items():
        if any(low <= code <= high for low, high in ranges):
            return script
    return None


def scripts_in(text: str) -> set[str]:
    """The non-Latin scripts (as font families) that ``text`` uses."""
    if text.isascii():
        return set()
    return {s for s in map(script_of, set(text)) if s is not None}


def needs_shaping(text: str) -> bool:
    """True if ``text`` has letters that join, reorder or stack (Arabic, Indic, Thai...)."""
    return text.isascii() is False and bool(scripts_in(text) & SHAPED_SCRIPTS)


def family_for(text: str) -> str:
    """The font to start ``text`` in: its first letter's script, so an Arabic name is one run.

    One run keeps the name in reading order for text extraction (search, copy, checks).
    """
    for char in text:
        if char.isalpha():
            return family_covering(char) or "sans"
    return "sans"


def is_rtl(text: str) -> bool:
    return family_for(text) in RTL_SCRIPTS


# What a PDF prints instead of a character no installed face can draw: a visible mark
# (Noto Sans has it), where fpdf2 would print nothing.
REPLACEMENT = "\ufffd"


@cache
def coverage(family: str) -> frozenset[int]:
    """The characters ``family``'s regular face has glyphs for (none if not installed)."""
    name, index = FACES[family][""]
    try:
        path, number = font_file(name, index)
    except FontMissing:
        return frozenset()
    with TTFont(path, fontNumber=number, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _needs_glyph(char: str) -> bool:
    """False for what draws nothing: spaces, controls, joiners, variation selectors."""
    code = ord(char)
    return not (
        char.isspace()
        or unicodedata.category(char) in ("Cc", "Cf")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


@lru_cache(maxsize=8192)
def family_covering(char: str) -> str | None:
    """The face that draws ``char``: its script's, else Noto Sans, else the first face
    that has it (a symbol only the CJK font has, say); None if no installed face has it."""
    code = ord(char)
    for family in (script_of(char), "sans"):
        if family in FACES and code in coverage(family):
            return family
    return next((family for family in FACES if code in coverage(family)), None)


def families_for(text: str) -> set[str]:
    """The faces besides Noto Sans that a document holding ``text`` must load."""
    if text.isascii():
        return set()
    needed = {family_covering(char) for char in set(text) if not char.isascii()}
    return needed - {None, "sans"}


def undrawable(text: str) -> str:
    """The characters of ``text`` that no installed face can draw, each once, in order."""
    if text.isascii():
        return ""
    missing = (c for c in text if _needs_glyph(c) and family_covering(c) is None)
    return "".join(dict.fromkeys(missing))


def drawable(text: str) -> str:
    """``text`` with each character no installed face can draw replaced by ``REPLACEMENT``."""
    missing = undrawable(text)
    if not missing:
        return text
    return "".join(REPLACEMENT if char in missing else char for char in text)
