"""What a moderator hides (or anyone deletes) leaves search, snippets, feeds, the sitemap and
related questions at once, and comes back when a moderator shows it again. Both engines."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import AnswerFactory, ExpertFactory, MemberFactory, QuestionFactory
from village.moderation import services as moderation
from village.questions import services
from village.search.engines import Filters, engine_for
from village.search.query import parse_query
from village.search.results import related_questions, similar_questions

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def found(text, filters=None):
    hits = engine_for().search(parse_query(text), filters or Filters())
    return [hit.question_id for hit in hits]


def snippets(text) -> str:
    return " ".join(hit.snippet_html for hit in engine_for().search(parse_query(text)))


def sitemap(client) -> list[str]:
    response = client.get("/sitemap-questions.xml")
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_a_hidden_answer_is_not_found_nor_quoted_until_it_is_shown_again(moderator):
    question = QuestionFactory(title="Bedtime stories for a three-year-old?")
    answer = AnswerFactory(question=question, body="Buy cheap supplements at pillshop.")
    assert found("supplements pillshop") == [question.pk]
    assert "<mark>supplements</mark>" in snippets("supplements")

    moderation.hide(moderator=moderator, target=answer, reason="Spam.")
    assert found("supplements pillshop") == []
    assert found("bedtime stories") == [question.pk]  # the question itself stays findable
    assert "supplements" not in snippets("bedtime stories")

    moderation.unhide(moderator=moderator, target=answer, reason="A second look: fine.")
    assert found("supplements pillshop") == [question.pk]


def test_an_answer_hidden_by_flags_leaves_the_index_too(settings):
    settings.FLAGS_TO_HIDE = 2
    answer = AnswerFactory(body="Visit my channel for giveaways.")
    for _ in range(2):
        moderation.flag_content(flagger=MemberFactory(), target=answer, reason="spam")
    answer.refresh_from_db()
    assert answer.hidden_at is not None
    assert found("giveaways") == []


def test_a_deleted_answer_is_not_found():
    answer = AnswerFactory(body="Our trick was a sticker chart.")
    services.delete_answer(by=answer.author, answer=answer)
    assert found("sticker chart") == []


def test_a_hidden_expert_answer_no_longer_counts_for_the_filters(moderator):
    question = QuestionFactory(title="Tablet rules for a five-year-old?")
    expert_answer = AnswerFactory(question=question, author=ExpertFactory(), kind="opinion")
    expert_filter = Filters(expert_answered=True)
    opinion_filter = Filters(answer_kind="opinion")
    assert found("tablet", expert_filter) == found("tablet", opinion_filter) == [question.pk]
    moderation.hide(moderator=moderator, target=expert_answer, reason="Off topic.")
    assert found("tablet", expert_filter) == found("tablet", opinion_filter) == []
    assert found("tablet") == [question.pk]


def test_a_hidden_question_leaves_search_feeds_sitemap_and_lists_and_comes_back(
    client, moderator, django_capture_on_commit_callbacks
):
    shown = QuestionFactory(title="Screen time limits for toddlers?")
    hidden = QuestionFactory(title="Screen time apps for toddlers?")
    url = f"http://testserver{hidden.get_absolute_url()}"
    # Warm the caches: related questions and the sitemap are kept a while.
    assert [r.title for r in related_questions(shown)] == [hidden.title]
    assert url in sitemap(client)

    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(moderator=moderator, target=hidden, reason="Spam links.")
    assert found("screen time apps") == []
    assert hidden.pk not in [q.pk for q in similar_questions("Screen time apps")]
    assert related_questions(shown) == []
    assert url not in sitemap(client)
    feed = client.get("/feeds/questions/").content.decode()
    assert hidden.title not in feed and shown.title in feed
    assert client.get(f"/feeds/questions/{hidden.pk}/answers/").status_code == 404
    page = client.get(shown.get_absolute_url()).content.decode()
    assert hidden.title not in page

    with django_capture_on_commit_callbacks(execute=True):
        moderation.unhide(moderator=moderator, target=hidden, reason="Reviewed: fine.")
    assert found("screen time apps") == [hidden.pk]
    assert [r.title for r in related_questions(shown)] == [hidden.title]
    assert url in sitemap(client)
    assert hidden.title in client.get("/feeds/questions/").content.decode()


def test_a_question_its_author_deletes_leaves_the_lists_at_once(
    client, django_capture_on_commit_callbacks
):
    shown = QuestionFactory(title="Packed lunch ideas for a fussy eater?")
    gone = QuestionFactory(title="Packed lunch boxes that don't leak?")
    assert [r.title for r in related_questions(shown)] == [gone.title]
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_question(by=gone.author, question=gone)
    assert related_questions(shown) == []
    assert found("lunch boxes leak") == []
    assert f"http://testserver{gone.get_absolute_url()}" not in sitemap(client)


def test_related_questions_count_only_answers_everyone_can_read(moderator):
    shown = QuestionFactory(title="Potty training at night?")
    other = QuestionFactory(title="Potty training regression?")
    visible, hidden = AnswerFactory(question=other), AnswerFactory(question=other)
    moderation.hide(moderator=moderator, target=hidden, reason="Rude.")
    assert visible.hidden_at is None
    [related] = related_questions(shown)
    assert (related.title, related.answer_total) == (other.title, 1)
