"""The importer's shortcuts give exactly what the long way gives."""

import pytest

from village.common.markdown import render_markdown
from village.importers.stackexchange.dump import comment_html, read_rows

TRICKY = [
    "Thanks, that worked!",
    'He said "decaf" and meant it',
    "@Anna try a coarser grind",
    "See http://example.com/a_b_c for more",  # _ is emphasis, even inside a link
    "5 > 4 & 3 < 4",
    "*really*",
    "`code`",
    "[link](http://example.com)",
    "![image](http://example.com/x.png)",
    "<b>bold</b>",
    "back\\slash",
    "&amp; an entity",
    "# not a heading in a comment",
    "#hashtag",
    "> a quote",
    "- a list",
    "+ a list",
    "* a list",
    "1. a list",
    "1) a list",
    "2015. A year",
    "--- a rule?",
    "~~~ a fence?",
    "=== underline",
    "| a | table |",
    "a\u00a0non-breaking space",
    "a line\u2028separator",
    "tab\tinside",
    "zero\u200bwidth",
    "emoji ☕ and ‘quotes’ — dashes…",
    "two\nlines",
    "trailing backslash \\",
    "a\x00null",
]


@pytest.mark.parametrize("text", TRICKY)
def test_a_comment_renders_as_markdown_would_render_it(text):
    assert comment_html(text) == render_markdown(text)


def test_every_comment_in_the_coffee_dump_renders_as_markdown_would(coffee_dump):
    texts = [row["Text"].strip() for row in read_rows(coffee_dump / "Comments.xml")]
    assert len(texts) == 758
    assert [comment_html(t) for t in texts] == [render_markdown(t) for t in texts]


def test_reading_reports_progress_up_to_the_whole_file(coffee_dump):
    path = coffee_dump / "Tags.xml"
    seen = []
    rows = list(read_rows(path, seen.append))
    assert len(rows) == 123
    assert seen == sorted(seen)
    assert seen[-1] == path.stat().st_size
