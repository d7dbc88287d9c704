"""Writes are rate-limited per member through the cache, with a clear 429 and Retry-After."""

import pytest

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def answer_form(kind="experience"):
    return {"kind": kind, "body": "What worked for us was a calm, steady routine."}


def test_answers_over_the_limit_get_a_429_with_retry_after(client, settings):
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "answer": "2/h"}
    member = MemberFactory()
    client.force_login(member)
    questions = [QuestionFactory() for _ in range(3)]
    for question in questions[:2]:
        response = client.post(f"{question.get_absolute_url()}answer/", answer_form())
        assert response.status_code in (200, 302)
    response = client.post(f"{questions[2].get_absolute_url()}answer/", answer_form())
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "paused it to keep Village calm" in response.content.decode()
    assert questions[2].answers.count() == 0


def test_one_members_limit_does_not_touch_another(client, settings):
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "vote": "1/h"}
    answer = AnswerFactory()
    first, second = MemberFactory(), MemberFactory()
    client.force_login(first)
    client.post(f"/questions/answers/{answer.pk}/helpful/")
    assert client.post(f"/questions/answers/{answer.pk}/helpful/").status_code == 429
    client.force_login(second)
    assert client.post(f"/questions/answers/{answer.pk}/helpful/").status_code != 429


def test_reading_is_never_limited(client, settings):
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "answer": "1/h"}
    question = QuestionFactory()
    client.force_login(MemberFactory())
    for _ in range(5):
        assert client.get(f"{question.get_absolute_url()}answer/").status_code != 429
