"""The joint written statement as a Word file in the Council's model format.

Heading block, co-sponsors with their status in brackets (General, then Special, then
Roster), the title in Times New Roman 12 bold with a footnote naming supporters without
status, and the text in Times New Roman 12 justified. The word limit applies to the title,
the text and the footnotes, as OHCHR counts; the heading block (the co-sponsors' list with
it) is counted apart.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, Twips

from campaign.exports import jws
from campaign.exports.docx_footnotes import add_footnotes, add_reference
from campaign.exports.markdown_blocks import blocks
from campaign.exports.rows import ExportData
from campaign.exports.zipfix import fix_zip

FONT = "Times New Roman"
A4 = (Twips(11906), Twips(16838))  # 210 x 297 mm, as Word writes it
MARGIN = Cm(2.5)


@dataclass(frozen=True)
class Statement:
    content: bytes
    check: jws.WordCheck
    sponsors: jws.Sponsors


def build(data: ExportData, language: str, session: str = "", agenda_item: str = "") -> Statement:
    """The statement in ``language`` (en, fr or es) with its word count against the limit."""
    if language not in jws.LANGUAGES:
        raise ValueError(f"joint written statements are in English, French or Spanish: {language}")
    phrases, text = jws.PHRASES[language], data.text(language)
    sponsors = jws.sponsors(data)
    document = _document()
    heading = [phrases["council"]]
    heading += [phrases["session"].format(session=session)] if session else []
    heading += [phrases["agenda"].format(item=agenda_item)] if agenda_item else []
    heading += [phrases["submitted_by"]]
    heading += [jws.sponsor_line(r, language) for r in sponsors.with_status]
    heading += [phrases["received"]]
    for line in heading:
        _para(document, line, bold=line == phrases["council"])
    # What the limit applies to: the title, the text and the footnotes (not the heading).
    counted = [text.title]
    title = document.add_paragraph()
    _run(title, text.title, bold=True)
    notes = [jws.footnote_text(sponsors.supporters, language)] if sponsors.supporters else []
    if notes:
        add_reference(title, 1)
        add_footnotes(document, notes, FONT, 10)
        counted += notes
    counted += _body(document, text.body)
    _stamp(document, data, text.title, language)
    buffer = io.BytesIO()
    document.save(buffer)
    check = jws.WordCheck(
        jws.count_words(counted), sponsors.limit, heading=jws.count_words(heading)
    )
    return Statement(fix_zip(buffer.getvalue(), data.as_of), check, sponsors)


def _document() -> Document:
    """An empty statement on A4, as UN documents are (python-docx's template is US Letter,
    which OHCHR's template and the PDFs are not), with 2.5 cm margins all round."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    return document


def _run(paragraph: object, text: str, bold: bool = False, italic: bool = False) -> None:
    run = paragraph.add_run(text)
    run.font.name, run.font.size = FONT, Pt(12)
    run.bold, run.italic = bold or None, italic or None


def _para(document: Document, text: str, bold: bool = False) -> None:
    _run(document.add_paragraph(), text, bold=bold)


def _body(document: Document, source: str) -> list[str]:
    """The letter's Markdown as justified paragraphs; headings bold, emphasis kept."""
    texts = []
    for block in blocks(source):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if block.marker:
            paragraph.paragraph_format.left_indent = Pt(18 * block.depth)
            _run(paragraph, block.marker + " ")
        for run in block.runs:
            _run(paragraph, run.text, bold=run.bold or bool(block.level), italic=run.italic)
        texts.append((block.marker + " " if block.marker else "") + block.text)
    return texts


def _stamp(document: Document, data: ExportData, title: str, language: str) -> None:
    """Fixed properties, so a snapshot gives the same file every time."""
    props = document.core_properties
    moment = data.as_of.replace(tzinfo=None)
    props.created = props.modified = props.last_printed = moment
    props.author, props.last_modified_by, props.revision = "campaign", "campaign", 1
    # Word's core properties hold at most 255 characters; the page shows the whole title.
    props.title, props.language = title[:255], language
    props.comments = props.keywords = props.subject = ""
