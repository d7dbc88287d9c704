"""The search index: its tables and the database triggers that keep it in step.

One document per question: its title, its body and the text of its live answers (neither
deleted nor hidden by a moderator; a hidden question is left out by its status). The
database keeps the index itself, through triggers on the question and answer tables, so
every write (a service, the admin, a bulk import, a raw UPDATE) updates the index in the
same transaction, and the questions app needs to know nothing about search.

- SQLite: an FTS5 table, `search_question_fts(title, body, answers)`, rowid = question id.
- PostgreSQL: `search_question_document(question_id, document tsvector, facets text[])`
  with GIN indexes on both; title weighted A, body B, answers C. `facets` holds what search
  filters on, so a search reads the documents alone: `published` while the question is,
  `topic:<id>` per topic, `kind:<kind>` per kind among the live answers, and `expert` when a
  verified expert wrote one of them. Triggers on the question's topics and on expert
  profiles keep them right, as those on questions and answers do.

On SQLite, a migration that rebuilds a questions table (which Django does for many column
changes) drops the triggers with the old table, so `ensure_search_schema()` runs after every
`migrate` (see apps.py) and puts them back. The index rows survive: the rebuild copies rows
without touching the index, and ids don't change.
"""

import json
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from django.db import connection as default_connection
from django.db import transaction

FTS_TABLE = "search_question_fts"
PG_TABLE = "search_question_document"
PG_CONFIG = "english"
BATCH = 2000
# PostgreSQL: a transaction-local setting under which the triggers leave the index alone
# (see search_index_paused).
PG_PAUSED = "village.search_paused"

# Named here rather than read from the models, so that migrations calling this module keep
# meaning what they meant when written.
Q = "questions_question"
A = "questions_answer"
QT = "questions_question_topics"
EP = "experts_expertprofile"

# Which answers are indexed. Answers gained `hidden_at` in questions 0004, after this index's
# first migration: on a database migrated that far only, deleted answers alone are left out.
LIVE_ANSWERS = "deleted_at IS NULL AND hidden_at IS NULL"
LIVE_ANSWERS_BEFORE_HIDING = "deleted_at IS NULL"
WATCHED = {LIVE_ANSWERS: "body, deleted_at, hidden_at, question_id"}
WATCHED_BEFORE_HIDING = "body, deleted_at, question_id"
# PostgreSQL's facets also follow an answer's kind and author (an expert's or not).
PG_ALSO_WATCHED = ", kind, author_id"


def _live_answers(cursor, connection) -> str:
    columns = {c.name for c in connection.introspection.get_table_description(cursor, A)}
    return LIVE_ANSWERS if "hidden_at" in columns else LIVE_ANSWERS_BEFORE_HIDING


def _sqlite_answers(question_id: str, live: str = LIVE_ANSWERS) -> str:
    return (
        f"(SELECT coalesce(group_concat(body, char(10)), '') FROM {A} "
        f"WHERE question_id = {question_id} AND {live})"
    )


def _sqlite_refresh_answers(question_id: str, live: str = LIVE_ANSWERS) -> str:
    return (
        f"UPDATE {FTS_TABLE} SET answers = {_sqlite_answers(question_id, live)} "
        f"WHERE rowid = {question_id};"
    )


SQLITE_TABLE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, body, answers, tokenize = 'porter unicode61 remove_diacritics 2')"
)


def _sqlite_triggers(live: str = LIVE_ANSWERS) -> dict[str, str]:
    watched = WATCHED.get(live, WATCHED_BEFORE_HIDING)
    return {
        "search_question_inserted": f"""
        CREATE TRIGGER search_question_inserted AFTER INSERT ON {Q} BEGIN
          INSERT INTO {FTS_TABLE}(rowid, title, body, answers)
          VALUES (new.id, new.title, new.body, {_sqlite_answers("new.id", live)});
        END""",
        "search_question_changed": f"""
        CREATE TRIGGER search_question_changed AFTER UPDATE OF title, body ON {Q} BEGIN
          UPDATE {FTS_TABLE} SET title = new.title, body = new.body WHERE rowid = new.id;
        END""",
        "search_question_deleted": f"""
        CREATE TRIGGER search_question_deleted AFTER DELETE ON {Q} BEGIN
          DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
        END""",
        "search_answer_inserted": f"""
        CREATE TRIGGER search_answer_inserted AFTER INSERT ON {A} BEGIN
          {_sqlite_refresh_answers("new.question_id", live)}
        END""",
        "search_answer_changed": f"""
        CREATE TRIGGER search_answer_changed
        AFTER UPDATE OF {watched} ON {A} BEGIN
          {_sqlite_refresh_answers("old.question_id", live)}
          {_sqlite_refresh_answers("new.question_id", live)}
        END""",
        "search_answer_deleted": f"""
        CREATE TRIGGER search_answer_deleted AFTER DELETE ON {A} BEGIN
          {_sqlite_refresh_answers("old.question_id", live)}
        END""",
    }


