"""`manage.py backup` copies a live SQLite database: consistent while writes carry on."""

import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings

from village.common.backup import BackupError, backup_sqlite


def make_database(path):
    """A WAL database with two tables a writer keeps in step: a torn copy would show it."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, note TEXT)")
    db.execute("CREATE TABLE order_lines (id INTEGER PRIMARY KEY, order_id INTEGER, note TEXT)")
    db.commit()
    db.close()


class Writer(threading.Thread):
    """Writes an order and its two lines per transaction, as fast as it can, until stopped."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path = path
        self.stop = threading.Event()
        self.transactions = 0

    def run(self):
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA busy_timeout=30000")
        while not self.stop.is_set():
            db.execute("BEGIN IMMEDIATE")
            order = db.execute("INSERT INTO orders (note) VALUES (?)", ["x" * 200]).lastrowid
            db.executemany(
                "INSERT INTO order_lines (order_id, note) VALUES (?, ?)",
                [(order, "y" * 300), (order, "z" * 300)],
            )
            db.execute("COMMIT")
            self.transactions += 1
        db.close()

    def wait_for(self, transactions):
        deadline = time.monotonic() + 30
        while self.transactions < transactions and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self.transactions >= transactions


def assert_whole_copy(path):
    copy = sqlite3.connect(path)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orders = copy.execute("SELECT count(*) FROM orders").fetchone()[0]
        lines = copy.execute("SELECT count(*) FROM order_lines").fetchone()[0]
        assert orders > 0
        assert lines == 2 * orders  # a snapshot of one moment, never half a transaction
        return orders
    finally:
        copy.close()


def test_a_backup_taken_while_writes_run_is_whole_and_consistent(tmp_path):
    live = tmp_path / "live.sqlite3"
    make_database(live)
    writer = Writer(live)
    writer.start()
    try:
        writer.wait_for(200)
        copies = [backup_sqlite(live, tmp_path / f"copy-{n}.sqlite3") for n in range(5)]
        still_writing = writer.transactions
        writer.wait_for(still_writing + 50)  # the writer was never blocked for good
    finally:
        writer.stop.set()
        writer.join()
    counts = [assert_whole_copy(copy.path) for copy in copies]
    assert counts == sorted(counts)
    assert all(copy.integrity == "ok" for copy in copies)
    assert not list(tmp_path.glob(".*.partial"))


def test_the_backup_command_copies_the_default_database_while_a_writer_runs(tmp_path):
    live = tmp_path / "village.sqlite3"
    make_database(live)
    writer = Writer(live)
    writer.start()
    try:
        writer.wait_for(100)
        result = subprocess.run(
            [sys.executable, "manage.py", "backup", str(tmp_path / "backups")],
            cwd=settings.BASE_DIR,
            env={**os.environ, "DATABASE_URL": f"sqlite:///{live}"},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        writer.stop.set()
        writer.join()
    assert result.returncode == 0, result.stderr
    assert "integrity check: ok" in result.stdout
    (copy,) = (tmp_path / "backups").glob("village-*.sqlite3")
    assert assert_whole_copy(copy) >= 100


def test_a_backup_of_a_database_nobody_has_open_works_too(tmp_path):
    live = tmp_path / "quiet.sqlite3"
    make_database(live)
    backup = backup_sqlite(live, tmp_path / "copy.sqlite3")
    assert backup.integrity == "ok"


def test_a_backup_never_overwrites_the_database_itself(tmp_path):
    live = tmp_path / "live.sqlite3"
    make_database(live)
    with pytest.raises(BackupError, match="overwrite"):
        backup_sqlite(live, live)


def test_on_postgresql_the_command_explains_pg_dump(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "backup"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "pg_dump --format=custom" in result.stderr
