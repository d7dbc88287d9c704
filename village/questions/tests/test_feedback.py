import pytest

from tests.factories import QuestionFactory
from village.questions.models import AnswerFeedback

pytestmark = pytest.mark.django_db


def feedback_url(question):
    return f"{question.get_absolute_url()}feedback/"


def test_visitor_answers_yes_and_sees_thanks(client):
    question = QuestionFactory()
    response = client.post(feedback_url(question), {"found": "yes"}, follow=True)
    assert response.status_code == 200
    assert "Thank you, we're glad it helped." in response.content.decode()
    assert list(AnswerFeedback.objects.values_list("found", flat=True)) == [True]


def test_a_changed_mind_replaces_the_earlier_response(client):
    question = QuestionFactory()
    client.post(feedback_url(question), {"found": "yes"})
    client.post(feedback_url(question), {"found": "no"})
    assert list(AnswerFeedback.objects.values_list("found", flat=True)) == [False]


def test_each_visitor_and_member_counts_once(client, parent):
    question = QuestionFactory()
    client.post(feedback_url(question), {"found": "yes"})
    other_visitor = client.__class__()
    other_visitor.post(feedback_url(question), {"found": "no"})
    client.force_login(parent)
    client.post(feedback_url(question), {"found": "yes"})
    client.post(feedback_url(question), {"found": "yes"})
    assert AnswerFeedback.objects.count() == 3
    assert AnswerFeedback.objects.filter(user=parent).count() == 1


def test_htmx_request_gets_the_section_back_in_place(client):
    question = QuestionFactory()
    response = client.post(feedback_url(question), {"found": "no"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="feedback"')
    assert "Thank you for telling us." in html


def test_anything_but_yes_or_no_is_refused_clearly(client):
    question = QuestionFactory()
    response = client.post(feedback_url(question), {"found": "maybe"})
    assert response.status_code == 400
    assert b"Please answer yes or no." in response.content
    assert AnswerFeedback.objects.count() == 0


def test_feedback_needs_a_post(client):
    question = QuestionFactory()
    assert client.get(feedback_url(question)).status_code == 405