SQLITE_TRIGGERS = _sqlite_triggers()

PG_VECTOR = f"""
    setweight(to_tsvector('{PG_CONFIG}', coalesce(title, '')), 'A')
    || setweight(to_tsvector('{PG_CONFIG}', coalesce(body, '')), 'B')
    || setweight(to_tsvector('{PG_CONFIG}', coalesce(answers, '')), 'C')
"""


def _pg_row_trigger(
    name: str, on_old: str, on_new: str, new_when: str = "TG_OP IN ('INSERT', 'UPDATE')"
) -> str:
    """A row trigger's function: nothing while the index is paused; else `on_old` for the row
    an update or delete leaves, and `on_new` for the row written, when `new_when`."""
    return f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('{PG_PAUSED}', true) = 'on' THEN
            RETURN NULL;
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            {on_old}
          END IF;
          IF {new_when} THEN
            {on_new}
          END IF;
          RETURN NULL;
        END $$"""


def _pg_sql(live: str = LIVE_ANSWERS, experts: bool = True) -> list[str]:
    """The index's table, functions and triggers. `experts`: whether the expert profiles'
    table exists yet (a migration older than it builds the index without its trigger)."""
    watched = WATCHED.get(live, WATCHED_BEFORE_HIDING) + PG_ALSO_WATCHED
    return [
        f"""CREATE TABLE IF NOT EXISTS {PG_TABLE} (
          question_id bigint PRIMARY KEY,
          document tsvector NOT NULL
        )""",
        f"ALTER TABLE {PG_TABLE} ADD COLUMN IF NOT EXISTS facets text[] NOT NULL DEFAULT '{{}}'",
        f"CREATE INDEX IF NOT EXISTS {PG_TABLE}_gin ON {PG_TABLE} USING gin (document)",
        f"CREATE INDEX IF NOT EXISTS {PG_TABLE}_facets ON {PG_TABLE} USING gin (facets)",
        f"""CREATE OR REPLACE FUNCTION search_question_vector(title text, body text, answers text)
        RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT {PG_VECTOR} $$""",
        f"""CREATE OR REPLACE FUNCTION search_question_answers(qid bigint)
        RETURNS text LANGUAGE sql STABLE AS $$
          SELECT coalesce(string_agg(body, E'\\n'), '') FROM {A}
          WHERE question_id = qid AND {live}
        $$""",
        # plpgsql: its body names tables that a migration older than them may not have yet.
        f"""CREATE OR REPLACE FUNCTION search_question_facets(qid bigint)
        RETURNS text[] LANGUAGE plpgsql STABLE AS $$
        BEGIN
          RETURN ARRAY(SELECT status FROM {Q} WHERE id = qid AND status = 'published')
            || ARRAY(SELECT 'topic:' || topic_id FROM {QT} WHERE question_id = qid)
            || ARRAY(SELECT DISTINCT 'kind:' || kind FROM {A} WHERE question_id = qid AND {live})
            || CASE WHEN EXISTS (
                 SELECT 1 FROM {A} JOIN {EP} ep ON ep.user_id = author_id
                 WHERE question_id = qid AND {live} AND ep.verified
               ) THEN ARRAY['expert'] ELSE ARRAY[]::text[] END;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION search_refresh_question(qid bigint)
        RETURNS void LANGUAGE sql AS $$
          DELETE FROM {PG_TABLE} WHERE question_id = qid
            AND NOT EXISTS (SELECT 1 FROM {Q} WHERE id = qid);
          INSERT INTO {PG_TABLE} (question_id, document, facets)
          SELECT id, search_question_vector(title, body, search_question_answers(id)),
            search_question_facets(id)
          FROM {Q} WHERE id = qid
          ON CONFLICT (question_id) DO UPDATE
            SET document = EXCLUDED.document, facets = EXCLUDED.facets;
        $$""",
        f"""CREATE OR REPLACE FUNCTION search_refresh_facets(qids bigint[])
        RETURNS void LANGUAGE sql AS $$
          UPDATE {PG_TABLE} SET facets = search_question_facets(question_id)
          WHERE question_id = ANY(qids);
        $$""",
        f"""CREATE OR REPLACE FUNCTION search_question_trigger() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('{PG_PAUSED}', true) = 'on' THEN
            RETURN NULL;
          END IF;
          IF TG_OP = 'DELETE' THEN
            DELETE FROM {PG_TABLE} WHERE question_id = OLD.id;
          ELSE
            PERFORM search_refresh_question(NEW.id);
          END IF;
          RETURN NULL;
        END $$""",
        _pg_row_trigger(
            "search_answer_trigger",
            "PERFORM search_refresh_question(OLD.question_id);",
            "PERFORM search_refresh_question(NEW.question_id);",
            new_when="TG_OP = 'INSERT'"
            " OR (TG_OP = 'UPDATE' AND NEW.question_id <> OLD.question_id)",
        ),
        _pg_row_trigger(
            "search_topics_trigger",
            "PERFORM search_refresh_facets(ARRAY[OLD.question_id]);",
            "PERFORM search_refresh_facets(ARRAY[NEW.question_id]);",
        ),
        # An expert verified (or no longer): every question they answered.
        _pg_row_trigger(
            "search_expert_trigger",
            "PERFORM search_refresh_facets("
            f"ARRAY(SELECT DISTINCT question_id FROM {A} WHERE author_id = OLD.user_id));",
            "PERFORM search_refresh_facets("
            f"ARRAY(SELECT DISTINCT question_id FROM {A} WHERE author_id = NEW.user_id));",
        ),
        # Django's test runner empties tables with TRUNCATE, which fires no row triggers.
        f"""CREATE OR REPLACE FUNCTION search_questions_truncated() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM {PG_TABLE};
          RETURN NULL;
        END $$""",
        f"DROP TRIGGER IF EXISTS search_question_changed ON {Q}",
        f"""CREATE TRIGGER search_question_changed
        AFTER INSERT OR DELETE OR UPDATE OF title, body, status ON {Q}
        FOR EACH ROW EXECUTE FUNCTION search_question_trigger()""",
        f"DROP TRIGGER IF EXISTS search_answer_changed ON {A}",
        f"""CREATE TRIGGER search_answer_changed
        AFTER INSERT OR DELETE OR UPDATE OF {watched} ON {A}
        FOR EACH ROW EXECUTE FUNCTION search_answer_trigger()""",
        f"DROP TRIGGER IF EXISTS search_questions_truncated ON {Q}",
        f"""CREATE TRIGGER search_questions_truncated AFTER TRUNCATE ON {Q}
        FOR EACH STATEMENT EXECUTE FUNCTION search_questions_truncated()""",
        f"DROP TRIGGER IF EXISTS search_topics_changed ON {QT}",
        f"""CREATE TRIGGER search_topics_changed AFTER INSERT OR DELETE OR UPDATE ON {QT}
        FOR EACH ROW EXECUTE FUNCTION search_topics_trigger()""",
    ] + (
        [
            f"DROP TRIGGER IF EXISTS search_expert_changed ON {EP}",
            f"""CREATE TRIGGER search_expert_changed
            AFTER INSERT OR DELETE OR UPDATE OF verified, user_id ON {EP}
            FOR EACH ROW EXECUTE FUNCTION search_expert_trigger()""",
        ]
        if experts
        else []
    )


PG_UPSERT = "document = EXCLUDED.document, facets = EXCLUDED.facets"

PG_DROP_SQL = [
    f"DROP TRIGGER IF EXISTS search_question_changed ON {Q}",
    f"DROP TRIGGER IF EXISTS search_answer_changed ON {A}",
    f"DROP TRIGGER IF EXISTS search_questions_truncated ON {Q}",
    f"DROP TRIGGER IF EXISTS search_topics_changed ON {QT}",
    f"""DO $$ BEGIN
      IF to_regclass('{EP}') IS NOT NULL THEN
        DROP TRIGGER IF EXISTS search_expert_changed ON {EP};
      END IF;
    END $$""",
    "DROP FUNCTION IF EXISTS search_question_trigger()",
    "DROP FUNCTION IF EXISTS search_answer_trigger()",
    "DROP FUNCTION IF EXISTS search_questions_truncated()",
    "DROP FUNCTION IF EXISTS search_topics_trigger()",
    "DROP FUNCTION IF EXISTS search_expert_trigger()",
    "DROP FUNCTION IF EXISTS search_refresh_facets(bigint[])",
    "DROP FUNCTION IF EXISTS search_refresh_question(bigint)",
    "DROP FUNCTION IF EXISTS search_question_facets(bigint)",
    "DROP FUNCTION IF EXISTS search_question_answers(bigint)",
    "DROP FUNCTION IF EXISTS search_question_vector(text, text, text)",
    f"DROP TABLE IF EXISTS {PG_TABLE}",
]


def _table_exists(cursor, connection, name: str) -> bool:
    return name in connection.introspection.table_names(cursor)


def ensure_search_schema(connection=default_connection) -> bool:
    """Create the index and its triggers where missing. True when the index was new (empty)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            created = not _table_exists(cursor, connection, FTS_TABLE)
            cursor.execute(SQLITE_TABLE_SQL)
            for name, sql in _sqlite_triggers(_live_answers(cursor, connection)).items():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                cursor.execute(sql)
            return created
        if connection.vendor == "postgresql":
            created = not _table_exists(cursor, connection, PG_TABLE)
            experts = _table_exists(cursor, connection, EP)
            for sql in _pg_sql(_live_answers(cursor, connection), experts):
                cursor.execute(sql)
            return created
    raise NotImplementedError(f"Search has no engine for {connection.vendor}.")


