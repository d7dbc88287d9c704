"""Markdown to safe HTML: the only way user text becomes markup on Village.

markdown-it-py parses CommonMark (raw HTML in the source is kept as text by the parser
option below, and whatever HTML does come out is cleaned again by nh3's allow-list), so
scripts, event handlers and `javascript:` links never reach a page.
"""

import html

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
LINK_REL = "nofollow ugc noopener"

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
# People write "# My heading" meaning emphasis; keep headings below the page's own h1/h2.
_HEADING_SHIFT = {f"h{n}": f"h{min(n + 2, 6)}" for n in range(1, 7)}


def _shift_headings(tokens) -> None:
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _HEADING_SHIFT[token.tag]


def render_markdown(source: str) -> str:
    """Render Markdown written by a person to sanitised HTML, safe to mark as safe."""
    tokens = _parser.parse(source or "")
    _shift_headings(tokens)
    html = _parser.renderer.render(tokens, _parser.options, {})
    return sanitise_html(html)


# Built once: nh3.clean() builds the same allow-lists again on every call, which costs more
# than cleaning a short reply (an import cleans tens of thousands of bodies a second).
_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel=LINK_REL,
    strip_comments=True,
)


def sanitise_html(html: str) -> str:
    """Clean HTML from any source (our renderer, an import) down to the allow-list."""
    return _cleaner.clean(html)


# Previews show the start of very long text: every form refuses more than this anyway.
PREVIEW_MAX = 20_000


def render_preview(source: str) -> str:
    """A preview of what someone typed: the Markdown rendered, up to PREVIEW_MAX characters."""
    return render_markdown((source or "")[:PREVIEW_MAX])


def plain_summary(source: str, length: int = 200) -> str:
    """A one-line plain-text summary of Markdown, for meta descriptions and listings."""
    text = html.unescape(nh3.clean(render_markdown(source), tags=set()))
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"
