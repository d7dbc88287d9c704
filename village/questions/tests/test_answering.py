import pytest
from django.urls import reverse

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory
from village.questions import services
from village.questions.models import Answer

pytestmark = pytest.mark.django_db


def answer_url(question):
    return reverse("questions:answer", args=[question.pk, question.slug])


def test_the_answer_form_explains_both_kinds(client, parent):
    client.force_login(parent)
    html = client.get(QuestionFactory().get_absolute_url()).content.decode()
    assert "Is your answer an opinion or an experience?" in html
    assert "What you think, and why." in html
    assert "What happened in your family, or in your work with families." in html


def test_visitors_are_invited_to_sign_in_to_answer(client):
    html = client.get(QuestionFactory().get_absolute_url()).content.decode()
    assert "Sign in to answer" in html
    assert 'name="kind"' not in html


def test_an_unconfirmed_member_is_told_to_confirm_instead_of_seeing_the_form(client):
    client.force_login(MemberFactory(email_verified=False))
    html = client.get(QuestionFactory().get_absolute_url()).content.decode()
    assert "Please confirm your email address before you post." in html
    assert 'name="kind"' not in html


def test_a_member_answers_as_experience_and_lands_on_the_answer(client, parent):
    question = QuestionFactory()
    client.force_login(parent)
    response = client.post(answer_url(question), {"kind": "experience", "body": "We tried it."})
    answer = Answer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{question.get_absolute_url()}#answer-{answer.pk}"
    assert (answer.kind, answer.author) == ("experience", parent)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"body": "We tried it."},
            "kind",
            "Please say whether this is an opinion or an experience.",
        ),
        ({"kind": "experience", "body": "   "}, "body", "Please write something here first."),
        ({"kind": "rumour", "body": "We tried it."}, "kind", "Select a valid choice."),
        ({"kind": "opinion", "body": "x" * 10_001}, "body", "Please keep this under 10,000"),
    ],
)
def test_a_bad_answer_is_explained_on_the_question_page_keeping_the_text(
    client, parent, data, field, message
):
    question = QuestionFactory()
    client.force_login(parent)
    response = client.post(answer_url(question), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert Answer.objects.count() == 0
    error_at = html.index(f'id="id_{field}_error"')
    assert message in html[error_at : error_at + 300]
    if data["body"].strip():
        assert data["body"][:40] in html
    assert question.title in html


def test_a_second_answer_opens_the_first_for_editing_with_the_new_text_kept(client, parent):
    question = QuestionFactory()
    first = AnswerFactory(question=question, author=parent, body="My first thoughts.")
    client.force_login(parent)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "You've answered this question." in page
    assert reverse("questions:edit_answer", args=[first.pk]) in page

    response = client.post(
        answer_url(question), {"kind": "opinion", "body": "Second thoughts, typed in another tab."}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "You've already answered this question" in html
    assert "Second thoughts, typed in another tab." in html
    assert "My first thoughts." in html
    assert f'action="{reverse("questions:edit_answer", args=[first.pk])}"' in html
    assert Answer.objects.count() == 1


def test_the_no_javascript_preview_shows_the_answer_on_the_page_without_saving(client, parent):
    question = QuestionFactory()
    client.force_login(parent)
    response = client.post(
        answer_url(question), {"kind": "opinion", "body": "A *gentle* approach.", "preview": "1"}
    )
    assert "A <em>gentle</em> approach." in response.content.decode()
    assert Answer.objects.count() == 0


def test_getting_the_answer_address_leads_to_the_form_on_the_question(client, parent):
    question = QuestionFactory()
    client.force_login(parent)
    response = client.get(answer_url(question))
    assert response["Location"] == f"{question.get_absolute_url()}#answer-form"


def test_a_deleted_question_takes_no_new_answers(client, parent):
    question = QuestionFactory()
    services.delete_question(by=question.author, question=question)
    client.force_login(parent)
    response = client.post(answer_url(question), {"kind": "opinion", "body": "Late."})
    assert response.status_code == 403
    assert Answer.objects.count() == 0