def drop_search_schema(connection=default_connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        elif connection.vendor == "postgresql":
            for sql in PG_DROP_SQL:
                cursor.execute(sql)


def _index_range(cursor, vendor: str, low: int, high: int, live: str = LIVE_ANSWERS) -> None:
    """(Re)index the questions with low < id <= high, and drop entries of deleted ones."""
    if vendor == "sqlite":
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid > %s AND rowid <= %s", [low, high])
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, title, body, answers) "
            f"SELECT id, title, body, {_sqlite_answers('q.id', live)} FROM {Q} AS q "
            "WHERE id > %s AND id <= %s",
            [low, high],
        )
    else:
        cursor.execute(
            f"DELETE FROM {PG_TABLE} d WHERE question_id > %s AND question_id <= %s "
            f"AND NOT EXISTS (SELECT 1 FROM {Q} q WHERE q.id = d.question_id)",
            [low, high],
        )
        cursor.execute(
            f"INSERT INTO {PG_TABLE} (question_id, document, facets) "
            f"SELECT q.id, search_question_vector(q.title, q.body, a.text), "
            f"search_question_facets(q.id) FROM {Q} q "
            f"LEFT JOIN LATERAL (SELECT string_agg(body, E'\\n') AS text FROM {A} "
            f"  WHERE question_id = q.id AND {live}) a ON true "
            "WHERE q.id > %s AND q.id <= %s "
            f"ON CONFLICT (question_id) DO UPDATE SET {PG_UPSERT}",
            [low, high],
        )


