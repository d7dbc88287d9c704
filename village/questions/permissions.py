"""Who may see and do what with questions. Yes/no checks return bool; check_* ones raise."""

from django.core.exceptions import PermissionDenied

from village.accounts.models import Profile
from village.accounts.permissions import can_post, check_can_post
from village.questions.models import Answer, Question


def is_moderator(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.profile.role in (Profile.Role.MODERATOR, Profile.Role.ADMIN)


def can_see_question(user, question: Question) -> bool:
    if question.status == Question.Status.PUBLISHED:
        return True
    return is_moderator(user)


def can_answer(user, question: Question) -> bool:
    return can_post(user) and question.status == Question.Status.PUBLISHED


def check_can_answer(user, question: Question) -> None:
    check_can_post(user)
    if question.status != Question.Status.PUBLISHED:
        raise PermissionDenied("This question is closed to new answers.")


def can_mark_helpful(user, answer: Answer) -> bool:
    return can_post(user) and answer.author_id != user.pk


def check_can_mark_helpful(user, answer: Answer) -> None:
    check_can_post(user)
    if answer.author_id == user.pk:
        raise PermissionDenied("You can't mark your own answer as helpful.")


def check_can_reply(user, answer: Answer) -> None:
    check_can_post(user)
    if answer.question.status != Question.Status.PUBLISHED:
        raise PermissionDenied("This conversation is closed.")
