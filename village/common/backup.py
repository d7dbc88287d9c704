"""A consistent copy of a live SQLite database, taken with SQLite's online backup API.

The copy is made in one step inside a read transaction, so it is a snapshot of one moment:
in WAL mode the site's writers carry on meanwhile, and nothing half-written is copied. It is
written beside the target first and renamed into place once it passes an integrity check,
so a backup file that exists is always a whole one.
"""

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Backup:
    path: Path
    bytes: int
    seconds: float
    integrity: str


class BackupError(Exception):
    pass


def backup_sqlite(source: str | Path, target: str | Path, busy_timeout: float = 30.0) -> Backup:
    """Copy the SQLite database at `source` to `target` (a file, or a folder to put it in)."""
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise BackupError(f"There is no database file at {source}.")
    if target.is_dir():
        target = target / f"{source.stem}-{time.strftime('%Y%m%d-%H%M%S')}{source.suffix}"
    if target.resolve() == source.resolve():
        raise BackupError("The backup would overwrite the database itself.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    # Read-only: a backup never writes to the live database.
    live = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout)
    copy = sqlite3.connect(partial)
    try:
        live.backup(copy, pages=-1)  # all pages in one step: one consistent snapshot
        copy.execute("PRAGMA journal_mode=DELETE")  # a self-contained file, no -wal beside it
        integrity = copy.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        copy.close()
        live.close()
    if integrity != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"The copy failed its integrity check: {integrity}")
    os.replace(partial, target)
    return Backup(target, target.stat().st_size, time.perf_counter() - started, integrity)
