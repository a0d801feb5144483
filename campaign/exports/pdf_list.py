"""The numbered list in a PDF: one or two columns, numbers beside names, mirrored in RTL."""

from __future__ import annotations

import logging
from collections.abc import Callable

from fpdf import FPDF

from campaign.exports import fonts
from campaign.exports.labels import by_country
from campaign.exports.rows import ExportData, Row
from campaign.i18n import _

SIZE = 9.5
LINE = 4.6
NUMBER_WIDTH = 12
GUTTER = 8
# Millimetres per point of font size for the widest glyphs (full-width CJK: one em).
EM_MM = 25.4 / 72
LOGGER = logging.getLogger(__name__)


class ListLayout:
    """Places entries top to bottom, column after column, page after page."""

    def __init__(self, pdf: FPDF, *, rtl: bool, columns: int = 1) -> None:
        self.pdf, self.rtl, self.columns = pdf, rtl, max(1, min(columns, 2))
        self.width = (pdf.epw - GUTTER * (self.columns - 1)) / self.columns
        self.column = 0
        self.top = pdf.get_y()

    def write(
        self,
        data: ExportData,
        language: str,
        *,
        group: bool = False,
        progress: Callable[[float], None] | None = None,
    ) -> None:
        """Organisations, then individuals apart, optionally under country headings."""
        self.slug = data.slug
        self.pdf.ln(2)
        self.top = self.pdf.get_y()
        self._heading(_("Signatories (%(count)d)", count=len(data.rows)), size=13)
        total, done = max(len(data.rows), 1), 0
        for title, rows in (
            (_("Organisations"), data.organisations),
            (_("Individuals"), data.individuals),
        ):
            if not rows:
                continue
            self._heading(f"{title} ({len(rows)})", size=11)
            for heading, members in by_country(rows, language) if group else [("", rows)]:
                if heading:
                    self._heading(heading, size=SIZE + 0.5)
                for row in members:
                    self._entry(row)
                    done += 1
                    if progress and done % 250 == 0:
                        progress(done / total)

    def _x(self) -> float:
        """Left edge of the current column (columns run right to left in RTL)."""
        index = self.columns - 1 - self.column if self.rtl else self.column
        return self.pdf.l_margin + index * (self.width + GUTTER)

    def _room(self, height: float) -> None:
        """Move to the next column or page if ``height`` does not fit here."""
        if self.pdf.get_y() + height <= self.pdf.page_break_trigger:
            return
        self.column += 1
        if self.column >= self.columns:
            self.column = 0
            self.pdf.add_page()
            self.top = self.pdf.get_y()
        self.pdf.set_y(self.top)

    def _heading(self, text: str, size: float) -> None:
        self._room(LINE * 3)
        self.pdf.set_text_shaping(self.rtl or fonts.needs_shaping(text))
        family = fonts.family_for(text)
        self.pdf.set_font(family, fonts.style_for(family, "B"), size)
        self.pdf.set_x(self._x())
        self.pdf.cell(
            self.width, LINE * 1.6, text, align="R" if self.rtl else "L", new_x="LEFT", new_y="NEXT"
        )

    def _entry(self, row: Row) -> None:
        pdf, name_width = self.pdf, self.width - NUMBER_WIDTH - 1.5
        name = self._drawable(row)
        lines = self._lines(name, name_width)
        self._room(lines * LINE)
        y, x = pdf.get_y(), self._x()
        pdf.set_xy(x + self.width - NUMBER_WIDTH if self.rtl else x, y)
        self._number(row.number)
        self._name_font(name)
        pdf.set_xy(x if self.rtl else x + NUMBER_WIDTH + 1.5, y)
        align = "R" if self.rtl else "L"
        if lines > 1:
            pdf.multi_cell(name_width, LINE, name, align=align)
        else:
            pdf.cell(name_width, LINE, name, align=align)
        pdf.set_xy(x, y + lines * LINE)

    def _drawable(self, row: Row) -> str:
        """The name as it can be drawn: a character no installed font has is printed as
        a visible mark, never as a blank, and logged with the entry it belongs to (the
        exports page lists such names too)."""
        missing = fonts.undrawable(row.name)
        if not missing:
            return row.name
        LOGGER.warning(
            "PDF of %s: %s no. %d (signature %d) has characters no installed font can "
            "draw, printed as U+FFFD: %s (see the fonts in scripts/apt-packages.txt)",
            self.slug,
            row.kind,
            row.number,
            row.id,
            " ".join(f"U+{ord(c):04X}" for c in missing),
        )
        return fonts.drawable(row.name)

    def _name_font(self, name: str) -> None:
        """The font a name starts in: one run, so it extracts in reading order."""
        self.pdf.set_text_shaping(fonts.needs_shaping(name))
        self.pdf.set_font(fonts.family_for(name), "", SIZE)

    def _lines(self, name: str, width: float) -> int:
        """How many lines ``name`` needs; only names long enough to overflow are measured,
        since measuring costs as much as drawing."""
        if len(name) * SIZE * EM_MM <= width - 1:
            return 1
        self._name_font(name)
        if self.pdf.get_string_width(name) <= width - 1:
            return 1
        return len(self.pdf.multi_cell(width, LINE, name, dry_run=True, output="LINES"))

    def _number(self, number: int) -> None:
        self.pdf.set_text_shaping(False)
        self.pdf.set_font("sans", "", SIZE)
        # In RTL the name is drawn to the left of its number; the space keeps them apart
        # when the text is extracted ("57. name").
        self.pdf.cell(NUMBER_WIDTH, LINE, f"{number}. " if self.rtl else f"{number}.", align="R")
