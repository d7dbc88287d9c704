"""Prepared queries give what the queryset they were built from gives."""

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory
from village.common.prepared import Prepared
from village.questions.models import Answer, AnswerFeedback, HelpfulVote, Question

pytestmark = pytest.mark.django_db


def answers_with_votes(question, user):
    voted = HelpfulVote.objects.filter(answer=OuterRef("pk"), voter=user)
    return (
        Answer.objects.filter(question=question)
        .select_related("author__profile", "author__expert_profile")
        .annotate(voted=Exists(voted))
        .order_by("-helpful_count", "pk")
    )


ANSWERS = Prepared(answers_with_votes)


def fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_rows_become_the_same_instances_as_the_orms(question):
    voter = MemberFactory()
    first = question.answers.get()
    second = AnswerFactory(question=question, body="Earlier naps helped us.")
    HelpfulVote.objects.create(answer=second, voter=voter)
    expected = list(answers_with_votes(question.pk, voter.pk))
    for _ in range(2):  # compiled, then reused
        found = ANSWERS.all(question=question.pk, user=voter.pk)
        assert [a.pk for a in found] == [a.pk for a in expected]
        for mine, theirs in zip(found, expected, strict=True):
            assert fields(mine) == fields(theirs)
            assert mine.voted == theirs.voted
            assert fields(mine.author) == fields(theirs.author)
            assert fields(mine.author.profile) == fields(theirs.author.profile)
            assert mine._state.db == theirs._state.db and not mine._state.adding
    assert {a.pk: a.voted for a in found} == {first.pk: False, second.pk: True}


def test_a_missing_expert_profile_reads_as_missing_without_a_query(question):
    answer = ANSWERS.all(question=question.pk, user=question.author_id)[0]
    with CaptureQueriesContext(connection) as queries:
        display = answer.author.profile.display_name
        assert not hasattr(answer.author, "expert_profile")
    assert display and len(queries) == 0


def test_new_values_each_run_and_one_compilation(question):
    other = QuestionFactory(title="Another question about naps")
    assert ANSWERS.all(question=other.pk, user=1) == []
    assert len(ANSWERS.all(question=question.pk, user=1)) == 1
    with CaptureQueriesContext(connection) as queries:
        ANSWERS.all(question=question.pk, user=1)
    assert len(queries) == 1


def test_exists_and_text_markers(question):
    feedback = Prepared(
        lambda question, key: AnswerFeedback.objects.filter(question=question, visitor_key=key),
        text=("key",),
    )
    assert not feedback.exists(question=question.pk, key="reader-1")
    AnswerFeedback.objects.create(question=question, visitor_key="reader-1", found=True)
    assert feedback.exists(question=question.pk, key="reader-1")
    assert not feedback.exists(question=question.pk, key="reader-2")
    assert feedback.first(question=question.pk, key="reader-1").found is True


def test_an_id_no_column_can_hold_finds_nothing(question):
    assert ANSWERS.all(question=2**70, user=1) == []
    assert not Prepared(lambda pk: Question.objects.filter(pk=pk)).exists(pk=-(2**64))


def test_values_it_cannot_pass_on_are_refused(question):
    with pytest.raises(TypeError):
        ANSWERS.all(question=question, user=1)  # an instance, not its id


def test_a_value_that_never_reaches_the_sql_is_an_error(question):
    ignored = Prepared(lambda question, user: Answer.objects.filter(question=question))
    with pytest.raises(ValueError, match="user"):
        ignored.all(question=question.pk, user=1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL prepares statements")
def test_postgresql_plans_each_once_per_connection(question):
    for _ in range(3):
        ANSWERS.all(question=question.pk, user=1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]
    assert sum('FROM "questions_answer"' in s for s in statements) == 1
