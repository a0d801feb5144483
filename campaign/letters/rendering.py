"""Markdown to sanitised HTML: letter bodies are written by staff but shown to everyone.

The page and the documents (``campaign.exports.markdown_blocks``) follow the same rules: a
heading stays a heading, below the letter's title (the page's only h1), and an image is
shown as its alternative text, never loaded from wherever it points. On the page, a table
sits in a box of its own that scrolls sideways when the table is wider than a phone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from html import escape
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "div",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
# Markdown cannot write a div (raw HTML is text): only the box around a table is one.
TABLE_BOX = "table-scroll"


def image_text(token: Token) -> str:
    """What an image in a letter's body shows: its alternative text. A remote image would
    tell its host who reads the letter, and the PDF cannot fetch it either."""
    return "".join(child.content for child in token.children or [] if child.type == "text")


def page_heading_level(level: int) -> int:
    """A body heading's level on the page: one below Markdown's, as the title is the h1."""
    return min(level + 1, 6)


def _heading(renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    token.tag = f"h{page_heading_level(int(token.tag[1]))}"
    return renderer.renderToken(tokens, idx, options, env)


def _table(renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    html = renderer.renderToken(tokens, idx, options, env)
    if tokens[idx].nesting == 1:
        return f'<div class="{TABLE_BOX}">{html}'
    return f"{html}</div>\n"


def _image(renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return escape(image_text(tokens[idx]), quote=False)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # html=False: raw HTML in the source is shown as text, never interpreted.
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    for rule, render in (("heading_open", _heading), ("heading_close", _heading)):
        parser.add_render_rule(rule, render)
    for rule in ("table_open", "table_close"):
        parser.add_render_rule(rule, _table)
    parser.add_render_rule("image", _image)
    return parser


def render_markdown(source: str) -> str:
    """Render ``source`` and keep only a small set of tags, attributes and URL schemes."""
    html = _parser().render(source or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values={"div": {"class": {TABLE_BOX}}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
