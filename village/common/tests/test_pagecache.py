"""Whole pages for visitors come from the cache for a few seconds, and nothing personal does."""

import re
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory, TopicFactory
from village.common.pagecache import PLACEHOLDER
from village.questions.models import AnswerFeedback

pytestmark = pytest.mark.django_db


def token_in(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_a_visitors_second_view_runs_no_sql(page_cache, question):
    url = question.get_absolute_url()
    first = Client().get(url)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(url)
    assert second.status_code == 200
    assert len(queries) == 0
    assert "Blackout blinds changed everything" in second.content.decode()


def test_home_and_topic_pages_are_kept_too(page_cache, question):
    topic = TopicFactory(name="Sleep")
    question.topics.add(topic)
    for path in ("/", topic.get_absolute_url()):
        Client().get(path)
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(path)
        assert response.status_code == 200
        assert len(queries) == 0, path
        assert "How do we settle a toddler" in response.content.decode()


def test_a_change_reaches_visitors_once_the_page_expires(page_cache, question):
    page_cache.PAGE_CACHE_SECONDS = 1
    url = question.get_absolute_url()
    assert "Night lights" not in Client().get(url).content.decode()
    AnswerFactory(question=question, body="Night lights with a timer helped our son.")
    # Within the few seconds a visitor may still see the page as it was...
    assert "Night lights" not in Client().get(url).content.decode()
    time.sleep(1.2)
    # ...and never longer.
    assert "Night lights with a timer" in Client().get(url).content.decode()


def test_forms_on_a_cached_page_carry_each_visitors_own_token(page_cache, question):
    url = question.get_absolute_url()
    Client().get(url)  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(url)
    body = page.content.decode()
    assert PLACEHOLDER not in body
    assert "csrftoken" in page.cookies
    response = visitor.post(
        f"{url}feedback/", {"found": "yes", "csrfmiddlewaretoken": token_in(body)}
    )
    assert response.status_code in (200, 302)
    assert AnswerFeedback.objects.filter(question=question, found=True).count() == 1


def test_two_visitors_never_share_a_token(page_cache, question):
    url = question.get_absolute_url()
    first, second = Client(), Client()
    token_one = token_in(first.get(url).content.decode())
    token_two = token_in(second.get(url).content.decode())
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert token_one != token_two


def test_members_always_get_their_own_page(page_cache, question):
    url = question.get_absolute_url()
    Client().get(url)  # a visitor's page is in the cache
    member = MemberFactory(display_name="Priya Member")
    client = Client()
    client.force_login(member)
    body = client.get(url).content.decode()
    assert "Priya Member" in body
    assert "Sign out" in body


def test_a_visitor_with_a_cookie_of_ours_is_served_fresh(page_cache, question):
    url = question.get_absolute_url()
    visitor = Client()
    visitor.get(url)
    token = token_in(visitor.get(url).content.decode())
    visitor.post(f"{url}feedback/", {"found": "no", "csrfmiddlewaretoken": token})
    # They now carry the "did you find it?" cookie: their page shows their own answer.
    body = visitor.get(url).content.decode()
    assert "Thank you for telling us" in body
    # Other visitors still get the shared page, without that thank-you.
    assert "Thank you for telling us" not in Client().get(url).content.decode()


def test_missing_pages_are_not_kept(page_cache, question):
    url = f"/questions/{question.pk + 1000}/no-such-question/"
    assert Client().get(url).status_code == 404
    QuestionFactory(title="Another question entirely")
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 404
    assert len(queries) > 0


def test_switched_off_by_setting(settings, question):
    settings.PAGE_CACHE_SECONDS = 0
    url = question.get_absolute_url()
    Client().get(url)
    with CaptureQueriesContext(connection) as queries:
        Client().get(url)
    assert len(queries) > 0
