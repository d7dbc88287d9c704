"""Answers a moderator hid leave the search index, and come back when shown again.

The triggers now watch `hidden_at` too (village/search/schema.py); the index is rebuilt once
so answers hidden before this change leave it as well.
"""

from django.db import migrations

from village.search.schema import ensure_search_schema, rebuild_search_index


def reindex(apps, schema_editor):
    connection = schema_editor.connection
    ensure_search_schema(connection)
    rebuild_search_index(connection)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_index"),
        ("questions", "0004_moderation_hiding_and_locking"),
    ]

    operations = [
        migrations.RunPython(reindex, migrations.RunPython.noop, elidable=False),
    ]
