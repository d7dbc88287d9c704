"""Querysets compiled once, run many times: for the few reads every page view makes.

Building a queryset with `select_related` and annotations, and compiling it to SQL, costs the
ORM several times what the database then takes to answer (a question page spent a fifth of its
time compiling its four queries). A `Prepared` query is compiled once per database connection,
from the queryset its function builds with *markers* in place of the values, and then runs
with new values: the same SQL, each marker's parameters replaced, and each row made into model
instances exactly as the ORM's own ModelIterable makes them (the same converters, `from_db`,
select_related populators and annotations), so what comes back is what the queryset would
have returned.

    answers_of = Prepared(lambda question: Answer.objects.filter(question=question))
    answers = answers_of.all(question=42)

The function must build the same shape of query whatever the values: any choice that changes
the SQL (a filter only for members, say) is a separate Prepared query. Markers are
distinctive values the function receives and must pass straight into filters and
subqueries; a marker that doesn't reach the SQL is an error at the first run, not a
silently ignored value.
"""

from dataclasses import dataclass

import psycopg
from django.db import connections, router
from django.db.models.query import get_related_populators

_ATTRIBUTE = "_village_prepared"
BIGGEST = 2**63


def _in_range(values: dict) -> bool:
    """Values are ints (ids, within a 64-bit column) or strings, as the database takes them."""
    for value in values.values():
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TypeError(f"a prepared query takes ints and strings, not {value!r}")
        if isinstance(value, int) and not -BIGGEST <= value < BIGGEST:
            return False
    return True


@dataclass
class _Plan:
    sql: str
    params: list
    slots: dict  # marker name -> the positions of its value in params
    compiler: object
    init_list: list | None = None
    model_range: tuple[int, int] | None = None
    related: list | None = None
    annotations: dict | None = None


class Prepared:
    """A read made once per connection (see above). `build(**markers)` returns a QuerySet
    of the model; `markers` are the names it takes, each given an int (the default) or str
    marker while compiling."""

    def __init__(self, build, *, text: tuple[str, ...] = ()):
        self.build = build
        self.text = frozenset(text)
        self.model = None

    # -- reading ---------------------------------------------------------------------------

    def all(self, **values) -> list:
        if not _in_range(values):
            return []  # as the ORM: no row has an id no column can hold
        plan, connection = self._plan("all", values)
        rows = self._rows(plan, connection, values)
        return list(self._instances(plan, connection, rows))

    def first(self, **values):
        found = self.all(**values)
        return found[0] if found else None

    def exists(self, **values) -> bool:
        if not _in_range(values):
            return False
        plan, connection = self._plan("exists", values)
        with _cursor(connection) as cursor:
            cursor.execute(plan.sql, self._params(plan, values))
            return cursor.fetchone() is not None

    # -- compiling -------------------------------------------------------------------------

    def _plan(self, mode: str, values: dict):
        if self.model is None:
            self.model = self.build(**self._markers(values)).model
        connection = connections[router.db_for_read(self.model)]
        plans = connection.__dict__.setdefault(_ATTRIBUTE, {})
        plan = plans.get((self, mode))
        if plan is None:
            markers = self._markers(values)
            plan = plans[(self, mode)] = self._compile(mode, markers, connection)
        return plan, connection

    def _markers(self, values: dict) -> dict:
        markers = {}
        for index, name in enumerate(sorted(values)):
            number = -1_987_654_000 - index  # within every database's integer range
            markers[name] = f"village-marker-{number}" if name in self.text else number
        return markers

    def _compile(self, mode: str, markers: dict, connection) -> _Plan:
        query = self.build(**markers).query
        if mode == "exists":
            query = query.exists(limit=True)
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        params = list(params)
        slots = {name: [i for i, p in enumerate(params) if p == m] for name, m in markers.items()}
        missing = [name for name, where in slots.items() if not where]
        if missing:
            raise ValueError(f"markers {missing} don't reach the SQL of {self.build}")
        plan = _Plan(sql=sql, params=params, slots=slots, compiler=compiler)
        if mode == "all":
            select, klass_info = compiler.select, compiler.klass_info
            fields = klass_info["select_fields"]
            plan.model_range = (fields[0], fields[-1] + 1)
            plan.init_list = [f[0].target.attname for f in select[fields[0] : fields[-1] + 1]]
            plan.related = get_related_populators(klass_info, select, connection.alias)
            plan.annotations = compiler.annotation_col_map
        return plan

    # -- running ---------------------------------------------------------------------------

    @staticmethod
    def _params(plan: _Plan, values: dict) -> list:
        params = list(plan.params)
        for name, positions in plan.slots.items():
            for position in positions:
                params[position] = values[name]
        return params

    def _rows(self, plan: _Plan, connection, values: dict) -> list:
        with _cursor(connection) as cursor:
            cursor.execute(plan.sql, self._params(plan, values))
            return cursor.fetchall()

    @staticmethod
    def _instances(plan: _Plan, connection, rows):
        model = plan.compiler.klass_info["model"]
        start, end = plan.model_range
        for row in plan.compiler.results_iter([rows]):
            obj = model.from_db(connection.alias, plan.init_list, row[start:end])
            for populator in plan.related:
                populator.populate(row, obj)
            for name, position in plan.annotations.items():
                setattr(obj, name, row[position])
            yield obj


def _cursor(connection):
    """A cursor as `connection.cursor()` gives (its queries logged and wrapped as any), but on
    PostgreSQL one that has the server prepare each statement and keep its plan for the
    connection: planning these joins took three times as long as running them. Django's own
    cursors bind values on the client, so they never prepare (pgbouncer in transaction mode
    needs `max_prepared_statements` for this: docs/deployment.md)."""
    if connection.vendor != "postgresql":
        return connection.cursor()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        return connection._prepare_cursor(_PreparingCursor(connection.connection))


class _Shown:
    """What Django's query log reads of a client-binding cursor (`_query.query`), made only
    when it is read."""

    def __init__(self, connection, query, params):
        self.connection, self.sql, self.params = connection, query, params

    @property
    def query(self) -> bytes:
        return psycopg.ClientCursor(self.connection).mogrify(self.sql, self.params).encode()


class _PreparingCursor(psycopg.Cursor):
    def execute(self, query, params=None, **kwargs):
        super().execute(query, params, prepare=True, **kwargs)
        self._query = _Shown(self.connection, query, params)  # reset by the next execute
        return self
