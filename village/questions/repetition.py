"""The same text posted again and again: a sign of spam, refused after a few times a day."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from village.questions.models import Answer, Question, Reply

WINDOW = timedelta(days=1)


class RepeatedText(Exception):
    """The member has already posted this exact text as often as a day allows."""

    def __init__(self, field: str = "body"):
        self.field = field
        super().__init__(
            "You've already posted these exact words several times today. "
            "Please write something new, or change this to suit the conversation."
        )


def times_posted_today(author, text: str) -> int:
    """How often this member posted this exact text (as a question, answer or reply) today."""
    text = text.strip()
    since = timezone.now() - WINDOW
    mine = {"author": author, "created_at__gte": since}
    return (
        Question.objects.filter(title=text, **mine).count()
        + (Question.objects.filter(body=text, **mine).count() if text else 0)
        + Answer.objects.filter(body=text, **mine).count()
        + Reply.objects.filter(body=text, **mine).count()
    )


def check_not_repeated(author, text: str, field: str = "body") -> None:
    """Raise RepeatedText when this text was already posted REPEATED_TEXT_PER_DAY times today.

    `field` names the form field the message belongs beside.
    """
    if text.strip() and times_posted_today(author, text) >= settings.REPEATED_TEXT_PER_DAY:
        raise RepeatedText(field)
