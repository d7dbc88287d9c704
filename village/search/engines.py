"""Two search engines behind one interface: SQLite FTS5 and PostgreSQL full-text search.

`engine_for(connection)` picks the one for the database in use. Both take a ParsedQuery
(query.py), so the same text means the same thing on either, and both return Hits: question
ids, best first, with the title and a snippet marked up where the words matched.

Ranking: titles weigh most, then the question's body, then its answers, so a question whose
answer (an expert's, say) holds the words still turns up, below those that ask about them.

The ranking window: scoring every match costs time in proportion to the matches, and a common
word ("bedtime") matches a tenth of a large community. So both engines walk the matches newest
first and rank only the SEARCH_RANK_WINDOW most recent (3,000 by default): a query with fewer
matches is ranked exactly as before, and one with more is ranked among the newest 3,000, which
keeps a search on a million posts in tens of milliseconds and favours current answers. (At
5,000, a common word with a rare exclusion, "homework -teacher", walked 33,000 documents on
PostgreSQL at a million posts: 51 ms a search; at 3,000, 33 ms.)
"""

import html
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection as default_connection

from village.search.query import ParsedQuery
from village.search.schema import FTS_TABLE, PG_CONFIG, PG_TABLE

# Markers the database puts around matched words; private-use characters, so never in text.
START, STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 28
PUBLISHED = "published"

# SQLite bm25 weights for title, body, answers.
FTS5_WEIGHTS = (10.0, 3.0, 1.0)


@dataclass(frozen=True)
class Filters:
    topic: str = ""  # a topic's slug
    expert_answered: bool = False
    answer_kind: str = ""  # "opinion" or "experience"


@dataclass
class Hit:
    question_id: int
    rank: float
    title_html: str = ""
    snippet_html: str = ""
    question: object = field(default=None, repr=False)


def _filter_sql(filters: Filters) -> tuple[str, list]:
    """Conditions on the question `q` (SQLite; PostgreSQL keeps them as facets)."""
    sql, params = "", []
    if filters.topic:
        sql += (
            " AND EXISTS (SELECT 1 FROM questions_question_topics qt"
            " JOIN topics_topic t ON t.id = qt.topic_id"
            " WHERE qt.question_id = q.id AND t.slug = %s)"
        )
        params.append(filters.topic)
    if filters.expert_answered:
        sql += (
            " AND EXISTS (SELECT 1 FROM questions_answer ea"
            " JOIN experts_expertprofile ep ON ep.user_id = ea.author_id"
            " WHERE ea.question_id = q.id AND ea.deleted_at IS NULL AND ea.hidden_at IS NULL"
            " AND ep.verified = %s)"
        )
        params.append(True)
    if filters.answer_kind:
        sql += (
            " AND EXISTS (SELECT 1 FROM questions_answer ka"
            " WHERE ka.question_id = q.id AND ka.deleted_at IS NULL AND ka.hidden_at IS NULL"
            " AND ka.kind = %s)"
        )
        params.append(filters.answer_kind)
    return sql, params


def _exclude_sql(exclude: tuple[int, ...], column: str = "q.id") -> tuple[str, list]:
    if not exclude:
        return "", []
    return f" AND {column} NOT IN ({', '.join(['%s'] * len(exclude))})", list(exclude)


_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"(^|\s)[#>]+\s|[*_`~]+|^\s*\d+\.\s", re.MULTILINE)


def marked_html(text: str, markdown: bool = False) -> str:
    """Escape text from the index and turn the match markers into <mark> elements."""
    if markdown:
        text = _MARKDOWN_LINK.sub(r"\1", text)
        text = _MARKDOWN_MARKS.sub(r"\1", text)
    text = " ".join(text.split())
    escaped = html.escape(text, quote=False)
    return escaped.replace(START, "<mark>").replace(STOP, "</mark>")


def _best_snippet(*candidates: str) -> str:
    """The first snippet with a match in it, else the first that says anything."""
    for text in candidates:
        if text and START in text:
            return marked_html(text, markdown=True)
    for text in candidates:
        if text and text.strip():
            return marked_html(text, markdown=True)
    return ""


