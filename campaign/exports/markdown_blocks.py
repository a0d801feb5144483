"""Letter bodies for documents that are not HTML: Markdown tokens as blocks of styled runs.

Raw HTML is never interpreted (the parser runs with ``html=False``); links keep their text,
and images give their alternative text, as on the web page (``campaign.letters.rendering``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from campaign.letters.rendering import image_text


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """A heading (level 1-6), paragraph (level 0) or list item (``marker`` set)."""

    runs: list[Run] = field(default_factory=list)
    level: int = 0
    marker: str = ""
    depth: int = 0

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def blocks(source: str) -> list[Block]:
    """The body as blocks in reading order; empty blocks are dropped."""
    result: list[Block] = []
    lists: list[list[int]] = []  # per open list: [next number] or [] for bullets
    pending = Block()
    for token in _parser().parse(source or ""):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type == "ordered_list_open"
            lists.append([int(token.attrGet("start") or 1)] if ordered else [])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            pending = Block(marker=_marker(lists[-1]), depth=len(lists))
        elif token.type == "paragraph_open" and not pending.marker:
            pending.depth = len(lists)
        elif token.type == "heading_open":
            pending = Block(level=int(token.tag[1]))
        elif token.type in ("inline", "code_block", "fence"):
            pending.runs += _runs(token)
            if pending.text.strip():
                result.append(pending)
            pending = Block(depth=len(lists))
    return result


def _marker(counter: list[int]) -> str:
    if not counter:
        return "•"
    counter[0] += 1
    return f"{counter[0] - 1}."


def _runs(token: Token) -> list[Run]:
    if token.type != "inline":
        return [Run(token.content.rstrip("\n"))]
    runs: list[Run] = []
    bold = italic = False
    for child in token.children or []:
        if child.type in ("strong_open", "strong_close"):
            bold = child.type == "strong_open"
        elif child.type in ("em_open", "em_close"):
            italic = child.type == "em_open"
        elif child.type in ("text", "code_inline", "html_inline"):
            runs.append(Run(child.content, bold, italic))
        elif child.type in ("softbreak", "hardbreak"):
            runs.append(Run(" " if child.type == "softbreak" else "\n", bold, italic))
        elif child.type == "image":
            runs.append(Run(image_text(child), bold, italic))
    return runs
