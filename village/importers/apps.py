from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "village.importers"
    label = "importers"
    verbose_name = "Imports"
