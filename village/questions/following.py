"""Following questions: the asker and answerers automatically, anyone else by choice."""

from django.db import IntegrityError, transaction

from village.common.prepared import Prepared
from village.questions.models import Question, QuestionFollow
from village.topics.permissions import check_can_follow


def follow_question(user, question: Question) -> QuestionFollow:
    """Follow a question; following it again changes nothing.

    Called by ask_question and post_answer (whose own checks already ran) and by the
    follow button, which checks can_follow first.
    """
    try:
        with transaction.atomic():
            follow, _ = QuestionFollow.objects.get_or_create(user=user, question=question)
    except IntegrityError:
        follow = QuestionFollow.objects.get(user=user, question=question)
    return follow


def choose_to_follow_question(*, user, question: Question) -> QuestionFollow:
    """The follow button: a member chooses to follow a question."""
    check_can_follow(user)
    return follow_question(user, question)


def unfollow_question(*, user, question: Question) -> None:
    """Stop following a question; the asker and answerers may too."""
    QuestionFollow.objects.filter(user=user, question=question).delete()


def is_following_question(user, question: Question) -> bool:
    if not user.is_authenticated:
        return False
    return _FOLLOWS.exists(user=user.pk, question=question.pk)


# Asked on every question page a member sees: compiled once.
_FOLLOWS = Prepared(
    lambda user, question: QuestionFollow.objects.filter(user=user, question=question)
)
