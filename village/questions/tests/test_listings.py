import re

import pytest
from django.utils import timezone

from tests.factories import AnswerFactory, ExpertFactory, QuestionFactory, TopicFactory
from village.questions import services
from village.questions.models import Answer

pytestmark = pytest.mark.django_db


def test_home_lists_newest_first_with_expert_and_parent_counts(client, parent):
    older = QuestionFactory(title="Older question about naps?")
    newer = QuestionFactory(title="Newer question about phones?")
    AnswerFactory(question=newer, author=ExpertFactory())
    AnswerFactory(question=newer, author=parent)
    html = client.get("/").content.decode()
    assert html.index(newer.title) < html.index(older.title)
    assert "1 expert and 1 parent have answered" in html
    assert "No answers yet" in html


def test_home_page_query_count_does_not_grow_with_questions(client, django_assert_max_num_queries):
    topic = TopicFactory()
    for _ in range(25):
        question = QuestionFactory()
        question.topics.add(topic)
        AnswerFactory(question=question)
    with django_assert_max_num_queries(5):
        response = client.get("/")
    assert len(re.findall(r'class="question-row"', response.content.decode())) == 20


def test_topic_page_lists_only_its_questions(client, parent):
    sleep = TopicFactory(name="Sleep", slug="sleep", description="Bedtimes and night waking.")
    screens = TopicFactory(name="Tech & screens", slug="tech-screens")
    services.ask_question(author=parent, title="Night waking at two?", topics=[sleep])
    services.ask_question(author=parent, title="First phone at eleven?", topics=[screens])
    response = client.get("/topics/sleep/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Night waking at two?" in html
    assert "First phone at eleven?" not in html
    assert "Bedtimes and night waking." in html


def test_unknown_topic_is_not_found(client, db):
    assert client.get("/topics/no-such-topic/").status_code == 404


def test_listing_counts_leave_out_deleted_and_hidden_answers(client, parent):
    question = QuestionFactory(title="Counting only what people can read?")
    kept = AnswerFactory(question=question, author=ExpertFactory())
    deleted = AnswerFactory(question=question)
    hidden = AnswerFactory(question=question)
    services.delete_answer(by=deleted.author, answer=deleted)
    Answer.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    html = client.get("/").content.decode()
    assert "1 expert has answered" in html
    services.delete_answer(by=kept.author, answer=kept)
    html = client.get("/?tab=unanswered").content.decode()
    assert "Counting only what people can read?" in html
