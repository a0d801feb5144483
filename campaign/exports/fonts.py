"""Fonts for PDF exports: Noto faces from the Debian packages in scripts/apt-packages.txt.

Only the scripts a document actually uses are loaded (the CJK collection alone is 20 MB),
and names in complex scripts are the only ones that pay for text shaping.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
    "devanagari": {
        "": ("NotoSansDevanagari-Regular.ttf", 0),
        "B": ("NotoSansDevanagari-Bold.ttf", 0),
    },
    # TrueType, so readers extract its text (fpdf2 embeds CFF fonts such as Noto CJK with
    # a CMap that pypdf and pdfminer cannot read back), and a quarter of the memory.
    "cjk": {"": ("DroidSansFallbackFull.ttf", 0)},
}
# If a preferred file is missing: another file (name, index) that can stand in for it.
# Index 2 of the Noto CJK collection is Simplified Chinese, which covers the most Han.
ALTERNATIVES = {"DroidSansFallbackFull.ttf": ("NotoSansCJK-Regular.ttc", 2)}
PACKAGES = {"DroidSansFallbackFull.ttf": "fonts-droid-fallback or fonts-noto-cjk"}

SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "arabic": (
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x08A0, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    ),
    "hebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
    "devanagari": ((0x0900, 0x097F),),
    "cjk": (
        (0x1100, 0x11FF),
        (0x2E80, 0x9FFF),
        (0xAC00, 0xD7AF),
        (0xF900, 0xFAFF),
        (0xFF00, 0xFFEF),
        (0x20000, 0x2FFFF),
    ),
}
RTL_SCRIPTS = {"arabic", "hebrew"}
SHAPED_SCRIPTS = {"arabic", "hebrew", "devanagari"}


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
    """True if ``text`` has letters that join or reorder (Arabic, Hebrew, Devanagari)."""
    return text.isascii() is False and bool(scripts_in(text) & SHAPED_SCRIPTS)


def family_for(text: str) -> str:
    """The font to start ``text`` in: its first letter's script, so an Arabic name is one run.

    One run keeps the name in reading order for text extraction (search, copy, checks).
    """
    for char in text:
        if char.isalpha():
            script = script_of(char)
            return script if script in FACES else "sans"
    return "sans"


def is_rtl(text: str) -> bool:
    return family_for(text) in RTL_SCRIPTS
