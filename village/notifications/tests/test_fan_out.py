"""A question's followers are told of a new answer in groups: a few queries per group, not per
person, with everything each one is owed (their preference, their unread notification, once)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory
from tests.mail import run_worker
from village.notifications import services as notifications
from village.notifications.models import EmailMode, Notification, NotificationEvent
from village.questions import services
from village.questions.announcements import announce_answer

pytestmark = pytest.mark.django_db(transaction=True)


def followed_question(followers: int):
    question = QuestionFactory()
    people = [MemberFactory() for _ in range(followers)]
    for person in people:
        services.follow_question(person, question)
    return question, people


def queries_to_announce(answer) -> int:
    with CaptureQueriesContext(connection) as queries:
        told = announce_answer(answer.pk)
    assert told > 0
    return len(queries)


def test_telling_forty_followers_costs_the_queries_of_telling_three(smtp_server):
    few, _ = followed_question(3)
    many, _ = followed_question(40)
    run_worker()
    cost_few = queries_to_announce(AnswerFactory(question=few))
    cost_many = queries_to_announce(AnswerFactory(question=many))
    assert cost_many == cost_few, (cost_few, cost_many)


def test_each_follower_gets_what_they_are_owed_when_told_together(smtp_server):
    question, people = followed_question(6)
    instant, off, gone, reading, unread, plain = people
    notifications.set_email_preferences(
        user=instant, modes={Notification.Kind.ANSWER_TO_FOLLOWED: EmailMode.INSTANT}
    )
    notifications.set_email_preferences(
        user=off, modes={Notification.Kind.ANSWER_TO_FOLLOWED: EmailMode.OFF}
    )
    gone.is_active = False
    gone.save()
    first = AnswerFactory(question=question)
    run_worker()
    Notification.objects.filter(recipient=reading).update(read_at="2026-01-01T00:00Z")

    second = AnswerFactory(question=question)
    run_worker()
    assert announce_answer(second.pk) == 0  # a task that runs again tells nobody twice

    def notes(person):
        return list(Notification.objects.filter(recipient=person).values_list("message", "count"))

    title = f"“{question.title}”"
    assert notes(gone) == []
    assert notes(unread) == notes(plain) == [(f"2 new answers on {title}", 2)]
    assert notes(reading) == [(f"New answer on {title}", 1), (f"New answer on {title}", 1)]
    assert second.author not in people and first.author not in people
    modes = dict(
        NotificationEvent.objects.filter(key=f"answer:{second.pk}").values_list(
            "recipient_id", "email_mode"
        )
    )
    assert modes == {
        question.author_id: EmailMode.INSTANT,  # the asker, told as the asker
        instant.pk: EmailMode.INSTANT,
        off.pk: EmailMode.OFF,
        reading.pk: EmailMode.DAILY,
        unread.pk: EmailMode.DAILY,
        plain.pk: EmailMode.DAILY,
        first.author_id: EmailMode.DAILY,  # who answered follows the question now
    }
    assert len(smtp_server.messages_to(instant.email)) == 2
    assert smtp_server.messages_to(plain.email) == []
    assert smtp_server.messages_to(off.email) == []
