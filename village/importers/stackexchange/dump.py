"""Reading a Stack Exchange data dump: one XML file per table, one <row> element per row.

Files are read as a stream (expat, a chunk at a time, no element tree), so memory stays flat
however large the dump. Everything here is about the dump's format and its quirks; writing
rows into Village is `stackexchange.py`.
"""

import html
import itertools
import queue
import re
import threading
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


def read_batches(
    path: Path, batch_size: int, prepare: Callable[[dict], None] | None = None
) -> Iterator[tuple[list[dict], int]]:
    """The file's rows in batches, each row prepared (in place), with how far into the file
    reading had got."""
    position = 0

    def reached(at: int) -> None:
        nonlocal position
        position = at

    rows = read_rows(path, reached)
    while batch := list(itertools.islice(rows, batch_size)):
        if prepare is not None:
            for row in batch:
                prepare(row)
        yield batch, position


# Keys for what the import makes of a row ahead of writing it; no XML attribute can be named so.
TEXT, HTML = "(text)", "(html)"


class ReadAhead:
    """Reads a dump's files one after another in a thread of its own, a few batches ahead of
    the import, and prepares each row there (plain text, sanitised HTML).

    Parsing and sanitising are a good part of an import, and the import's own thread spends
    much of its time waiting on the database (PostgreSQL's server, or SQLite's engine, which
    lets other threads run meanwhile). Reading ahead overlaps the two. At most `ahead`
    batches wait, so memory stays flat. The files must be asked for in the order given.
    """

    def __init__(
        self,
        files: list[tuple[Path, Callable[[dict], None] | None]],
        batch_size: int,
        ahead: int = 6,
    ):
        self._waiting: queue.Queue = queue.Queue(maxsize=ahead)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._read, args=(files, batch_size), name="dump-reader", daemon=True
        )
        self._thread.start()

    def _read(self, files, batch_size: int) -> None:
        try:
            for path, prepare in files:
                for batch, position in read_batches(path, batch_size, prepare):
                    self._put((path, batch, position))
                self._put((path, None, 0))
        except BaseException as error:  # handed to the import's thread, which raises it
            self._put(error)

    def _put(self, item) -> None:
        while not self._stop.is_set():
            try:
                self._waiting.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def batches(self, path: Path) -> Iterator[tuple[list[dict], int]]:
        """Each batch of rows of `path`, with how far into the file reading had got."""
        while True:
            item = self._waiting.get()
            if isinstance(item, BaseException):
                raise item
            read, batch, position = item
            if read != path:
                raise RuntimeError(f"Read {read} ahead, but {path} was asked for.")
            if batch is None:
                return
            yield batch, position

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


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
