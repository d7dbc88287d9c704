"""The synthetic community: the size asked for, consistent with Village's own rules."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, F

from village.common.markdown import render_markdown
from village.experts.models import ExpertProfile
from village.importers.community import CommunityGenerator
from village.questions.models import MAX_REPLY_DEPTH, Answer, HelpfulVote, Question, Reply
from village.search.engines import engine_for
from village.search.query import parse_query

pytestmark = pytest.mark.django_db


@pytest.fixture
def community():
    return CommunityGenerator(60, seed=7, chunk=25).run()


def test_the_command_makes_the_questions_asked_for_and_reports_its_rate():
    out = io.StringIO()
    call_command("generate_community", questions=30, stdout=out, stderr=io.StringIO())

    assert Question.objects.count() == 30
    assert Answer.objects.count() > 30
    assert "posts/s" in out.getvalue()
    assert "30 questions" in out.getvalue()


def test_counts_reported_match_the_rows(community):
    assert community.questions == Question.objects.count() == 60
    assert community.answers == Answer.objects.count()
    assert community.replies == Reply.objects.count()
    assert community.votes == HelpfulVote.objects.count()
    assert community.posts == 60 + community.answers + community.replies
    assert ExpertProfile.objects.filter(verified=True).count() == community.experts


def test_answer_counters_match_their_votes_and_replies(community):
    answers = Answer.objects.annotate(
        votes=Count("helpful_votes", distinct=True), threads=Count("replies", distinct=True)
    )
    assert all(a.helpful_count == a.votes and a.reply_count == a.threads for a in answers)


def test_replies_form_threads_within_one_answer_and_within_the_depth_limit(community):
    replies = Reply.objects.select_related("parent")
    assert replies.filter(parent__isnull=False).exists()
    for reply in replies:
        assert reply.depth < MAX_REPLY_DEPTH
        if reply.parent is None:
            assert reply.depth == 0
        else:
            assert reply.parent.answer_id == reply.answer_id
            assert reply.depth == reply.parent.depth + 1
            assert reply.created_at >= reply.parent.created_at


def test_nobody_votes_for_their_own_answer(community):
    assert not HelpfulVote.objects.filter(voter=F("answer__author")).exists()


def test_the_stored_html_is_exactly_what_the_markdown_renders_to(community):
    posts = [*Question.objects.all()[:20], *Answer.objects.all()[:40], *Reply.objects.all()[:40]]
    assert any("<ol>" in post.body_html for post in posts)
    for post in posts:
        assert render_markdown(post.body) == post.body_html


def test_text_lengths_vary_like_real_posts(community):
    words = sorted(len(a.body.split()) for a in Answer.objects.all())
    assert words[0] < 30
    assert words[-1] > 3 * words[len(words) // 2]


def test_generated_questions_are_in_the_search_index(community):
    question = Question.objects.order_by("pk").first()
    word = max(question.title.rstrip("?.").split(), key=len)
    hits = engine_for().search(parse_query(word), limit=100)
    assert question.pk in {hit.question_id for hit in hits}


def test_a_generated_question_page_renders(community, client):
    question = Question.objects.annotate(n=Count("answers")).filter(n__gt=0).first()
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    assert question.title in response.content.decode()


def test_postgresql_knows_the_new_rows_afterwards(community):
    """Without fresh statistics PostgreSQL planned a million posts as if there were none."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite keeps no planner statistics until asked")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN (%s, %s)",
            ["questions_answer", "questions_reply"],
        )
        estimated = dict(cursor.fetchall())
    assert estimated["questions_answer"] == Answer.objects.count()
    assert estimated["questions_reply"] == Reply.objects.count()


@pytest.mark.django_db(transaction=True)
def test_postgresql_is_vacuumed_after_generating():
    """The search index's pending list is emptied and new pages marked visible at once, not
    whenever autovacuum (which may be off) gets to it."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        started = cursor.fetchone()[0]
        CommunityGenerator(20, seed=3, chunk=10).run()
        cursor.execute(
            "SELECT relname, last_vacuum FROM pg_stat_user_tables WHERE relname IN (%s, %s)",
            ["questions_answer", "search_question_document"],
        )
        vacuumed = dict(cursor.fetchall())
    assert all(when is not None and when >= started for when in vacuumed.values()), vacuumed
