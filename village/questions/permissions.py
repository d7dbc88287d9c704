"""Who may see and do what with questions. Yes/no checks return bool; check_* ones raise."""

from django.core.exceptions import PermissionDenied

from village.accounts.models import Profile
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
    return user.is_authenticated and user.is_active and question.status == Question.Status.PUBLISHED


def check_can_answer(user, question: Question) -> None:
    if not can_answer(user, question):
        raise PermissionDenied("You can't answer this question.")


def can_mark_helpful(user, answer: Answer) -> bool:
    return user.is_authenticated and user.is_active and answer.author_id != user.pk


def check_can_mark_helpful(user, answer: Answer) -> None:
    if not can_mark_helpful(user, answer):
        raise PermissionDenied("You can't mark your own answer as helpful.")
