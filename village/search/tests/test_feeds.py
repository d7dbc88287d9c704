"""Atom feeds: well-formed XML that a feed reader library opens, with the right entries."""

import xml.etree.ElementTree as ET

import feedparser
import pytest

from tests.factories import AnswerFactory, ExpertFactory, QuestionFactory, TopicFactory
from village.questions import services
from village.questions.models import Question

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    ET.fromstring(response.content)  # well-formed, or this raises
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_newest_questions_feed_lists_published_questions_newest_first(client):
    older = QuestionFactory(title="Older question about naps")
    newer = QuestionFactory(title="Newer question about <phones> & tablets", body="**Help**")
    hidden = QuestionFactory(title="Hidden one")
    Question.objects.filter(pk=hidden.pk).update(status=Question.Status.HIDDEN)
    feed = read(client, "/feeds/questions/")
    assert feed.feed.title == "Village: newest questions"
    assert [e.title for e in feed.entries] == [newer.title, older.title]
    entry = feed.entries[0]
    assert entry.link == f"http://testserver{newer.get_absolute_url()}"
    assert "<strong>Help</strong>" in entry.summary
    assert entry.author == newer.author.profile.display_name


def test_anonymous_askers_stay_anonymous_in_feeds(client, parent):
    services.ask_question(author=parent, title="A private worry", is_anonymous=True)
    entry = read(client, "/feeds/questions/").entries[0]
    assert entry.author == "Anonymous parent"
    assert parent.profile.display_name not in client.get("/feeds/questions/").content.decode()


def test_topic_feed_has_only_that_topics_questions(client):
    sleep = TopicFactory(name="Sleep", slug="sleep")
    in_topic = QuestionFactory(title="Early waking at five", topics=[sleep])
    QuestionFactory(title="Something else entirely")
    feed = read(client, "/feeds/topics/sleep/")
    assert feed.feed.title == "Village: Sleep"
    assert [e.title for e in feed.entries] == [in_topic.title]
    assert feed.entries[0].tags[0].term == "Sleep"
    assert client.get("/feeds/topics/nope/").status_code == 404


def test_answers_feed_follows_one_question(client):
    question = QuestionFactory(title="Swimming lessons?")
    AnswerFactory(question=question, body="We started at four.")
    AnswerFactory(question=question, author=ExpertFactory(display_name="Dr Ada Fin"))
    AnswerFactory(question=QuestionFactory(), body="Another question's answer")
    feed = read(client, f"/feeds/questions/{question.pk}/answers/")
    assert len(feed.entries) == 2
    assert feed.entries[0].title.startswith("Dr Ada Fin (expert answer)")
    assert feed.entries[1].link.startswith(
        f"http://testserver{question.get_absolute_url()}#answer-"
    )
    assert client.get("/feeds/questions/999999/answers/").status_code == 404


def test_pages_point_feed_readers_at_their_feeds(client):
    sleep = TopicFactory(name="Sleep", slug="sleep")
    question = QuestionFactory(topics=[sleep])
    assert 'href="/feeds/questions/"' in client.get("/").content.decode()
    assert 'href="/feeds/topics/sleep/"' in client.get("/topics/sleep/").content.decode()
    page = client.get(question.get_absolute_url()).content.decode()
    assert f'href="/feeds/questions/{question.pk}/answers/"' in page
