"""Reading a Stack Exchange data dump: one XML file per table, one <row> element per row.

Files are read as a stream (expat, a chunk at a time, no element tree), so memory stays flat
however large the dump. Everything here is about the dump's format and its quirks; writing
rows into Village is `stackexchange.py`.
"""

import html
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from xml.parsers import expat

import nh3
from django.utils.text import slugify

from village.common.markdown import render_markdown, sanitise_html

# Post types (PostTypeId) and vote types (VoteTypeId) as the dumps number them.
QUESTION, ANSWER, TAG_WIKI_EXCERPT, TAG_WIKI = "1", "2", "4", "5"
UP_VOTE = "2"
VOTE_TYPES = {
    "1": "accepted answer",
    "2": "up-vote",
    "3": "down-vote",
    "4": "offensive",
    "5": "favourite",
    "6": "close",
    "7": "reopen",
    "8": "bounty start",
    "9": "bounty close",
    "10": "deletion",
    "11": "undeletion",
    "12": "spam",
    "15": "moderator review",
    "16": "approved edit",
}
POST_TYPES = {
    "3": "orphaned tag wiki",
    "4": "tag wiki excerpt",
    "5": "tag wiki",
    "6": "moderator nomination",
    "7": "wiki placeholder",
    "8": "privilege wiki",
}
LINK_DUPLICATE = "3"

# Stack Exchange moved user content to CC BY-SA 3.0 on 2011-04-08 and to 4.0 on 2018-05-02.
# Newer dumps say which on every post (ContentLicense); older ones don't, so go by the date.
_LICENCE_DATES = (
    (datetime(2011, 4, 8, tzinfo=UTC), "CC BY-SA 2.5"),
    (datetime(2018, 5, 2, tzinfo=UTC), "CC BY-SA 3.0"),
)

CHUNK = 1 << 16  # bytes read at a time
_OLD_TAGS = re.compile(r"<([^<>]+)>")
_TEXT_ONLY = nh3.Cleaner(tags=set())  # built once: nh3.clean() builds it on every call
_BLANK_LINES = re.compile(r"\n{3,}")
# A comment of one line with none of Markdown's inline marks, and not starting like a
# heading, quote, list, rule or fence: Markdown makes it a paragraph of escaped text.
_PLAIN_LINE = re.compile(r"[^\n\r\x00`*_\[\]<>&\\]+")
_BLOCK_START = re.compile(r"[#>+=~|-]|\d{1,9}[.)]")


def read_rows(
    path: Path, on_progress: Callable[[int], None] = lambda position: None
) -> Iterator[dict]:
    """Yield each <row>'s attributes as a dict, in file order.

    Read as a stream: expat hands over each row's attributes as it parses a chunk of the
    file, no element tree is built, and only the rows of one chunk are held at a time, so
    memory stays flat however large the file. `on_progress(bytes_read)` is called as the
    file is read, for a progress bar.
    """
    parser = expat.ParserCreate()
    rows: list[dict] = []

    def start(name: str, attributes: dict) -> None:
        if name == "row":
            rows.append(attributes)

    parser.StartElementHandler = start
    position = 0
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
            position += len(chunk)
            yield from rows
            rows.clear()
            on_progress(position)
        parser.Parse(b"", True)
        yield from rows


def parse_tags(value: str | None) -> list[str]:
    """Both formats: `<coffee><espresso>` (older dumps) and `|coffee|espresso|` (2024 on)."""
    if not value:
        return []
    value = value.strip()
    names = _OLD_TAGS.findall(value) if value.startswith("<") else value.split("|")
    return [name.strip().lower() for name in names if name.strip()]


def parse_date(value: str | None) -> datetime | None:
    """Dump dates are UTC without a zone, e.g. 2015-01-27T20:09:32.720."""
    if not value:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def licence_of(row: dict, created: datetime | None) -> str:
    if row.get("ContentLicense"):
        return row["ContentLicense"]
    if created is not None:
        for until, licence in _LICENCE_DATES:
            if created < until:
                return licence
    return "CC BY-SA 4.0"


def html_to_text(markup: str) -> str:
    """Plain text of HTML from the dump, for the Markdown field and the search index."""
    if not markup:
        return ""
    text = html.unescape(_TEXT_ONLY.clean(markup))
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def comment_html(text: str) -> str:
    """A comment's Markdown as sanitised HTML, exactly as render_markdown() makes it.

    Most comments are one line of plain words: for those, the paragraph Markdown would
    make is written directly (a quarter of the cost); anything else goes through Markdown.
    """
    if _PLAIN_LINE.fullmatch(text) and not _BLOCK_START.match(text):
        return sanitise_html("<p>" + text.replace('"', "&quot;") + "</p>\n")
    return render_markdown(text)


def as_int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def topic_name(tag: str) -> str:
    """'espresso-machine' -> 'Espresso machine'."""
    words = tag.replace("-", " ").strip()
    return (words[:1].upper() + words[1:])[:60]


_TAG_SYMBOLS = {"+": "plus", "#": "sharp", ".": "dot"}


def topic_slug(tag: str) -> str:
    """A slug that keeps tags apart which plain slugify would merge: c, c# and c++."""
    spelled = "".join(f"-{_TAG_SYMBOLS[c]}-" if c in _TAG_SYMBOLS else c for c in tag)
    return slugify(spelled)[:60].strip("-") or "topic"


class PostIdSet:
    """Which post ids a dump holds, as a bitmap: an id costs one bit, so a dump with tens of
    millions of posts needs a few megabytes (ids are dense), not gigabytes of Python ints."""

    def __init__(self):
        self._bits = bytearray()

    def add(self, post_id: int) -> None:
        if post_id < 0:
            return
        byte = post_id >> 3
        if byte >= len(self._bits):
            self._bits.extend(bytes(max(byte + 1 - len(self._bits), len(self._bits))))
        self._bits[byte] |= 1 << (post_id & 7)

    def __contains__(self, post_id: int) -> bool:
        byte = post_id >> 3
        return (
            post_id >= 0
            and byte < len(self._bits)
            and bool(self._bits[byte] & (1 << (post_id & 7)))
        )
