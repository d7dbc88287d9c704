"""Every write on a question page against every kind of person, through the real views.

The same table is in docs/permissions.md. "login" means a redirect to sign in (and back),
"403" a refusal page, "ok" that the write happened. Nothing is ever a 500, and a refusal
never changes anything.
"""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    AnswerFactory,
    ExpertFactory,
    MemberFactory,
    QuestionFactory,
    TopicFactory,
)
from village.questions import services
from village.questions.models import Answer, AnswerFeedback, HelpfulVote, Question, Reply

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "unconfirmed", "member", "author", "expert", "moderator", "suspended"]

# action: outcome for each role, in the order of ROLES.
MATRIX = {
    "ask": ["login", "403", "ok", "ok", "ok", "ok", "403"],
    "answer": ["login", "403", "ok", "ok", "ok", "ok", "403"],
    "reply": ["login", "403", "ok", "ok", "ok", "ok", "403"],
    "edit question": ["login", "403", "403", "ok", "403", "403", "403"],
    "edit answer": ["login", "403", "403", "ok", "403", "403", "403"],
    "edit reply": ["login", "403", "403", "ok", "403", "403", "403"],
    "delete question": ["login", "403", "403", "ok", "403", "403", "403"],
    "delete answer": ["login", "403", "403", "ok", "403", "403", "403"],
    "delete reply": ["login", "403", "403", "ok", "403", "403", "403"],
    "vote": ["login", "403", "ok", "403", "ok", "ok", "403"],
    "feedback": ["ok", "ok", "ok", "ok", "ok", "ok", "ok"],
}


@dataclass
class World:
    asker: object
    answerer: object
    replier: object
    question: Question
    answer: Answer
    reply: Reply


@pytest.fixture
def world():
    asker, answerer, replier = MemberFactory(), MemberFactory(), MemberFactory()
    question = QuestionFactory(author=asker, title="Which bedtime story apps are worth it?")
    answer = AnswerFactory(question=question, author=answerer, body="We liked reading aloud.")
    reply = services.post_reply(author=replier, answer=answer, body="Same here.")
    return World(asker, answerer, replier, question, answer, reply)


def _author_for(action: str, world: World):
    if action in ("ask", "feedback"):
        return world.asker
    if action == "answer" or action.endswith("question"):
        return world.asker
    if action in ("reply", "vote") or action.endswith("answer"):
        return world.answerer
    return world.replier  # edit reply, delete reply


def _person(role: str, action: str, world: World):
    if role == "visitor":
        return None
    if role == "unconfirmed":
        return MemberFactory(email_verified=False)
    if role == "member":
        return MemberFactory()
    if role == "author":
        return _author_for(action, world)
    if role == "expert":
        return ExpertFactory()
    if role == "moderator":
        return MemberFactory(role="moderator")
    suspended = MemberFactory()
    suspended.profile.suspended_until = timezone.now() + timedelta(days=7)
    suspended.profile.save()
    return suspended


def _do(action: str, client, world: World):
    """Perform the action as the signed-in person; return the response and a check of its effect."""
    q, a, r = world.question, world.answer, world.reply
    if action == "ask":
        before = Question.objects.count()
        response = client.post(
            reverse("questions:ask"),
            {
                "title": "How do we share screen time fairly between siblings?",
                "body": "Three children, one tablet.",
                "topics": [_topic().pk],
                "token": "matrix",
            },
        )
        return response, lambda: Question.objects.count() == before + 1
    if action == "answer":
        before = Answer.objects.count()
        response = client.post(
            reverse("questions:answer", args=[q.pk, q.slug]),
            {"kind": "experience", "body": "A sticker chart worked for us."},
        )
        return response, lambda: Answer.objects.count() == before + 1
    if action == "reply":
        before = Reply.objects.count()
        response = client.post(reverse("questions:reply", args=[a.pk]), {"body": "Thank you!"})
        return response, lambda: Reply.objects.count() == before + 1
    if action == "edit question":
        response = client.post(
            reverse("questions:edit", args=[q.pk, q.slug]),
            {"title": "Which story apps are worth paying for?", "body": "Edited."},
        )
        return response, lambda: Question.objects.get(pk=q.pk).body == "Edited."
    if action == "edit answer":
        response = client.post(
            reverse("questions:edit_answer", args=[a.pk]), {"kind": "opinion", "body": "Edited."}
        )
        return response, lambda: Answer.objects.get(pk=a.pk).body == "Edited."
    if action == "edit reply":
        response = client.post(reverse("questions:edit_reply", args=[r.pk]), {"body": "Edited."})
        return response, lambda: Reply.objects.get(pk=r.pk).body == "Edited."
    if action == "delete question":
        response = client.post(reverse("questions:delete", args=[q.pk, q.slug]))
        return response, lambda: Question.objects.get(pk=q.pk).is_deleted
    if action == "delete answer":
        response = client.post(reverse("questions:delete_answer", args=[a.pk]))
        return response, lambda: Answer.objects.get(pk=a.pk).is_deleted
    if action == "delete reply":
        response = client.post(reverse("questions:delete_reply", args=[r.pk]))
        return response, lambda: Reply.objects.get(pk=r.pk).is_deleted
    if action == "vote":
        response = client.post(reverse("questions:helpful", args=[a.pk]))
        return response, lambda: HelpfulVote.objects.filter(answer=a).count() == 1
    if action == "feedback":
        response = client.post(reverse("questions:feedback", args=[q.pk, q.slug]), {"found": "no"})
        return response, lambda: AnswerFeedback.objects.filter(question=q).count() == 1
    raise AssertionError(action)


def _topic():
    return TopicFactory(slug="matrix-topic", name="Matrix topic")


CASES = [
    pytest.param(action, role, outcome, id=f"{action}-{role}")
    for action, outcomes in MATRIX.items()
    for role, outcome in zip(ROLES, outcomes, strict=True)
]


@pytest.mark.parametrize(("action", "role", "outcome"), CASES)
def test_each_write_is_allowed_or_refused_as_the_matrix_says(client, world, action, role, outcome):
    person = _person(role, action, world)
    if person is not None:
        client.force_login(person)
    response, happened = _do(action, client, world)
    assert response.status_code < 500
    if outcome == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login") + "?next=")
        assert not happened()
    elif outcome == "403":
        assert response.status_code == 403
        assert b"Sorry, you can" in response.content
        assert not happened()
    else:
        assert response.status_code in (200, 302)
        assert happened()


def test_the_matrix_in_the_docs_matches_the_one_tested():
    doc = (Path(__file__).resolve().parents[3] / "docs" / "permissions.md").read_text()
    for action, outcomes in MATRIX.items():
        row = f"| {action} | " + " | ".join(outcomes) + " |"
        assert row in doc, row
