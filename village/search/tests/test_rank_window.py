"""Search ranks the newest SEARCH_RANK_WINDOW matches: the cost of a common word stays flat."""

import pytest

from tests.factories import QuestionFactory
from village.search.results import search_questions, similar_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def porridge():
    # The oldest question is the best match (the word in its title); the rest mention it once.
    best = QuestionFactory(title="Porridge for breakfast: porridge every day?", body="Porridge.")
    others = [
        QuestionFactory(title=f"Breakfast ideas, week {n}", body="We tried porridge once.")
        for n in range(5)
    ]
    return best, others


def titles(results) -> list[str]:
    return [hit.question.title for hit in results.hits]


def test_with_fewer_matches_than_the_window_everything_is_ranked(settings, porridge):
    settings.SEARCH_RANK_WINDOW = 5000
    best, others = porridge
    found = titles(search_questions("porridge"))
    assert len(found) == 6
    assert found[0] == best.title


def test_with_more_matches_only_the_newest_are_ranked(settings, porridge):
    settings.SEARCH_RANK_WINDOW = 3
    best, others = porridge
    found = titles(search_questions("porridge"))
    assert sorted(found) == sorted(q.title for q in others[-3:])
    assert best.title not in found
    assert best.pk not in [q.pk for q in similar_questions("porridge breakfast", limit=5)]
