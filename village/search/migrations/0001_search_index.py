"""The search index and its triggers (see village/search/schema.py), filled from what exists."""

from django.db import migrations

from village.search.schema import drop_search_schema, ensure_search_schema, rebuild_search_index


def create_index(apps, schema_editor):
    connection = schema_editor.connection
    ensure_search_schema(connection)
    rebuild_search_index(connection)


def drop_index(apps, schema_editor):
    drop_search_schema(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0003_question_follows"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