class SQLiteEngine:
    vendor = "sqlite"

    def __init__(self, connection):
        self.connection = connection

    def search(
        self, query: ParsedQuery, filters: Filters = Filters(), limit: int = 20, offset: int = 0
    ) -> list[Hit]:
        if not query:
            return []
        match = query.to_fts5()
        where, params = _filter_sql(filters)
        weights = ", ".join(str(w) for w in FTS5_WEIGHTS)
        sql = f"""
            WITH recent AS (
              SELECT {FTS_TABLE}.rowid AS id, bm25({FTS_TABLE}, {weights}) AS rank
              FROM {FTS_TABLE} JOIN questions_question q ON q.id = {FTS_TABLE}.rowid
              WHERE {FTS_TABLE} MATCH %s AND q.status = %s {where}
              ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s
            ),
            top AS (SELECT id, rank FROM recent ORDER BY rank, id DESC LIMIT %s OFFSET %s)
            SELECT top.id, top.rank,
              highlight({FTS_TABLE}, 0, %s, %s),
              snippet({FTS_TABLE}, 1, %s, %s, '…', {SNIPPET_WORDS}),
              snippet({FTS_TABLE}, 2, %s, %s, '…', {SNIPPET_WORDS})
            FROM top JOIN {FTS_TABLE} ON {FTS_TABLE}.rowid = top.id
            WHERE {FTS_TABLE} MATCH %s
            ORDER BY top.rank, top.id DESC
        """
        marks = [START, STOP]
        args = [match, PUBLISHED, *params, _window(), limit, offset, *marks * 3, match]
        with self.connection.cursor() as cursor:
            cursor.execute(sql, args)
            rows = cursor.fetchall()
        return [
            Hit(
                question_id=row[0],
                rank=-row[1],
                title_html=marked_html(row[2]),
                snippet_html=_best_snippet(row[3], row[4]),
            )
            for row in rows
        ]

    def similar(self, words: list[str], limit: int, exclude: tuple[int, ...] = (), prefix=False):
        """Question ids sharing the most telling words with these, best first."""
        if not words:
            return []
        terms = [f'"{w}"' for w in words]
        if prefix:
            terms[-1] += "*"
        not_in, params = _exclude_sql(exclude)
        weights = ", ".join(str(w) for w in FTS5_WEIGHTS)
        sql = f"""
            SELECT id FROM (
              SELECT {FTS_TABLE}.rowid AS id, bm25({FTS_TABLE}, {weights}) AS rank
              FROM {FTS_TABLE} JOIN questions_question q ON q.id = {FTS_TABLE}.rowid
              WHERE {FTS_TABLE} MATCH %s AND q.status = %s {not_in}
              ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s
            ) ORDER BY rank, id DESC LIMIT %s
        """
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [" OR ".join(terms), PUBLISHED, *params, _window(), limit])
            return [row[0] for row in cursor.fetchall()]


