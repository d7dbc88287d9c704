"""`manage.py backup [PATH]`: a consistent copy of the default SQLite database, safe to run
while the site is serving and writing. On PostgreSQL it explains pg_dump instead."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from village.common.backup import BackupError, backup_sqlite

PG_DUMP_HELP = """This site runs on PostgreSQL, which has its own tools for consistent backups
while the site runs. Use pg_dump, for example:

    pg_dump --format=custom --file=village-$(date +%Y%m%d-%H%M%S).dump "$DATABASE_URL"

and restore into an empty database with:

    pg_restore --no-owner --dbname="$DATABASE_URL" village-YYYYmmdd-HHMMSS.dump

docs/deployment.md has more: scheduling, retention, and point-in-time recovery."""


class Command(BaseCommand):
    help = "Make a consistent copy of the default SQLite database while the site runs."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            help="Where to write the copy: a file such as backup.sqlite3, or a folder "
            "(default: var/backups/), where the copy is named after the database and the time.",
        )

    def handle(self, *args, path: Path | None, **options):
        database = connections["default"]
        if database.vendor == "postgresql":
            raise CommandError(PG_DUMP_HELP)
        if database.vendor != "sqlite":
            raise CommandError(f"Backups of {database.vendor} databases are not supported here.")
        name = str(database.settings_dict["NAME"])
        if name in ("", ":memory:") or "mode=memory" in name:
            raise CommandError("The database is in memory: there is no file to back up.")
        target = path or Path(settings.VAR_DIR) / "backups"
        if not target.suffix:  # a folder (made if need be); a file name has a suffix
            target.mkdir(parents=True, exist_ok=True)
        try:
            backup = backup_sqlite(name, target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up {name} to {backup.path} ({backup.bytes / 1_048_576:,.1f} MB in "
            f"{backup.seconds:.2f} s; integrity check: {backup.integrity})."
        )
