"""Edge cases the hostile corpus found, each pinned down on its own (fast, no browser)."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.urls import reverse

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory, TopicFactory
from village.questions import services
from village.search.query import parse_query


def test_a_word_typed_again_and_again_is_searched_for_once():
    # SQLite's snippet() took minutes over "word word word ..." against a text full of "word".
    assert parse_query("word " * 400).words == ["word"]
    assert parse_query('"sleep help" sleep "sleep help" -tv -tv').words == [
        "sleep",
        "help",
        "sleep",
    ]


@pytest.mark.django_db
def test_feeds_leave_out_characters_xml_cannot_carry(client):
    topic = TopicFactory(slug="sleep")
    author = MemberFactory(display_name="Vee\x0bTab")
    question = QuestionFactory(author=author, title="Bedtime \x0b\x1b[31m help, please?")
    question.topics.add(topic)
    AnswerFactory(question=question, body="Try \x0c a routine \ufffe.")
    for path in (
        reverse("feeds:newest"),
        reverse("feeds:topic", args=["sleep"]),
        reverse("feeds:answers", args=[question.pk]),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        feed = ElementTree.fromstring(response.content)
        assert "Bedtime" in ElementTree.tostring(feed, encoding="unicode")


@pytest.mark.django_db
def test_an_old_link_to_a_retitled_question_keeps_its_query(client):
    question = QuestionFactory(title="How do we handle the first week of school?")
    old = question.get_absolute_url()
    services.edit_question(
        editor=question.author,
        question=question,
        title="Tips for a calm first school week?",
        body=question.body,
    )
    response = client.get(f"{old}?thread=7")
    question.refresh_from_db()
    assert response.status_code == 301
    assert response["Location"] == f"{question.get_absolute_url()}?thread=7"


@pytest.mark.django_db
def test_a_megabyte_title_gets_a_form_error_not_a_database_error(client, settings):
    settings.POST_RATE_LIMITS = {}
    client.force_login(MemberFactory())
    topic = TopicFactory()
    response = client.post(
        reverse("questions:ask"), {"title": "x" * (1024 * 1024), "body": "", "topics": [topic.pk]}
    )
    assert response.status_code == 200
    assert "Please keep the question under 200 characters" in response.content.decode()
