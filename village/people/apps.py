from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "village.people"
    label = "people"
