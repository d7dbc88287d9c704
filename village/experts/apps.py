from django.apps import AppConfig


class ExpertsConfig(AppConfig):
    name = "village.experts"
    label = "experts"
