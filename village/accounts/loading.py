"""The signed-in person, with their profile and expert profile, in one prepared query.

Every request of a member starts here (AuthenticationMiddleware asks the backend for the user),
and on a kept page it is the only query. The ORM builds and compiles the same three-table
SELECT on every request, which costs several times the query itself; here the SQL is made
once per process from the models' own columns, and each row becomes model instances exactly
as the ORM's select_related leaves them: values through the same converters, `from_db`, and
the profile and expert profile cached on the user (None when there is none, so reading it
raises DoesNotExist as usual).
"""

from django.core.exceptions import ValidationError
from django.db import connection

from village.accounts.models import Profile, User
from village.experts.models import ExpertProfile

# (model, table alias, the one-to-one field on it that points at the user)
_TABLES = ((User, "u", None), (Profile, "p", "user"), (ExpertProfile, "e", "user"))


def _plan(connection):
    """The SQL and each column's converters, made once per database connection."""
    plan = getattr(connection, "_village_signed_in_plan", None)
    if plan is None:
        plan = connection._village_signed_in_plan = _make_plan(connection)
    return plan


def _make_plan(connection):
    quote = connection.ops.quote_name
    user_pk = quote(User._meta.pk.column)
    columns, parts = [], []
    joins = ""
    for model, alias, link in _TABLES:
        fields = model._meta.concrete_fields
        start = len(columns)
        converters = []
        for field in fields:
            col = field.get_col(alias)
            columns.append(f"{alias}.{quote(field.column)}")
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            converters.append((col, found))
        pk_index = fields.index(model._meta.pk)
        parts.append((model, start, len(columns), converters, link, pk_index))
        if link:
            column = quote(model._meta.get_field(link).column)
            joins += f" LEFT JOIN {quote(model._meta.db_table)} {alias}"
            joins += f" ON {alias}.{column} = u.{user_pk}"
    sql = (
        f"SELECT {', '.join(columns)} FROM {quote(User._meta.db_table)} u{joins}"
        f" WHERE u.{user_pk} = %s"
    )
    return sql, parts


def load_signed_in(user_id) -> User | None:
    try:
        user_id = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    sql, parts = _plan(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    user = None
    for model, start, end, converters, link, pk_index in parts:
        values = list(row[start:end])
        for index, (col, found) in enumerate(converters):
            for converter in found:
                values[index] = converter(values[index], col, connection)
        if link is None:
            user = User.from_db(connection.alias, None, values)
            continue
        found = values[pk_index] is not None
        related = model.from_db(connection.alias, None, values) if found else None
        field = model._meta.get_field(link)
        field.remote_field.set_cached_value(user, related)  # user.profile
        if related is not None:
            field.set_cached_value(related, user)  # profile.user
    return user
