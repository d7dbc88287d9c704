from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate

from village.search.schema import ensure_search_schema, rebuild_search_index


def _ensure_index(sender, using, **kwargs):
    """After every migrate (and test flush): put back triggers a table rebuild dropped."""
    connection = connections[using]
    if ensure_search_schema(connection):
        rebuild_search_index(connection)


class SearchConfig(AppConfig):
    name = "village.search"
    label = "search"
    verbose_name = "Search"

    def ready(self):
        post_migrate.connect(_ensure_index, sender=self, dispatch_uid="village.search.index")
