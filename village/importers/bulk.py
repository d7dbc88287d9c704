"""Fast multi-row INSERTs for imports and generated data, on SQLite and PostgreSQL.

Django's bulk_create builds a model instance and prepares every value through its field,
which costs more than the database's own work when rows come by the hundred thousand. Here
rows are plain tuples, values are adapted once per column type, and many rows go in one
`INSERT ... VALUES (...), (...) RETURNING id`. Columns not given get their model default,
evaluated once per call. No signals are sent and save() is not called, as with bulk_create.
"""

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import UTC

from django.conf import settings
from django.db import connection as default_connection
from django.db import models

# SQLite allows 32,766 parameters per statement since 3.32; PostgreSQL 65,535.
MAX_PARAMS = 30000


class BulkInsert:
    def __init__(self, model: type[models.Model], fields: Sequence[str], connection=None):
        self.connection = connection or default_connection
        meta = model._meta
        given = [meta.get_field(name) for name in fields]
        # Every other column gets the model's default ("" for text, None when nullable).
        self.defaults = [
            field for field in meta.concrete_fields if not field.primary_key and field not in given
        ]
        columns = given + self.defaults
        quote = self.connection.ops.quote_name
        self.width = len(columns)
        self.head = (
            f"INSERT INTO {quote(meta.db_table)} "
            f"({', '.join(quote(field.column) for field in columns)}) VALUES "
        )
        self.row = "(" + ", ".join(["%s"] * self.width) + ")"
        self._statements: dict[tuple[int, bool], str] = {}
        self.returning = f" RETURNING {quote(meta.pk.column)}"
        # PostgreSQL: COPY is several times faster than INSERT for many rows. It returns no
        # ids, so when they are wanted they are taken from the table's sequence first.
        self.table, self.pk_column = meta.db_table, meta.pk.column
        self.sequence = None  # the primary key's sequence, looked up at the first insert
        self.copy = f"COPY {quote(meta.db_table)} ({', '.join(quote(f.column) for f in columns)})"
        self.copy_with_ids = (
            f"COPY {quote(meta.db_table)} "
            f"({', '.join(quote(c) for c in [meta.pk.column, *(f.column for f in columns)])})"
        )
        self.adapters = [self._adapter(field) for field in given]
        self.rows_per_statement = max(1, MAX_PARAMS // self.width)

    def _adapter(self, field) -> Callable | None:
        ops = self.connection.ops
        if isinstance(field, models.DateTimeField):
            if self.connection.vendor == "postgresql":
                return None  # psycopg takes datetimes as they are
            if self.connection.vendor == "sqlite" and settings.USE_TZ:
                # What SQLite's adapt_datetimefield_value does to an aware datetime (naive in
                # the connection's zone, as text), without its per-value checks.
                zone = self.connection.timezone

                def adapt(value):
                    if value.tzinfo is UTC and zone is UTC:
                        return str(value)[:-6]  # "... 20:09:32.720000+00:00" less the zone
                    return str(
                        value.astimezone(zone).replace(tzinfo=None) if value.tzinfo else value
                    )

                return adapt
            return ops.adapt_datetimefield_value
        if isinstance(field, models.DateField):
            return ops.adapt_datefield_value
        return None

    def _adapt(self, rows: Iterable[Sequence]) -> list[tuple]:
        adapters = self.adapters
        if not any(adapters):
            return [tuple(row) for row in rows]
        return [
            tuple(
                value if adapt is None or value is None else adapt(value)
                for adapt, value in zip(adapters, row, strict=True)
            )
            for row in rows
        ]

    def insert(self, rows: Iterable[Sequence], returning: bool = False) -> list[int]:
        """Insert rows (tuples in the order of `fields`); with returning, their new ids in order."""
        rows = self._adapt(rows)
        if not rows:
            return []
        defaults = tuple(
            field.get_db_prep_save(field.get_default(), self.connection) for field in self.defaults
        )
        if self.connection.vendor == "postgresql":
            return self._copy(rows, defaults, returning)
        ids: list[int] = []
        with self.connection.cursor() as cursor:
            execute = cursor.execute
            if self.connection.vendor == "sqlite":
                # Straight to sqlite3, with ? placeholders: Django's SQLite cursor turns %s
                # into ? with a regular expression over the whole statement, which for
                # thousands of rows costs a good part of running it.
                raw = cursor.cursor

                def execute(sql, params):
                    with self.connection.wrap_database_errors:
                        return sqlite3.Cursor.execute(raw, sql, params)

            start = 0
            for size in self._chunk_sizes(len(rows)):
                chunk = rows[start : start + size]
                start += size
                sql = self._statement(size, returning)
                params = [value for row in chunk for value in (*row, *defaults)]
                execute(sql, params)
                if returning:
                    ids.extend(row[0] for row in cursor.fetchall())
        return ids

    def _chunk_sizes(self, count: int) -> Iterator[int]:
        """Full statements, then the rest in powers of two (1000 rows: 512 + 256 + ... + 8).
        So a table is written with a dozen different statements at most, however the
        batches fall, and the statements kept (here and in sqlite3's cache of prepared
        ones, which for thousands of rows are big) stay few: memory stays flat."""
        full, rest = divmod(count, self.rows_per_statement)
        yield from [self.rows_per_statement] * full
        size = 1 << max(rest.bit_length() - 1, 0)
        while rest:
            if size <= rest:
                yield size
                rest -= size
            size >>= 1

    def _statement(self, rows: int, returning: bool) -> str:
        """INSERT ... VALUES for this many rows, kept: most batches are the same size."""
        key = (rows, returning)
        if key not in self._statements:
            row = self.row.replace("%s", "?") if self.connection.vendor == "sqlite" else self.row
            sql = self.head + ", ".join([row] * rows)
            self._statements[key] = sql + self.returning if returning else sql
        return self._statements[key]

    def _copy(self, rows: list[tuple], defaults: tuple, returning: bool) -> list[int]:
        with self.connection.cursor() as cursor:
            ids: list[int] = []
            if returning:
                if self.sequence is None:
                    cursor.execute(
                        "SELECT pg_get_serial_sequence(%s, %s)",
                        [self.connection.ops.quote_name(self.table), self.pk_column],
                    )
                    (self.sequence,) = cursor.fetchone()
                # The sequence named as a constant: pg_get_serial_sequence() in this query
                # would run again for every row.
                cursor.execute(
                    "SELECT nextval(%s::regclass) FROM generate_series(1, %s)",
                    [self.sequence, len(rows)],
                )
                ids = [row[0] for row in cursor.fetchall()]
            # Django's cursor wraps psycopg's, which does the COPY.
            with cursor.cursor.copy(
                f"{self.copy_with_ids if returning else self.copy} FROM STDIN"
            ) as copy:
                if returning:
                    for pk, row in zip(ids, rows, strict=True):
                        copy.write_row((pk, *row, *defaults))
                else:
                    for row in rows:
                        copy.write_row((*row, *defaults))
        return ids


def any_of(values: Collection, connection=None) -> tuple[str, list]:
    """SQL for `column <sql>` matching any of `values`, passed as one parameter however many
    there are (no per-value placeholders, no limit on their number): (sql, params)."""
    connection = connection or default_connection
    if connection.vendor == "postgresql":
        return "= ANY(%s)", [list(values)]
    return "IN (SELECT value FROM json_each(%s))", [json.dumps(list(values))]


def refresh_statistics(connection=None, tables: Iterable[str] = ()) -> None:
    """After a bulk load, let PostgreSQL's planner see the new rows, and tidy what they left.

    Autovacuum analyses a table only after a while (and may be off); until then the planner
    believes the tables are as small as they were, and at a million posts a question page ran
    a full scan of answers and replies (130 ms instead of 20). VACUUM also empties the search
    index's pending list (new GIN entries wait there, read in full by every search, until a
    vacuum) and marks the new pages all-visible for index-only scans: at a million posts,
    phrase and rare-word searches went from 5 ms to 2 ms. Inside a transaction only ANALYZE
    can run. SQLite plans well from its indexes alone, and its ANALYZE would have to read every
    table, so it is left as it is.

    `tables`: just the tables the load wrote to (every table when none are named). After
    importing the coffee dump, the whole database took 70-90 ms and its dozen tables 20 ms.
    """
    connection = connection or default_connection
    if connection.vendor == "postgresql":
        named = ", ".join(connection.ops.quote_name(table) for table in sorted(set(tables)))
        with connection.cursor() as cursor:
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            cursor.execute(f"{command} {named}")
