"""What search engines read: robots.txt, the sitemap, and QAPage data on question pages."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from tests.factories import AnswerFactory, ExpertFactory, MemberFactory, QuestionFactory
from village.questions import services
from village.questions.models import Question
from village.search import sitemaps

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_robots_txt_allows_pages_and_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Disallow: /search/" in text and "Disallow: /accounts/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def locations(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def test_sitemap_is_split_into_pages_and_lists_every_published_question(client, monkeypatch):
    monkeypatch.setattr(sitemaps.QuestionSitemap, "limit", 2)
    questions = [QuestionFactory(title=f"Question {n}") for n in range(5)]
    Question.objects.filter(pk=questions[0].pk).update(status=Question.Status.HIDDEN)
    index = locations(client, "/sitemap.xml")
    assert "http://testserver/sitemap-home.xml" in index
    assert "http://testserver/sitemap-topics.xml" in index
    pages = [u for u in index if "sitemap-questions" in u]
    assert pages == [
        "http://testserver/sitemap-questions.xml",
        "http://testserver/sitemap-questions.xml?p=2",
    ]
    listed = []
    for page in pages:
        listed += locations(client, page.removeprefix("http://testserver"))
    assert listed == [f"http://testserver{q.get_absolute_url()}" for q in questions[1:]]
    assert client.get("/sitemap-questions.xml?p=9").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def qapage_of(client, question) -> dict:
    html = client.get(question.get_absolute_url()).content.decode()
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_question_page_carries_qapage_data_with_answers_votes_authors_and_dates(client):
    asker = MemberFactory(display_name="Mo Asker")
    question = services.ask_question(
        author=asker, title="Is </script> safe in a title?", body="Our *first* question."
    )
    expert = ExpertFactory(display_name="Dr Lee")
    top = AnswerFactory(question=question, author=expert, body="Yes, with care & <b>tags</b>.")
    AnswerFactory(question=question, body="We waited.")
    for _ in range(3):
        services.mark_helpful(voter=MemberFactory(), answer=top)
    data = qapage_of(client, question)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "QAPage"
    main = data["mainEntity"]
    assert main["@type"] == "Question"
    assert main["name"] == "Is </script> safe in a title?"
    assert main["text"] == "Our first question."
    assert main["answerCount"] == 2
    assert main["author"] == {"@type": "Person", "name": "Mo Asker"}
    assert main["dateCreated"] == question.created_at.isoformat()
    first = main["suggestedAnswer"][0]
    assert first["@type"] == "Answer"
    assert first["upvoteCount"] == 3
    assert first["author"]["name"] == "Dr Lee"
    assert first["text"] == "Yes, with care & <b>tags</b>."  # typed, so shown as text
    assert first["url"] == f"http://testserver{question.get_absolute_url()}#answer-{top.pk}"


def test_anonymous_asker_is_anonymous_in_qapage_data(client, parent):
    question = services.ask_question(author=parent, title="Private worry", is_anonymous=True)
    assert qapage_of(client, question)["mainEntity"]["author"]["name"] == "Anonymous parent"


def test_a_wrong_slug_redirects_permanently_to_the_canonical_address(client):
    question = QuestionFactory(title="Canonical question here")
    response = client.get(f"/questions/{question.pk}/an-old-slug/")
    assert response.status_code == 301
    assert response["Location"] == question.get_absolute_url()
