"""Fast multi-row INSERTs for imports and generated data, on SQLite and PostgreSQL.

Django's bulk_create builds a model instance and prepares every value through its field,
which costs more than the database's own work when rows come by the hundred thousand. Here
rows are plain tuples, values are adapted once per column type, and many rows go in one
`INSERT ... VALUES (...), (...) RETURNING id`. Columns not given get their model default,
evaluated once per call. No signals are sent and save() is not called, as with bulk_create.
"""

from collections.abc import Callable, Iterable, Sequence

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
        self.returning = f" RETURNING {quote(meta.pk.column)}"
        # PostgreSQL: COPY is several times faster than INSERT for many rows. It returns no
        # ids, so when they are wanted they are taken from the table's sequence first.
        self.table, self.pk_column = meta.db_table, meta.pk.column
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
            for start in range(0, len(rows), self.rows_per_statement):
                chunk = rows[start : start + self.rows_per_statement]
                sql = self.head + ", ".join([self.row] * len(chunk))
                params = [value for row in chunk for value in (*row, *defaults)]
                if returning:
                    cursor.execute(sql + self.returning, params)
                    ids.extend(row[0] for row in cursor.fetchall())
                else:
                    cursor.execute(sql, params)
        return ids

    def _copy(self, rows: list[tuple], defaults: tuple, returning: bool) -> list[int]:
        with self.connection.cursor() as cursor:
            ids: list[int] = []
            if returning:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [self.connection.ops.quote_name(self.table), self.pk_column, len(rows)],
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
