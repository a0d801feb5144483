"""Names that mix Arabic and Latin script are laid out as their readers expect, in the
left-to-right and the right-to-left PDF alike: each name takes its direction from its first
letter (as ``dir="auto"`` does on the web pages). Read back word by word with each word's
position on the page, by poppler's ``pdftotext -bbox`` (Debian's poppler-utils, installed by
scripts/setup)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections import defaultdict
from html import unescape

import pytest

from campaign.demo import TEXTS
from tests.exports.helpers import run_cli

# Right to left: "مركز", then "CIHRS", then "للدراسات" (a Cairo centre under its acronym).
ARABIC_FIRST = "مركز CIHRS للدراسات"
# Left to right: "Amnesty", then "العفو", then "International".
LATIN_FIRST = "Amnesty العفو International"
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>')


def _logical(word: str) -> str:
    """poppler gives an Arabic word's letters in the order they are drawn, left to right."""
    right_to_left = unicodedata.bidirectional(word[0]) in ("R", "AL")
    return word[::-1] if right_to_left else word


def lines(pdf: bytes) -> list[list[tuple[float, str]]]:
    """Each line of the PDF as (left edge, word) pairs, from left to right."""
    result = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True)
    assert result.returncode == 0, result.stderr
    by_line: dict[float, list[tuple[float, str]]] = defaultdict(list)
    for x, y, text in WORD.findall(result.stdout.decode()):
        by_line[round(float(y))].append((float(x), _logical(unescape(text))))
    return [sorted(words) for _, words in sorted(by_line.items())]


def reading_order(pdf: bytes, name: str, right_to_left: bool) -> list[str]:
    """The words of ``name`` on its line, in the order a reader of that direction meets them."""
    wanted = name.split()
    [line] = [line for line in lines(pdf) if set(wanted) <= {word for _, word in line}]
    words = [word for _, word in line if word in wanted]
    return words[::-1] if right_to_left else words


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_mixed_script_names_read_in_the_direction_of_their_first_letter(runner, make, lang):
    letter = make.letter(texts=TEXTS, addressee="Human Rights Council")
    make.signature(letter, ARABIC_FIRST, country="EG")
    make.signature(letter, LATIN_FIRST, country="GB")
    pdf = run_cli(runner, "export", letter.slug, "--format", "pdf", "--lang", lang)
    assert reading_order(pdf, ARABIC_FIRST, right_to_left=True) == ARABIC_FIRST.split()
    assert reading_order(pdf, LATIN_FIRST, right_to_left=False) == LATIN_FIRST.split()
