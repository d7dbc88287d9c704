from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "village.topics"
    label = "topics"
