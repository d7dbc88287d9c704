from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "village.notifications"
    label = "notifications"