def rebuild_search_index(
    connection=default_connection, progress: Callable[[int, int], None] = lambda done, total: None
) -> int:
    """Index every question again, a batch per transaction, so searches keep working meanwhile.

    `progress(done, total)` is called after each batch. Returns the number of questions.
    """
    ensure_search_schema(connection)
    vendor = connection.vendor
    with connection.cursor() as cursor:
        live = _live_answers(cursor, connection)
        cursor.execute(f"SELECT count(*), coalesce(max(id), 0) FROM {Q}")
        total, top = cursor.fetchone()
    done = 0
    low = 0
    progress(0, total)
    while low < top:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM {Q} WHERE id > %s ORDER BY id LIMIT 1 OFFSET %s",
                [low, BATCH - 1],
            )
            row = cursor.fetchone()
            high = row[0] if row else top
            _index_range(cursor, vendor, low, high, live)
            cursor.execute(f"SELECT count(*) FROM {Q} WHERE id > %s AND id <= %s", [low, high])
            done += cursor.fetchone()[0]
        low = high
        progress(done, total)
    with connection.cursor() as cursor:
        # Entries whose questions have gone, past the last id.
        if vendor == "sqlite":
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid > %s", [top])
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
        else:
            cursor.execute(f"DELETE FROM {PG_TABLE} WHERE question_id > %s", [top])
            cursor.execute(f"ANALYZE {PG_TABLE}")
    return total


