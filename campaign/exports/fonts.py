"""Fonts for PDF exports: Noto faces from the Debian packages in scripts/apt-packages.txt.

Only the scripts a document actually uses are loaded (the CJK collection alone is 20 MB),
and names in complex scripts are the only ones that pay for text shaping.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_ROOT = Path("/usr/share/fonts")

# family -> style -> (file name, index in a collection); missing styles reuse the regular.
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
    # Index 2 of the collection is Simplified Chinese, which covers the most Han. Regular
    # only: each face of this 20 MB file costs about 60 MiB while the PDF is built.
    "cjk": {"": ("NotoSansCJK-Regular.ttc", 2)},
}
PACKAGES = {"cjk": "fonts-noto-cjk"}

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
def font_file(name: str) -> Path:
    """Find ``name`` anywhere under /usr/share/fonts, or explain how to install it."""
    found = sorted(FONT_ROOT.rglob(name)) if FONT_ROOT.is_dir() else []
    if not found:
        package = next(
            (
                PACKAGES[f]
                for f, s in FACES.items()
                if f in PACKAGES and any(n == name for n, _ in s.values())
            ),
            "fonts-noto-core",
        )
        raise FontMissing(
            f"Font {name} not found under {FONT_ROOT}: install the Debian package "
            f"{package} (listed in scripts/apt-packages.txt; run scripts/setup)."
        )
    return found[0]


def style_for(family: str, style: str) -> str:
    """``style`` if ``family`` has it, else the nearest it has (italics become upright)."""
    faces = FACES[family]
    return next(s for s in (style, style.replace("I", ""), "") if s in faces)


def script_of(char: str) -> str | None:
    code = ord(char)
    for script, ranges in SCRIPT_RANGES.items():
        if any(low <= code <= high for low, high in ranges):
            return script
    return None


def scripts_in(text: str) -> set[str]:
    """The non-Latin scripts (as font families) that ``text`` uses."""
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
