"""Who may see and do what with questions. Yes/no checks return bool; check_* ones raise.

Every write starts with village.accounts.permissions.check_can_post() (signed in, active,
email confirmed, not suspended); the functions here add the rules of each post.
"""

from django.core.exceptions import PermissionDenied

from village.accounts.models import Profile
from village.accounts.permissions import can_post, check_can_post
from village.questions.models import Answer, Question, Reply


def is_moderator(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.profile.role in (Profile.Role.MODERATOR, Profile.Role.ADMIN)


def can_see_question(user, question: Question) -> bool:
    """Published and author-deleted questions stay readable; hidden ones only for their author
    (beneath a notice) and moderators."""
    if question.status in (Question.Status.PUBLISHED, Question.Status.DELETED):
        return True
    return is_moderator(user) or (user.is_authenticated and user.pk == question.author_id)


def can_see_hidden(user, post: Question | Answer | Reply) -> bool:
    """A post a moderator hid stays visible, with a notice, to its author and to moderators."""
    return is_moderator(user) or (user.is_authenticated and user.pk == post.author_id)


def can_see_asker(user, question: Question) -> bool:
    """Whether this person may know who asked: always, unless the question is anonymous."""
    if not question.is_anonymous:
        return True
    return is_moderator(user) or (user.is_authenticated and user.pk == question.author_id)


def can_ask(user) -> bool:
    return can_post(user)


def check_can_ask(user) -> None:
    check_can_post(user)


def can_answer(user, question: Question) -> bool:
    return (
        can_post(user) and question.status == Question.Status.PUBLISHED and not question.is_locked
    )


def check_can_answer(user, question: Question) -> None:
    check_can_post(user)
    if question.status != Question.Status.PUBLISHED:
        raise PermissionDenied("This question is closed to new answers.")
    if question.is_locked:
        raise PermissionDenied("A moderator has locked this question, so it takes no new answers.")


def can_mark_helpful(user, answer: Answer) -> bool:
    return (
        can_post(user)
        and answer.author_id != user.pk
        and not answer.is_deleted
        and not answer.is_hidden
    )


def check_can_mark_helpful(user, answer: Answer) -> None:
    check_can_post(user)
    if answer.author_id == user.pk:
        raise PermissionDenied("You can't mark your own answer as helpful.")
    if answer.is_deleted:
        raise PermissionDenied("This answer has been deleted.")
    if answer.is_hidden:
        raise PermissionDenied("A moderator has hidden this answer.")


def can_reply(user, answer: Answer) -> bool:
    return can_post(user) and answer.accepts_replies


def check_can_reply(user, answer: Answer) -> None:
    check_can_post(user)
    if answer.question.status != Question.Status.PUBLISHED:
        raise PermissionDenied("This conversation is closed.")
    if answer.question.is_locked:
        raise PermissionDenied("A moderator has locked this question, so it takes no new replies.")
    if answer.is_deleted:
        raise PermissionDenied("This answer has been deleted, so it can't take new replies.")
    if answer.is_hidden:
        raise PermissionDenied("A moderator has hidden this answer, so it can't take new replies.")


def _is_live(post: Question | Answer | Reply) -> bool:
    if isinstance(post, Question):
        return post.status == Question.Status.PUBLISHED
    return post.deleted_at is None and post.hidden_at is None


def can_change(user, post: Question | Answer | Reply) -> bool:
    """May this person edit or delete this post? Only its author, while they may post."""
    return can_post(user) and post.author_id == user.pk and _is_live(post)


def check_can_change(user, post: Question | Answer | Reply) -> None:
    check_can_post(user)
    if post.author_id != user.pk:
        raise PermissionDenied("Only the person who wrote this can change it.")
    if not _is_live(post):
        raise PermissionDenied("This has been deleted or hidden, so it can't be changed.")
