"""The index follows every write in the same transaction, whoever makes it, on both engines."""

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import (
    AnswerFactory,
    ExpertFactory,
    MemberFactory,
    QuestionFactory,
    TopicFactory,
)
from village.experts.models import ExpertProfile
from village.experts.services import revoke_expert
from village.questions import services
from village.questions.models import Answer, Question
from village.search.engines import Filters, engine_for
from village.search.query import parse_query
from village.search.schema import SQLITE_TRIGGERS, drop_search_schema, index_size

pytestmark = pytest.mark.django_db


def found(text, filters=None):
    hits = engine_for().search(parse_query(text), filters or Filters())
    return [hit.question_id for hit in hits]


def test_a_new_question_is_found_at_once():
    question = QuestionFactory(title="Toddler refuses the car seat", body="Every trip is a battle.")
    assert found("car seat") == [question.pk]
    assert found("battle") == [question.pk]


def test_an_answer_makes_its_question_findable_and_deleting_it_takes_that_back(parent):
    question = QuestionFactory(title="Rainy day ideas?")
    answer = AnswerFactory(question=question, body="We build a blanket fort with torches.")
    assert found("blanket fort") == [question.pk]
    services.delete_answer(by=answer.author, answer=answer)
    assert found("blanket fort") == []


def test_an_edited_question_is_found_by_its_new_words_only():
    question = QuestionFactory(title="Swimming lessons at three?")
    services.edit_question(
        editor=question.author, question=question, title="Gymnastics at three?", body=""
    )
    assert found("gymnastics") == [question.pk]
    assert found("swimming") == []


def test_hidden_and_deleted_questions_are_not_found():
    hidden = QuestionFactory(title="Hidden conkers question")
    Question.objects.filter(pk=hidden.pk).update(status=Question.Status.HIDDEN)
    assert found("conkers") == []


def test_bulk_inserts_are_indexed_too():
    author = MemberFactory()
    Question.objects.bulk_create(
        [Question(title=f"Marble run number {n}", slug="m", author=author) for n in range(3)]
    )
    assert len(found("marble run")) == 3


def test_titles_rank_above_bodies_and_bodies_above_answers():
    in_answer = QuestionFactory(title="Rainy afternoons", body="Ideas please.")
    AnswerFactory(question=in_answer, body="Try a puppet show with socks.")
    in_body = QuestionFactory(title="Bored children", body="They loved the puppet theatre.")
    in_title = QuestionFactory(title="Puppet making with a five-year-old?", body="Any tips?")
    assert found("puppet") == [in_title.pk, in_body.pk, in_answer.pk]


def test_a_question_whose_expert_answer_holds_the_words_is_found():
    question = QuestionFactory(title="Is it normal at this age?", body="We're a bit lost.")
    AnswerFactory(
        question=question,
        author=ExpertFactory(area="Speech and language"),
        body="Late talkers often catch up; a speech therapist can assess receptive language.",
    )
    assert found("speech therapist") == [question.pk]


def test_filters_narrow_by_topic_expert_answer_and_answer_kind(parent):
    sleep = TopicFactory(name="Sleep", slug="sleep")
    q_sleep = QuestionFactory(title="Naps and nursery", topics=[sleep])
    q_other = QuestionFactory(title="Naps on holiday")
    AnswerFactory(question=q_other, author=ExpertFactory(), kind=Answer.Kind.OPINION)
    assert set(found("naps")) == {q_sleep.pk, q_other.pk}
    assert found("naps", Filters(topic="sleep")) == [q_sleep.pk]
    assert found("naps", Filters(expert_answered=True)) == [q_other.pk]
    assert found("naps", Filters(answer_kind="opinion")) == [q_other.pk]
    assert found("naps", Filters(answer_kind="experience")) == []


