"""The letter as PDF in one language: title, addressee, date, body, then the numbered list.

fpdf2 writes the file directly (no HTML engine): 5,000 names take a few seconds. Text is
shaped by HarfBuzz only where a script needs it; see ``bench/bench_pdf.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from babel.dates import format_date
from flask_babel import force_locale
from fpdf import FPDF

from campaign.exports import fonts
from campaign.exports.markdown_blocks import Block, Run, blocks
from campaign.exports.pdf_list import ListLayout
from campaign.exports.rows import ExportData, Text
from campaign.i18n import _, interface_language
from campaign.i18n import language as language_info

Progress = Callable[[float], None]
BODY_SIZE = 11
HEADING_SIZES = {1: 15, 2: 13, 3: 12}
# fpdf2 would turn "[text](address)" into a link; a word joiner keeps it literal.
LINK_LIKE = re.compile(r"\](?=\()")


class LetterPDF(FPDF):
    """A4 pages numbered "n / total" in the footer, with Noto faces loaded per script."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.families: list[str] = []

    def load_family(self, family: str) -> None:
        """Embed ``family``'s faces and fall back on it for glyphs other fonts lack."""
        if family in self.families:
            return
        for style, (name, index) in fonts.FACES[family].items():
            path, number = fonts.font_file(name, index)
            self.add_font(family, style, path, collection_font_number=number)
        self.families.append(family)
        self.set_fallback_fonts(self.families, exact_match=False)

    def set_font(self, family: str | None = None, style: Any = "", size: float = 0) -> None:
        """As FPDF's; a script's faces are loaded the first time some text asks for them
        (a label in the interface's language may use a script the letter does not)."""
        if family in fonts.FACES:
            self.load_family(family)
        super().set_font(family, style, size)

    def output(self, *args: Any, **kwargs: Any) -> Any:
        """As FPDF's, with every glyph of a shaped cluster mapped back to text (see
        ``_map_cluster_glyphs``)."""
        _map_cluster_glyphs(self)
        return super().output(*args, **kwargs)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_text_shaping(False)
        self.set_font("sans", "", 8)
        self.cell(0, 6, f"{self.page_no()} / {{nb}}", align="C")


class _NoText(int):
    """A code point that a ToUnicode map writes as nothing: ``<code> <>``."""

    def __format__(self, spec: str) -> str:
        return ""


NO_TEXT = (_NoText(0),)


def _map_cluster_glyphs(pdf: FPDF) -> None:
    """Map the glyphs that carry none of a shaped cluster's text to the empty string.

    When HarfBuzz draws a cluster in several glyphs (Bengali "দে" is the vowel sign, then
    the consonant), fpdf2 gives the cluster's text to the first glyph and leaves the
    others out of the font's ToUnicode map; readers then copy those glyphs' raw codes,
    control characters inside the name ("দে\x06শ"). An empty mapping makes them copy as
    nothing, so names read back (search, copy, checks) exactly as written.
    """
    for font in pdf.fonts.values():
        subset = getattr(font, "subset", None)
        for glyph, _code in subset.items() if subset is not None else ():
            if glyph is not None and glyph.unicode == ():
                glyph.unicode = NO_TEXT


def render_pdf(
    data: ExportData,
    language: str,
    *,
    group: bool = False,
    columns: int = 1,
    progress: Progress | None = None,
) -> bytes:
    """The PDF for ``language`` (falling back to the authoritative text if untranslated)."""
    text = data.text(language)
    with force_locale(interface_language(text.language)):
        return _render(data, text, group, columns, progress)


def _render(
    data: ExportData, text: Text, group: bool, columns: int, progress: Progress | None
) -> bytes:
    """The document in the language of ``text``: labels and dates too, so a letter not yet
    translated is one English (say) document, not an English text under Arabic headings."""
    rtl = language_info(text.language).rtl
    pdf = _document(data, text.title, text.language, _all_text(data, text))
    _front(pdf, data, text.title, text.language, rtl)
    for block in blocks(text.body):
        _block(pdf, block, rtl)
    layout = ListLayout(pdf, rtl=rtl, columns=columns)
    layout.write(data, text.language, group=group, progress=progress)
    return bytes(pdf.output())


def _all_text(data: ExportData, text: Text) -> str:
    addressee = data.addressee_in(text.language)
    return "".join((text.title, text.body, addressee, *(r.name for r in data.rows)))


def _document(data: ExportData, title: str, language: str, content: str) -> LetterPDF:
    pdf = LetterPDF(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    for family in ["sans", *sorted(fonts.families_for(content))]:
        pdf.load_family(family)
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("campaign")
    pdf.set_creation_date(data.as_of)
    pdf.add_page()
    return pdf


def _front(pdf: LetterPDF, data: ExportData, title: str, language: str, rtl: bool) -> None:
    """Title, addressee and date."""
    _paragraph(pdf, [Run(title, bold=True)], 17, rtl, after=4, align="L")
    addressee = data.addressee_in(language)
    if addressee:
        runs = [Run(_("To:") + " "), Run(addressee, bold=True)]
        _paragraph(pdf, runs, 10, rtl, after=1, align="L")
    when = format_date(data.as_of.date(), format="long", locale=_babel_locale(language))
    _paragraph(pdf, [Run(when)], 10, rtl, after=6, align="L")


def _babel_locale(language: str) -> str:
    return (
        language
        if language in {"en", "fr", "es", "ar", "pt", "ru", "zh", "de", "fa", "ur"}
        else "en"
    )


def _block(pdf: LetterPDF, block: Block, rtl: bool) -> None:
    if block.level:
        runs = [Run(r.text, bold=True, italic=r.italic) for r in block.runs]
        size = HEADING_SIZES.get(block.level, BODY_SIZE)
        _paragraph(pdf, runs, size, rtl, after=2, align="L")
        return
    runs = ([Run(block.marker + " ")] if block.marker else []) + block.runs
    indent = 6 * block.depth
    _paragraph(pdf, runs, BODY_SIZE, rtl, after=3 if not block.marker else 1.5, indent=indent)


def _paragraph(
    pdf: LetterPDF,
    runs: list[Run],
    size: float,
    rtl: bool,
    after: float,
    indent: float = 0,
    align: str = "J",
) -> None:
    """One paragraph of styled runs, wrapped and aligned for the text's direction."""
    plain = "".join(r.text for r in runs)
    family = fonts.family_for(plain)
    pdf.set_text_shaping(fonts.needs_shaping(plain) or rtl)
    pdf.set_font(family, "", size)
    pdf.set_x(pdf.l_margin + (0 if rtl else indent))
    markup = "".join(_markup(run, family) for run in runs)
    pdf.multi_cell(
        pdf.epw - indent,
        size * 0.48,
        markup,
        align="R" if rtl else align,
        markdown=True,
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(after)


def _markup(run: Run, family: str) -> str:
    """fpdf2's emphasis markers around ``run``, with its literal text escaped."""
    # A character no installed font has is printed as a mark, as in the list, not a blank.
    text = LINK_LIKE.sub("]\u2060", fonts.drawable(run.text).replace("\\", "\\\\"))
    for marker in FPDF.MARKDOWN_MARKERS:
        text = text.replace(marker, "\\" + marker)
    bold = run.bold and "B" in fonts.FACES[family]
    italic = run.italic and "I" in fonts.FACES[family]
    wrap = ("**" if bold else "") + ("__" if italic else "")
    return wrap + text + wrap[::-1] if text.strip() else text
