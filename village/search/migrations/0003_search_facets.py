"""PostgreSQL: what search filters on (topics, answer kinds, an expert's answer) is kept with
each question's document, so a filtered search is one index look-up (village/search/schema.py).
Existing documents get theirs in one pass. SQLite filters as before, and is left alone."""

from django.db import migrations

from village.search.schema import PG_TABLE, ensure_search_schema


def add_facets(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        ensure_search_schema(connection)
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {PG_TABLE} SET facets = search_question_facets(question_id)")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_hidden_answers_leave_the_index"),
        ("experts", "0003_default_areas"),
        ("topics", "0002_topic_follows"),
        ("questions", "0004_moderation_hiding_and_locking"),
    ]

    operations = [
        migrations.RunPython(add_facets, migrations.RunPython.noop, elidable=False),
    ]