class PostgresEngine:
    vendor = "postgresql"
    # Rank normalisation 1: divide by 1 + log(length), so long threads don't win on bulk.
    # The query is written out where matches are found, not taken from the `query` CTE: as a
    # constant the planner can estimate how many documents match, and choose between walking
    # the newest documents (a common word) and the GIN index (a rare one). Through the CTE it
    # guessed a few hundred for every query, and "screen time" took 400 ms on a million posts.
    # Ranked after the window is taken: ranked where matches are found, every match's
    # document was read (12,797 of them for "bedtime" in a big topic with filters).
    RANK = "ts_rank(document, {q}, 1)"
    HEADLINE_OPTIONS = (
        f'StartSel="{START}", StopSel="{STOP}", MaxWords={SNIPPET_WORDS}, MinWords=12, '
        'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
    )
    TITLE_OPTIONS = f'StartSel="{START}", StopSel="{STOP}", HighlightAll=true'

    def __init__(self, connection):
        self.connection = connection

    def search(
        self, query: ParsedQuery, filters: Filters = Filters(), limit: int = 20, offset: int = 0
    ) -> list[Hit]:
        if not query:
            return []
        facets = self._facets(filters)
        if facets is None:
            return []
        # Whether a question is published, and what the filters ask for, are kept with its
        # document (schema.py), so matches are found in the documents alone. Checked through
        # questions, answers and topics, a common word in a big topic took 0.9 s at a
        # million posts.
        q = f"websearch_to_tsquery('{PG_CONFIG}', %s)"
        sql = f"""
            WITH query AS (SELECT {q} AS q),
            recent AS (
              SELECT d.question_id AS id, d.document FROM {PG_TABLE} d
              WHERE d.document @@ {q} AND d.facets @> %s::text[]
              ORDER BY d.question_id DESC LIMIT %s
            ),
            top AS (
              SELECT id, {self.RANK.format(q=q)} AS rank FROM recent
              ORDER BY rank DESC, id DESC LIMIT %s OFFSET %s
            )
            SELECT top.id, top.rank,
              ts_headline('{PG_CONFIG}', q.title, query.q, %s),
              ts_headline('{PG_CONFIG}', q.body, query.q, %s),
              ts_headline('{PG_CONFIG}', search_question_answers(q.id), query.q, %s)
            FROM top JOIN questions_question q ON q.id = top.id, query
            ORDER BY top.rank DESC, top.id DESC
        """
        snippet = self.HEADLINE_OPTIONS
        text = query.to_websearch()
        args = [text, text, facets, _window(), text, limit, offset]
        args += [self.TITLE_OPTIONS, snippet, snippet]
        with self.connection.cursor() as cursor:
            cursor.execute(sql, args)
            rows = cursor.fetchall()
        return [
            Hit(
                question_id=row[0],
                rank=row[1],
                title_html=marked_html(row[2]),
                snippet_html=_best_snippet(row[3], row[4]),
            )
            for row in rows
        ]

    def _facets(self, filters: Filters) -> list[str] | None:
        """The facets a document must have; None when no question can match (no such topic)."""
        facets = [PUBLISHED]
        if filters.topic:
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT id FROM topics_topic WHERE slug = %s", [filters.topic])
                row = cursor.fetchone()
            if row is None:
                return None
            facets.append(f"topic:{row[0]}")
        if filters.expert_answered:
            facets.append("expert")
        if filters.answer_kind:
            facets.append(f"kind:{filters.answer_kind}")
        return facets

    def similar(self, words: list[str], limit: int, exclude: tuple[int, ...] = (), prefix=False):
        if not words:
            return []
        # Words are letters and digits only (query.py), so quoting them keeps to_tsquery safe.
        terms = [f"'{w}'" for w in words]
        if prefix:
            terms[-1] += ":*"
        not_in, params = _exclude_sql(exclude, column="d.question_id")
        q = f"to_tsquery('{PG_CONFIG}', %s)"
        sql = f"""
            WITH recent AS (
              SELECT d.question_id AS id, d.document FROM {PG_TABLE} d
              WHERE d.document @@ {q} AND d.facets @> %s::text[] {not_in}
              ORDER BY d.question_id DESC LIMIT %s
            )
            SELECT id, {self.RANK.format(q=q)} AS rank FROM recent
            ORDER BY rank DESC, id DESC LIMIT %s
        """
        with self.connection.cursor() as cursor:
            text = " | ".join(terms)
            cursor.execute(sql, [text, [PUBLISHED], *params, _window(), text, limit])
            return [row[0] for row in cursor.fetchall()]


def _window() -> int:
    return settings.SEARCH_RANK_WINDOW


def engine_for(connection=default_connection):
    """The search engine for this database."""
    if connection.vendor == "sqlite":
        return SQLiteEngine(connection)
    if connection.vendor == "postgresql":
        return PostgresEngine(connection)
    raise NotImplementedError(f"Search has no engine for {connection.vendor}.")
