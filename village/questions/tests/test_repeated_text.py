"""The same text posted again and again by the same member is refused, with a clear message."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory, TopicFactory
from village.questions import services
from village.questions.models import Reply
from village.questions.repetition import RepeatedText

SPAM = "Visit my shop for the best deals on baby gear!"


@pytest.fixture(autouse=True)
def _three_a_day(settings):
    settings.REPEATED_TEXT_PER_DAY = 3


def test_the_same_reply_a_fourth_time_in_a_day_is_refused(parent):
    answers = [AnswerFactory() for _ in range(4)]
    for answer in answers[:3]:
        services.post_reply(author=parent, answer=answer, body=SPAM)
    with pytest.raises(RepeatedText):
        services.post_reply(author=parent, answer=answers[3], body=SPAM)


def test_the_same_text_from_different_members_is_fine(db):
    answer = AnswerFactory()
    for _ in range(4):
        services.post_reply(author=MemberFactory(), answer=answer, body="Thank you!")
    assert Reply.objects.count() == 4


def test_yesterdays_posts_do_not_count(parent):
    answers = [AnswerFactory() for _ in range(4)]
    yesterday = timezone.now() - timedelta(days=1, minutes=1)
    for answer in answers[:3]:
        services.post_reply(author=parent, answer=answer, body=SPAM, created_at=yesterday)
    services.post_reply(author=parent, answer=answers[3], body=SPAM)


def test_answers_and_replies_with_the_same_text_count_together(parent):
    for _ in range(2):
        services.post_answer(author=parent, question=QuestionFactory(), body=SPAM, kind="opinion")
    services.post_reply(author=parent, answer=AnswerFactory(), body=SPAM)
    with pytest.raises(RepeatedText):
        services.post_answer(author=parent, question=QuestionFactory(), body=SPAM, kind="opinion")


def test_a_repeated_answer_shows_the_message_next_to_the_field_and_keeps_the_text(client, parent):
    for _ in range(3):
        services.post_answer(author=parent, question=QuestionFactory(), body=SPAM, kind="opinion")
    question = QuestionFactory()
    client.force_login(parent)
    response = client.post(
        reverse("questions:answer", args=[question.pk, question.slug]),
        {"kind": "opinion", "body": SPAM},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "You&#x27;ve already posted these exact words several times today." in html
    assert SPAM in html  # nothing typed is lost
    assert not question.answers.exists()


def test_a_repeated_reply_without_javascript_shows_the_message_beside_the_box(client, parent):
    for _ in range(3):
        services.post_reply(author=parent, answer=AnswerFactory(), body=SPAM)
    answer = AnswerFactory()
    client.force_login(parent)
    response = client.post(reverse("questions:reply", args=[answer.pk]), {"body": SPAM})
    assert response.status_code == 200
    assert b"already posted these exact words" in response.content
    assert not answer.replies.exists()


def test_a_repeated_question_title_is_refused_beside_the_title(client, parent):
    topic = TopicFactory()
    for _ in range(3):
        services.ask_question(author=parent, title=SPAM, topics=[topic])
    client.force_login(parent)
    response = client.post(reverse("questions:ask"), {"title": SPAM, "topics": [topic.pk]})
    assert response.status_code == 200
    assert response.context["form"].errors["title"] == [str(RepeatedText())]
