from django.core.management.base import BaseCommand
from django.db import connections

from village.common.progress import ProgressBar
from village.search.schema import index_size, rebuild_search_index


class Command(BaseCommand):
    help = "Index every question again (searching keeps working while it runs)."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias to rebuild.")

    def handle(self, *args, database, verbosity, **options):
        connection = connections[database]
        bar = ProgressBar("Indexing questions", stream=self.stdout) if verbosity else None
        total = rebuild_search_index(connection, progress=bar.update if bar else _quiet)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Indexed {total:,} questions on {connection.vendor}; "
                    f"the index holds {index_size(connection):,}."
                )
            )


def _quiet(done: int, total: int) -> None:
    return None
