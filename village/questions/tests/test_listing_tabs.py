"""The home page tabs and topic pages, paged by keyset (no OFFSET), fast at any depth."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    AnswerFactory,
    ExpertFactory,
    MemberFactory,
    QuestionFactory,
    TopicFactory,
)
from village.questions import listings, services
from village.questions.models import Answer, Question

pytestmark = pytest.mark.django_db


def row_titles(response) -> list[str]:
    return re.findall(
        r'class="question-row__title"><a href="[^"]+">(.*?)</a>', response.content.decode()
    )


def next_link(response) -> str | None:
    found = re.search(r'<a href="(\?[^"]*)" rel="next"', response.content.decode())
    return found.group(1).replace("&amp;", "&") if found else None


def test_newest_is_the_default_tab(client):
    QuestionFactory(title="Only question")
    html = client.get("/").content.decode()
    assert "Newest questions" in html
    assert 'aria-current="page">Newest<' in html


def test_unanswered_tab_lists_questions_waiting_for_a_first_answer(client):
    waiting = QuestionFactory(title="Still waiting")
    answered = QuestionFactory(title="Has an answer")
    AnswerFactory(question=answered)
    deleted_only = QuestionFactory(title="Answer was deleted")
    Answer.objects.filter(pk=AnswerFactory(question=deleted_only).pk).update(
        deleted_at=timezone.now()
    )
    assert row_titles(client.get("/?tab=unanswered")) == [deleted_only.title, waiting.title]


def test_experts_tab_lists_questions_with_a_verified_expert_answer(client):
    with_expert = QuestionFactory(title="Expert answered")
    AnswerFactory(question=with_expert, author=ExpertFactory())
    unverified = QuestionFactory(title="Unverified expert answered")
    AnswerFactory(question=unverified, author=ExpertFactory(verified=False))
    QuestionFactory(title="Nobody yet")
    assert row_titles(client.get("/?tab=experts")) == [with_expert.title]


def test_top_tab_ranks_by_helpful_votes_within_the_period(client):
    voters = [MemberFactory() for _ in range(3)]
    loved = QuestionFactory(title="Loved")
    liked = QuestionFactory(title="Liked")
    old = QuestionFactory(title="Old favourite")
    Question.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=60))
    for question, votes in ((loved, 3), (liked, 1), (old, 3)):
        answer = AnswerFactory(question=question)
        for voter in voters[:votes]:
            services.mark_helpful(voter=voter, answer=answer)
    QuestionFactory(title="No votes")
    assert row_titles(client.get("/?tab=top&period=month")) == ["Loved", "Liked"]
    assert row_titles(client.get("/?tab=top&period=all")) == ["Old favourite", "Loved", "Liked"]
    assert "Most helpful this month" in client.get("/?tab=top").content.decode()


def test_unknown_tabs_periods_and_cursors_fall_back_gently(client):
    QuestionFactory(title="Still here")
    for params in (
        "?tab=nope",
        "?tab=top&period=decade",
        "?after=garbage",
        "?before=%00%ff",
        "?after=WzEsMl0",
        "?tab=for-you",
    ):
        response = client.get("/" + params)
        assert response.status_code == 200, params


def bulk_questions(n: int) -> list[Question]:
    """Many questions at once, a second apart, the newest last."""
    author = MemberFactory()
    start = timezone.now() - timedelta(days=1)
    rows = [
        Question(
            title=f"Bulk question {i}",
            slug=f"bulk-{i}",
            author=author,
            created_at=start + timedelta(seconds=i // 2),
            updated_at=start,
        )
        for i in range(n)
    ]
    return Question.objects.bulk_create(rows, batch_size=500)


def test_paging_keeps_working_past_page_100_with_no_gaps_or_repeats(client):
    made = bulk_questions(20 * 105 + 7)
    expected = [q.title for q in sorted(made, key=lambda q: (q.created_at, q.pk), reverse=True)]
    seen = []
    url = "/"
    pages = 0
    while url:
        response = client.get("/" + url if url.startswith("?") else url)
        seen += row_titles(response)
        url = next_link(response)
        pages += 1
    assert pages == 106
    assert seen == expected


def test_going_back_a_page_shows_the_page_before(client):
    bulk_questions(50)
    first = client.get("/")
    second = client.get("/" + next_link(first))
    previous = re.search(r'<a href="(\?[^"]*)" rel="prev"', second.content.decode()).group(1)
    assert row_titles(client.get("/" + previous.replace("&amp;", "&"))) == row_titles(first)


def test_a_deep_page_costs_the_same_queries_as_the_first(client, django_assert_max_num_queries):
    bulk_questions(300)
    page = listings.newest_page()
    for _ in range(10):
        page = listings.newest_page(after=page.next_cursor)
    with django_assert_max_num_queries(4):
        response = client.get(f"/?after={page.next_cursor}")
    assert len(row_titles(response)) == 20


def test_topic_pages_are_paged_the_same_way(client):
    topic = TopicFactory(slug="sleep")
    author = MemberFactory()
    for n in range(25):
        services.ask_question(author=author, title=f"Sleep question {n}", topics=[topic])
    QuestionFactory(title="Not about sleep")
    first = client.get("/topics/sleep/")
    second = client.get("/topics/sleep/" + next_link(first))
    assert len(row_titles(first)) == 20 and len(row_titles(second)) == 5
    assert "Not about sleep" not in first.content.decode() + second.content.decode()
