"""The search results page, the header search box and "similar questions while you type"."""

import re

import pytest

from tests.factories import AnswerFactory, ExpertFactory, QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    html = response.content.decode()
    found = re.findall(r'class="search-result__title"><a href="[^"]+">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in found]


def test_every_page_has_a_search_box_in_the_header(client):
    html = client.get("/").content.decode()
    assert 'role="search"' in html
    assert 'action="/search/"' in html


def test_results_show_marked_titles_and_snippets_best_first(client):
    QuestionFactory(title="Lunch ideas", body="She only eats pasta, and pasta again.")
    QuestionFactory(title="Pasta every night?", body="Is it a phase?")
    response = client.get("/search/", {"q": "pasta"})
    assert response.status_code == 200
    assert titles(response) == ["Pasta every night?", "Lunch ideas"]
    html = response.content.decode()
    assert "<mark>Pasta</mark> every night?" in html
    assert "only eats <mark>pasta</mark>" in html
    assert "2 questions found" in html


def test_filters_narrow_the_results(client):
    screens = TopicFactory(name="Tech & screens", slug="tech-screens")
    with_expert = QuestionFactory(title="Tablet rules for a five-year-old?", topics=[screens])
    AnswerFactory(question=with_expert, author=ExpertFactory())
    QuestionFactory(title="Tablet on the train?")
    assert len(titles(client.get("/search/", {"q": "tablet"}))) == 2
    filtered = client.get("/search/", {"q": "tablet", "topic": "tech-screens"})
    assert titles(filtered) == ["Tablet rules for a five-year-old?"]
    assert titles(client.get("/search/", {"q": "tablet", "expert": "on"})) == [
        "Tablet rules for a five-year-old?"
    ]
    assert titles(client.get("/search/", {"q": "tablet", "kind": "opinion"})) == []


def test_nothing_found_says_so_and_invites_a_question(client):
    QuestionFactory(title="Bath time battles")
    response = client.get("/search/", {"q": "trampoline"})
    html = response.content.decode()
    assert "Nothing matches that yet" in html
    assert "Ask the community" in html
    assert "/questions/ask/?title=trampoline" in html


def test_a_query_with_no_word_in_common_with_any_question_shows_the_closest(client):
    QuestionFactory(title="Vaccination catch-up after moving countries")
    response = client.get("/search/", {"q": "vaccinations abroad"})
    assert titles(response) == ["Vaccination catch-up after moving countries"]
    assert "No question has all of those words" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"unbalanced ((('},
        {"q": "😀" * 50},
        {"q": "x " * 2500},
        {"q": "naps", "topic": "no-such-topic", "kind": "rude", "page": "nine"},
        {"q": "naps", "page": "99999"},
        {"q": ""},
        {},
    ],
)
def test_odd_input_gives_a_page_never_an_error(client, params):
    QuestionFactory(title="Naps at nursery")
    assert client.get("/search/", params).status_code == 200


def test_results_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    topic = TopicFactory()
    for n in range(25):
        question = QuestionFactory(title=f"Homework question {n}", topics=[topic])
        AnswerFactory(question=question, body="Homework tips.")
    with django_assert_max_num_queries(5):
        response = client.get("/search/", {"q": "homework"})
    assert len(titles(response)) == 20
    assert 'rel="next"' in response.content.decode()


def test_second_page_continues_where_the_first_ended(client):
    for n in range(25):
        QuestionFactory(title=f"Packed lunch idea {n}")
    first = titles(client.get("/search/", {"q": "lunch"}))
    second = titles(client.get("/search/", {"q": "lunch", "page": 2}))
    assert len(first) == 20 and len(second) == 5
    assert not set(first) & set(second)


def test_similar_questions_while_typing_use_the_search_engine(client):
    QuestionFactory(title="How much screen time is okay for a six-year-old?")
    QuestionFactory(title="Picky eating at four")
    response = client.get("/search/similar/", {"q": "screen ti"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Already asked? These might help" in html
    assert "screen time is okay" in html
    assert "Picky eating" not in html
    # The ask page's own field name works too.
    assert "screen time" in client.get("/search/similar/", {"title": "screen"}).content.decode()
    assert client.get("/search/similar/", {"q": "the of"}).content.decode().strip() == ""
