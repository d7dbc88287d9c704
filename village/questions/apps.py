from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "village.questions"
    label = "questions"

    def ready(self):
        from village.questions import signals

        signals.connect()
