"""`manage.py import_stackexchange DIR`: bring a Stack Exchange data dump into Village.

Safe to run again (nothing is duplicated) and to stop at any moment (the next run carries on).
"""

import gc
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from village.importers.bulk import refresh_statistics
from village.importers.progress import FileProgress
from village.importers.stackexchange import BATCH_SIZE, StackExchangeImporter, Tally
from village.search.schema import index_size, rebuild_search_index


class Command(BaseCommand):
    help = "Import a Stack Exchange data dump folder (Posts.xml, Users.xml, ...) into Village."

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", type=Path, help="The dump folder, e.g. .../coffee.stackexchange.com"
        )
        parser.add_argument(
            "--site",
            default="",
            help="The site's host name, for links and attribution (default: the folder's name).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help="Rows written per transaction (default %(default)s).",
        )
        parser.add_argument(
            "--reindex",
            action="store_true",
            help="Rebuild the whole search index afterwards (the database keeps it in step "
            "as rows arrive, so this is only needed after changing the index itself).",
        )

    def handle(self, *args, folder: Path, site: str, batch_size: int, reindex: bool, **options):
        verbosity = options["verbosity"]
        if not (folder / "Posts.xml").is_file():
            raise CommandError(f"{folder} has no Posts.xml: point me at a data dump folder.")

        def on_batch(label: str, rows: int) -> None:
            if verbosity >= 2:
                self.stdout.write(f"committed {rows} rows ({label})")
                self.stdout.flush()

        importer = StackExchangeImporter(
            folder,
            site=site,
            batch_size=batch_size,
            progress=FileProgress(self.stderr._out, enabled=verbosity >= 1),
            on_batch=on_batch,
        )
        # Everything made while starting up lasts as long as the command: out of the garbage
        # collector's full passes, which otherwise walk it all again and again as rows are
        # made (a tenth of the coffee dump's import, in a process that compiled its modules).
        gc.collect()
        gc.freeze()
        started = time.perf_counter()
        tallies = importer.run()
        # PostgreSQL: plan with the new rows from the start
        refresh_statistics(connection, importer.tables)
        elapsed = time.perf_counter() - started
        if reindex:
            rebuild_search_index(connection)
        if verbosity >= 1:
            self._summary(importer.site, tallies, elapsed)
        if not all(t.balanced for t in tallies.values()):
            raise CommandError("Some rows are not accounted for: see the summary above.")

    def _summary(self, site: str, tallies: dict[str, Tally], elapsed: float) -> None:
        write = self.stdout.write
        posts = tallies["questions"].read + tallies["answers"].read + tallies["other_posts"].read
        rows = sum(t.read for t in tallies.values())
        write("")
        write(self.style.MIGRATE_HEADING(f"Stack Exchange import: {site}"))
        write(
            f"{posts:,} posts in {elapsed:.2f} s: {posts / elapsed:,.0f} posts/s "
            f"({rows:,} rows from all files, {rows / elapsed:,.0f} rows/s)"
        )
        posts_seconds = tallies["questions"].seconds + tallies["answers"].seconds
        if posts_seconds:
            write(
                f"Posts.xml alone (questions and answers, with the answers' counters): "
                f"{posts_seconds:.2f} s, {posts / posts_seconds:,.0f} posts/s"
            )
        write("")
        write(f"{'':32} {'in dump':>8} {'imported':>9} {'earlier':>8} {'skipped':>8}")
        for tally in tallies.values():
            label = f"{tally.label} ({tally.source})"
            if tally.missing_file:
                write(f"{label:32} {tally.source} is not in this dump")
                continue
            skipped = sum(tally.skipped.values())
            counts = f"{tally.read:>8,} {tally.imported:>9,} {tally.earlier:>8,} {skipped:>8,}"
            write(f"{label:32} {counts}")
            for reason, count in tally.skipped.most_common():
                write(f"    skipped {count:,}: {reason}")
            for note, count in tally.notes.most_common():
                write(f"    note: {count:,} {note}")
        write("")
        unbalanced = [t.label for t in tallies.values() if not t.balanced]
        if unbalanced:
            write(self.style.ERROR(f"Rows not accounted for in: {', '.join(unbalanced)}"))
        else:
            write(self.style.SUCCESS("Every row in the dump is accounted for."))
        write(f"Search index: {index_size(connection):,} questions, kept in step as rows arrive.")
