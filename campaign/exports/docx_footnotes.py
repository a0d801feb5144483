"""Real Word footnotes for python-docx, which has no footnote API: a footnotes part,
its relationship, and ``w:footnoteReference`` runs in the text."""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Word requires the separator (-1) and continuation separator (0) notes before real ones.
SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
)
FONT = '<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/>'


def _note(number: int, text: str, font: str, size_pt: int) -> str:
    run_props = FONT.format(f=font) + f'<w:sz w:val="{size_pt * 2}"/>'
    return (
        f'<w:footnote w:id="{number}"><w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="both"/>'
        f'</w:pPr><w:r><w:rPr>{run_props}<w:vertAlign w:val="superscript"/></w:rPr>'
        f"<w:footnoteRef/></w:r><w:r><w:rPr>{run_props}</w:rPr>"
        f'<w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
    )


def add_footnotes(document: Document, notes: list[str], font: str, size_pt: int) -> None:
    """Attach a footnotes part holding ``notes`` (numbered 1..n) to ``document``."""
    body = "".join(_note(n, text, font, size_pt) for n, text in enumerate(notes, start=1))
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{W}">{SEPARATORS}{body}</w:footnotes>'
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        xml.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def add_reference(paragraph: Paragraph, number: int) -> None:
    """Append the superscript mark of footnote ``number`` to ``paragraph``."""
    run = paragraph.add_run()
    run_props = run._r.get_or_add_rPr()
    run_props.append(parse_xml(f'<w:vertAlign xmlns:w="{W}" w:val="superscript"/>'))
    reference = parse_xml(f'<w:footnoteReference xmlns:w="{W}" w:id="{number}"/>')
    run._r.append(reference)
    assert reference.tag == qn("w:footnoteReference")
