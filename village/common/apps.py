from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "village.common"
    label = "common"
