"""The search index is not a Django model: it is an FTS5 table on SQLite and a tsvector table
on PostgreSQL, created and kept in step by the database itself (see schema.py).

This module exists so Django sends this app's post_migrate signal (apps.py).
"""
