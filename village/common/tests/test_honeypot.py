"""The honeypot box on public forms: people leave it empty; a filled one is refused quietly."""

import pytest
from django.urls import reverse

from tests.factories import AnswerFactory, TopicFactory
from village.accounts.models import User
from village.questions.models import Question

CAUGHT = b"looked automatic rather than human"


def test_the_sign_up_ask_answer_and_reply_forms_carry_the_honeypot(client, parent):
    assert b'name="homepage"' in client.get(reverse("account_signup")).content
    client.force_login(parent)
    assert b'name="homepage"' in client.get(reverse("questions:ask")).content
    answer = AnswerFactory()
    page = client.get(answer.question.get_absolute_url()).content
    assert page.count(b'name="homepage"') >= 2  # the answer form and the reply form


def test_a_robot_filling_the_sign_up_honeypot_is_refused_quietly(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Spam Bot",
            "email": "bot@example.org",
            "password1": "a-long-passphrase-123",
            "password2": "a-long-passphrase-123",
            "homepage": "https://spam.example",
        },
    )
    assert response.status_code == 400
    assert CAUGHT in response.content
    assert not User.objects.filter(email="bot@example.org").exists()


def test_a_person_leaving_the_honeypot_empty_signs_up(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Real Person",
            "email": "person@example.org",
            "password1": "a-long-passphrase-123",
            "password2": "a-long-passphrase-123",
            "homepage": "",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="person@example.org").exists()


@pytest.mark.parametrize("form", ["ask", "answer", "reply"])
def test_a_filled_honeypot_on_the_posting_forms_is_refused_and_nothing_is_posted(
    client, parent, form
):
    answer = AnswerFactory()
    question = answer.question
    client.force_login(parent)
    url, data = {
        "ask": (
            reverse("questions:ask"),
            {"title": "Is this a real question?", "topics": [TopicFactory().pk]},
        ),
        "answer": (
            reverse("questions:answer", args=[question.pk, question.slug]),
            {"kind": "opinion", "body": "Buy cheap pills"},
        ),
        "reply": (reverse("questions:reply", args=[answer.pk]), {"body": "Buy cheap pills"}),
    }[form]
    response = client.post(url, {**data, "homepage": "cheap-pills.example"})
    assert response.status_code == 400
    assert CAUGHT in response.content
    assert Question.objects.count() == 1
    assert question.answers.count() == 1 and not answer.replies.exists()
