import pytest
from django.core.management import call_command

from village.accounts.models import User
from village.demo import content
from village.questions import services
from village.questions.models import Answer, Question, Reply
from village.questions.queries import question_page

pytestmark = pytest.mark.django_db


def test_demo_has_a_featured_question_in_the_seed_shape():
    call_command("load_demo")
    featured = Question.objects.get(is_featured=True)
    assert featured.author.profile.role == "staff_writer"
    assert featured.source_url
    page = question_page(featured)
    assert page.expert_count >= 4
    roles = {view.answer.author.profile.role for view in page.answers}
    assert "admin" in roles
    kinds = {view.answer.kind for view in page.answers}
    assert kinds == {"opinion", "experience"}
    assert any(view.replies for view in page.answers)
    helpful = [view.answer.helpful_count for view in page.answers]
    assert helpful == sorted(helpful, reverse=True) and len(set(helpful)) > 2


def test_demo_spreads_over_topics():
    call_command("load_demo")
    assert Question.objects.count() >= 21
    used = Question.topics.through.objects.values("topic").distinct().count()
    assert used >= 6


def test_loading_twice_creates_nothing_new():
    call_command("load_demo")
    counts = (
        User.objects.count(),
        Question.objects.count(),
        Answer.objects.count(),
        Reply.objects.count(),
    )
    call_command("load_demo")
    call_command("load_demo", "--if-empty")
    assert counts == (
        User.objects.count(),
        Question.objects.count(),
        Answer.objects.count(),
        Reply.objects.count(),
    )


def test_if_empty_leaves_a_database_with_questions_alone(parent):
    services.ask_question(author=parent, title="Our own question?")
    call_command("load_demo", "--if-empty")
    assert not User.objects.filter(email=content.PEOPLE[0]["email"]).exists()
