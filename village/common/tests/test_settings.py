"""The default SQLite database is set up for a web server: WAL, busy timeout, IMMEDIATE writes."""

from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper


def test_default_sqlite_connection_uses_wal_and_a_busy_timeout(tmp_path, django_db_blocker):
    wrapper = DatabaseWrapper(
        {
            **settings.DATABASES["default"],
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp_path / "village.sqlite3"),
            "OPTIONS": settings.SQLITE_OPTIONS,
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
        }
    )
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
            assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert wrapper.transaction_mode == "IMMEDIATE"
    finally:
        wrapper.close()


def test_debug_is_off_unless_asked_for():
    assert settings.DEBUG is False