def test_filters_follow_later_changes_to_topics_experts_and_answers(moderator):
    """PostgreSQL keeps what the filters ask for with the document: each change must reach it."""
    sleep = TopicFactory(name="Sleep", slug="sleep")
    question = QuestionFactory(title="Naps at nursery?")
    writer = MemberFactory()
    answer = AnswerFactory(question=question, author=writer, kind=Answer.Kind.EXPERIENCE)
    by_topic, by_expert = Filters(topic="sleep"), Filters(expert_answered=True)
    opinions, experiences = Filters(answer_kind="opinion"), Filters(answer_kind="experience")
    assert found("naps", by_topic) == found("naps", by_expert) == found("naps", opinions) == []
    assert found("naps", experiences) == [question.pk]

    question.topics.add(sleep)
    assert found("naps", by_topic) == [question.pk]
    question.topics.remove(sleep)
    assert found("naps", by_topic) == []

    expert = ExpertProfile.objects.create(user=writer, area="Sleep", verified=True)
    assert found("naps", by_expert) == [question.pk]
    revoke_expert(reviewer=moderator, expert=expert, reason="Credentials lapsed.")
    assert found("naps", by_expert) == []

    Answer.objects.filter(pk=answer.pk).update(kind="opinion")  # the kind alone, as a raw write
    assert found("naps", opinions) == [question.pk]
    assert found("naps", experiences) == []
    services.delete_answer(by=writer, answer=answer)
    assert found("naps", opinions) == []
    assert found("naps", Filters(topic="no-such-topic")) == []


def test_web_search_syntax_works_alike_on_both_engines():
    both = QuestionFactory(title="Screen time and homework")
    screen = QuestionFactory(title="Screen time in the holidays")
    QuestionFactory(title="Homework battles", body="Every evening.")
    assert set(found('"screen time"')) == {both.pk, screen.pk}
    assert found('"time screen"') == []
    assert found("screen -homework") == [screen.pk]
    assert set(found("holidays OR battles")) >= {screen.pk}
    assert len(found("holidays OR battles")) == 2


def test_snippets_mark_the_matched_words_and_escape_everything_else():
    QuestionFactory(
        title="<b>Bold</b> bedtime question",
        body="At bedtime she says <script>alert(1)</script> every night.",
    )
    hit = engine_for().search(parse_query("bedtime"))[0]
    assert "<mark>bedtime</mark>" in hit.title_html.lower()
    assert "&lt;b&gt;" in hit.title_html
    assert "<script>" not in hit.snippet_html
    assert "<mark>" in hit.snippet_html


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "((( )))",
        "NEAR(a b)",
        "title:x* ^y",
        "😀 emoji only 🙈",
        "AND OR NOT",
        "' OR 1=1 --",
        "a\x00b",
        "x" * 5000,
        "word " * 1000,
        '"" - -- "-"',
        "café naïve",
    ],
)
def test_no_text_makes_a_search_fail(text):
    QuestionFactory(title="Café outings with a naïve toddler")
    hits = engine_for().search(parse_query(text), Filters(topic="x", expert_answered=True))
    assert isinstance(hits, list)
    engine_for().search(parse_query(text))


def test_rebuild_command_refills_an_emptied_index_with_a_progress_bar(capsys):
    for n in range(3):
        QuestionFactory(title=f"Lunchbox idea {n}")
    drop_search_schema()
    call_command("rebuild_search_index")
    output = capsys.readouterr().out
    assert "Indexing questions [" in output and "3/3 100%" in output
    assert index_size() == 3
    assert len(found("lunchbox")) == 3
    # The triggers came back with it.
    QuestionFactory(title="Lunchbox idea 4")
    assert len(found("lunchbox")) == 4


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite drops triggers on table rebuilds")
def test_migrate_puts_back_triggers_that_a_table_rebuild_dropped():
    with connection.cursor() as cursor:
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    call_command("migrate", verbosity=0)
    question = QuestionFactory(title="Stickers for potty training")
    assert found("stickers") == [question.pk]
