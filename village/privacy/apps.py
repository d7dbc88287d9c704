from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "village.privacy"
    label = "privacy"
