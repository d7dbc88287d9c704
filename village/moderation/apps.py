from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "village.moderation"
    label = "moderation"