def index_size(connection=default_connection) -> int:
    """How many questions the index holds."""
    table = FTS_TABLE if connection.vendor == "sqlite" else PG_TABLE
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        return cursor.fetchone()[0]


# --- bulk writes (imports) ------------------------------------------------------------------

SQLITE_INSERT_TRIGGERS = ("search_question_inserted", "search_answer_inserted")


@contextmanager
def search_index_paused(connection=default_connection):
    """Insert many questions and answers in one transaction without the per-row triggers
    (which rewrite a question's whole entry for each of its answers), then index what was
    touched in one statement: `with search_index_paused() as index: ...; index(ids)`, with
    the ids of every question inserted or given answers, before the transaction commits.

    Only this transaction's writes skip the triggers, and a rollback undoes the pause with
    everything else. SQLite: the insert triggers are dropped and put back inside the
    transaction, which holds the only write lock, so no other write can slip past them.
    PostgreSQL: a transaction-local setting that the trigger functions check.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("search_index_paused() works inside transaction.atomic() only.")
    sqlite = connection.vendor == "sqlite"
    with connection.cursor() as cursor:
        # Is there an index, and have answers a hidden_at column (as _live_answers(), which
        # reads the whole table description: too dear once per batch)?
        if sqlite:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (%s, %s)",
                list(SQLITE_INSERT_TRIGGERS),
            )
            paused = [name for (name,) in cursor.fetchall()]
            for name in paused:
                cursor.execute(f"DROP TRIGGER {name}")
            cursor.execute(
                "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = %s),"
                f" (SELECT count(*) FROM pragma_table_info('{A}') WHERE name = 'hidden_at')",
                [FTS_TABLE],
            )
        else:
            cursor.execute(
                "SELECT set_config(%s, 'on', true), to_regclass(%s) IS NOT NULL, EXISTS ("
                "  SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(%s)"
                "  AND attname = 'hidden_at' AND NOT attisdropped)",
                [PG_PAUSED, PG_TABLE, A],
            )
        *_, indexed, hiding = cursor.fetchone()
        live = LIVE_ANSWERS if hiding else LIVE_ANSWERS_BEFORE_HIDING

    def index(question_ids: Iterable[int]) -> None:
        ids = sorted(set(question_ids))
        if indexed and ids:
            with connection.cursor() as cursor:
                _index_questions(cursor, connection.vendor, ids, live)

    yield index
    # Not reached when the block raised: the rollback puts the triggers back.
    with connection.cursor() as cursor:
        if sqlite:
            triggers = _sqlite_triggers(live)
            for name in paused:
                cursor.execute(triggers[name])
        else:
            cursor.execute("SELECT set_config(%s, 'off', true)", [PG_PAUSED])


def _index_questions(cursor, vendor: str, ids: list[int], live: str) -> None:
    """(Re)index these questions, each in one go with all its live answers."""
    if vendor == "sqlite":
        wanted = "IN (SELECT value FROM json_each(%s))"
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid {wanted}", [json.dumps(ids)])
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, title, body, answers) "
            f"SELECT id, title, body, {_sqlite_answers('q.id', live)} FROM {Q} AS q "
            f"WHERE id {wanted}",
            [json.dumps(ids)],
        )
    else:
        # Joined on the ids rather than `q.id = ANY(ids)`: a table filling up in an import
        # is not analysed yet, and the planner may then read it all to filter by the list.
        cursor.execute(
            f"INSERT INTO {PG_TABLE} (question_id, document, facets) "
            f"SELECT q.id, search_question_vector(q.title, q.body, a.text), "
            f"search_question_facets(q.id) "
            f"FROM unnest(%s::bigint[]) AS wanted(id) JOIN {Q} q ON q.id = wanted.id "
            f"LEFT JOIN LATERAL (SELECT string_agg(body, E'\\n') AS text FROM {A} "
            f"  WHERE question_id = q.id AND {live}) a ON true "
            f"ON CONFLICT (question_id) DO UPDATE SET {PG_UPSERT}",
            [ids],
        )
