from html.parser import HTMLParser

import pytest

from village.common.markdown import plain_summary, render_markdown, sanitise_html


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    """The real elements in a piece of HTML (escaped text is not an element)."""
    parser = _Elements()
    parser.feed(html)
    return parser.found


def test_paragraphs_numbered_lists_and_links_are_rendered():
    html = render_markdown(
        "First idea.\n\n1. Talk\n2. Listen\n\nSee [the guide](https://example.org/g)."
    )
    assert "<p>First idea.</p>" in html
    assert "<ol>\n<li>Talk</li>\n<li>Listen</li>\n</ol>" in html
    assert '<a href="https://example.org/g" rel="nofollow ugc noopener">the guide</a>' in html


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert('x')</script>",
        "Hello <script src=https://evil.example/x.js></script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="#" onclick="steal()">click</a>',
    ],
)
def test_raw_html_never_becomes_markup(source):
    found = elements(render_markdown(source))
    assert [tag for tag, _ in found] == ["p"]
    assert found[0][1] == {}


def test_javascript_links_are_dropped():
    found = elements(render_markdown("[pay here](javascript:alert(document.cookie))"))
    assert all(not attrs.get("href", "").startswith("javascript") for _, attrs in found)
    assert "a" not in [tag for tag, _ in found]


def test_sanitiser_strips_scripts_handlers_and_javascript_urls_from_html():
    dirty = (
        '<p onclick="x()">Hi<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">bad</a><a href="https://example.org">good</a>'
    )
    clean = sanitise_html(dirty)
    assert clean == (
        '<p>Hi</p><a rel="nofollow ugc noopener">bad</a>'
        '<a href="https://example.org" rel="nofollow ugc noopener">good</a>'
    )


def test_headings_are_kept_below_the_page_headings():
    assert render_markdown("# Big").startswith("<h3>Big</h3>")


def test_plain_summary_is_text_shortened_on_a_word():
    text = "word " * 100
    summary = plain_summary(f"**Bold** start. {text}", length=40)
    assert summary.startswith("Bold start.")
    assert summary.endswith("…")
    assert len(summary) <= 40
