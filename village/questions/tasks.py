"""Background tasks for questions: telling people what happened. Each takes ids and is safe to
run twice (the notifications app remembers every event it has announced)."""

from django.db import transaction
from django_tasks import task

from village.questions import announcements


@task()
def announce_answer(answer_id: int) -> int:
    return announcements.announce_answer(answer_id)


@task()
def announce_reply(reply_id: int) -> int:
    return announcements.announce_reply(reply_id)


@task()
def announce_helpful(answer_id: int, voter_id: int) -> int:
    return announcements.announce_helpful(answer_id, voter_id)


@task()
def announce_question(question_id: int) -> int:
    return announcements.announce_question(question_id)


def after_commit(announcer, *ids: int) -> None:
    """Enqueue an announcement once the write it describes has committed."""
    transaction.on_commit(lambda: announcer.enqueue(*ids))
