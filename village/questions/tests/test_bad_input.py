"""Hostile Markdown and forged forms, through the real views."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import AnswerFactory, QuestionFactory, TopicFactory
from village.questions.models import Answer, Question, Reply

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert('x')</script>",
    '<iframe src="https://evil.example.org"></iframe>',
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    '<a href="javascript:alert(1)" onclick="alert(2)">x</a>',
    "[data](data:text/html;base64,PHNjcmlwdD4=)",
    "![pic](javascript:alert(1))",
]


class _Markup(HTMLParser):
    """Every real tag and attribute in a page (text that merely looks like markup is ignored)."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)


def assert_harmless(html: str):
    markup = _Markup()
    markup.feed(html)
    assert not {"script", "iframe", "img", "object", "embed"} & set(markup.tags)
    assert [name for name, _ in markup.attributes if name.startswith("on")] == []
    links = [value.strip().lower() for name, value in markup.attributes if name in ("href", "src")]
    assert [v for v in links if v.startswith(("javascript:", "data:", "vbscript:"))] == []


@pytest.mark.parametrize("markdown", HOSTILE)
def test_hostile_markdown_in_a_question_answer_and_reply_is_rendered_harmless(
    client, parent, markdown
):
    topic = TopicFactory()
    client.force_login(parent)
    client.post(
        reverse("questions:ask"),
        {"title": "Is this text safe to show?", "body": markdown, "topics": [topic.pk]},
    )
    question = Question.objects.get()
    answer = AnswerFactory(question=question)
    client.post(reverse("questions:reply", args=[answer.pk]), {"body": f"Reply: {markdown}"})
    other = QuestionFactory()
    client.post(
        reverse("questions:answer", args=[other.pk, other.slug]),
        {"kind": "opinion", "body": markdown},
    )
    assert Reply.objects.count() == 1
    assert Answer.objects.filter(question=other).count() == 1
    for page in (question, other):
        html = client.get(page.get_absolute_url() + f"?thread={answer.pk}").content.decode()
        assert_harmless(html[html.index("<main") :])
    preview = client.post(reverse("questions:preview"), {"body": markdown}).content.decode()
    assert_harmless(preview)


def test_a_title_with_markup_is_shown_as_text(client, parent):
    topic = TopicFactory()
    client.force_login(parent)
    client.post(
        reverse("questions:ask"),
        {"title": "<script>alert(1)</script> is it ok?", "body": "", "topics": [topic.pk]},
    )
    html = client.get(Question.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is it ok?" in html


@pytest.mark.parametrize(
    "url_of",
    [
        lambda q, a: reverse("questions:ask"),
        lambda q, a: reverse("questions:answer", args=[q.pk, q.slug]),
        lambda q, a: reverse("questions:reply", args=[a.pk]),
        lambda q, a: reverse("questions:helpful", args=[a.pk]),
        lambda q, a: reverse("questions:edit_answer", args=[a.pk]),
        lambda q, a: reverse("questions:delete_answer", args=[a.pk]),
        lambda q, a: reverse("questions:feedback", args=[q.pk, q.slug]),
        lambda q, a: reverse("questions:preview"),
    ],
    ids=["ask", "answer", "reply", "helpful", "edit", "delete", "feedback", "preview"],
)
def test_every_form_refuses_a_post_without_the_csrf_token(parent, url_of):
    question = QuestionFactory()
    answer = AnswerFactory(question=question, author=parent)
    forger = Client(enforce_csrf_checks=True)
    forger.force_login(parent)
    response = forger.post(
        url_of(question, answer), {"body": "forged", "kind": "opinion", "found": "yes"}
    )
    assert response.status_code == 403
    assert Answer.objects.get(pk=answer.pk).body != "forged"
    assert Reply.objects.count() == 0


def test_unknown_posts_are_not_found_rather_than_errors(client, parent):
    client.force_login(parent)
    assert client.post(reverse("questions:reply", args=[999]), {"body": "x"}).status_code == 404
    assert client.post(reverse("questions:helpful", args=[999])).status_code == 404
    assert client.get(reverse("questions:reply_history", args=[999])).status_code == 404
    assert client.get(reverse("questions:ask") + "?follow_up=nonsense").status_code == 200
