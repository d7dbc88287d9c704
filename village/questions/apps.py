from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "village.questions"
    label = "questions"
