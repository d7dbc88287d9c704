import pytest
from django.urls import reverse

from tests.factories import AnswerFactory, MemberFactory
from village.questions import services
from village.questions.models import Answer, Reply

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def reply_url(answer):
    return reverse("questions:reply", args=[answer.pk])


def test_a_plain_reply_redirects_to_it_with_its_thread_open(client, parent):
    answer = AnswerFactory()
    client.force_login(parent)
    response = client.post(reply_url(answer), {"body": "Thank you, this helped."})
    reply = Reply.objects.get()
    assert response["Location"] == (
        f"{answer.question.get_absolute_url()}?thread={answer.pk}#reply-{reply.pk}"
    )
    page = client.get(response["Location"]).content.decode()
    assert f'<details class="thread" id="thread-{answer.pk}" open' in page


def test_an_htmx_reply_returns_the_thread_with_the_new_reply_and_count(client, parent):
    answer = AnswerFactory()
    client.force_login(parent)
    response = client.post(reply_url(answer), {"body": "Thank you!"}, headers=HTMX)
    html = response.content.decode()
    reply = Reply.objects.get()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<details class="thread" id="thread-{answer.pk}" open')
    assert "<summary>Reply (1)</summary>" in html
    assert f'id="reply-{reply.pk}" tabindex="-1"' in html
    assert "Your reply is posted." in html


def test_a_reply_to_a_reply_nests_beneath_it(client, parent):
    answer = AnswerFactory()
    first = services.post_reply(author=answer.author, answer=answer, body="Glad it helps.")
    client.force_login(parent)
    client.post(reply_url(answer), {"body": "It really did.", "parent": first.pk}, headers=HTMX)
    nested = Reply.objects.get(parent=first)
    assert nested.depth == 1
    answer.refresh_from_db()
    assert answer.reply_count == 2


def test_an_empty_htmx_reply_is_explained_in_place_next_to_its_field(client, parent):
    answer = AnswerFactory()
    client.force_login(parent)
    response = client.post(reply_url(answer), {"body": "   "}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please write something here first." in html
    assert f'aria-describedby="reply-body-{answer.pk}-0-error"' in html
    assert Reply.objects.count() == 0


def test_an_over_long_reply_without_javascript_gets_its_own_page_keeping_the_text(client, parent):
    answer = AnswerFactory()
    client.force_login(parent)
    text = "So much to say. " * 130
    response = client.post(reply_url(answer), {"body": text})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please keep this under 2,000 characters." in html
    assert text.strip()[:200] in html
    assert Reply.objects.count() == 0


def test_a_reply_cannot_claim_a_parent_from_another_answer(client, parent):
    answer, other = AnswerFactory(), AnswerFactory()
    elsewhere = services.post_reply(author=parent, answer=other, body="Elsewhere.")
    client.force_login(parent)
    response = client.post(reply_url(answer), {"body": "Sneaky.", "parent": elsewhere.pk})
    assert response.status_code == 200
    assert "That reply is no longer part of this conversation." in response.content.decode()
    assert Reply.objects.count() == 1


def test_the_plain_reply_page_quotes_what_is_being_replied_to(client, parent):
    answer = AnswerFactory(body="Try a wind-down routine.")
    first = services.post_reply(
        author=MemberFactory(display_name="Rita"), answer=answer, body="Yes!"
    )
    client.force_login(parent)
    html = client.get(reply_url(answer), {"parent": first.pk}).content.decode()
    assert "Reply to Rita" in html
    assert f'name="parent" value="{first.pk}"' in html


def test_visitors_see_a_sign_in_link_that_comes_back_to_the_open_thread(client):
    answer = AnswerFactory()
    html = client.get(answer.question.get_absolute_url()).content.decode()
    assert (
        f"?next={answer.question.get_absolute_url()}%3Fthread%3D{answer.pk}%23answer-{answer.pk}"
        in html
    )


def test_a_deleted_reply_keeps_the_thread_readable(client, parent):
    answer = AnswerFactory()
    first = services.post_reply(author=parent, answer=answer, body="My first reply.")
    services.post_reply(author=answer.author, answer=answer, parent=first, body="An answer to it.")
    lonely = services.post_reply(author=parent, answer=answer, body="A lonely reply.")
    services.delete_reply(by=parent, reply=first)
    services.delete_reply(by=parent, reply=lonely)
    html = client.get(answer.question.get_absolute_url()).content.decode()
    assert "Reply deleted." in html
    assert "My first reply." not in html
    assert "An answer to it." in html
    assert "A lonely reply." not in html  # nothing hangs beneath it, so it simply goes
    assert Answer.objects.get(pk=answer.pk).reply_count == 1


def test_a_deleted_reply_takes_no_replies(client, parent):
    answer = AnswerFactory()
    first = services.post_reply(author=parent, answer=answer, body="Soon gone.")
    services.delete_reply(by=parent, reply=first)
    client.force_login(MemberFactory())
    response = client.post(reply_url(answer), {"body": "Hello?", "parent": first.pk})
    assert response.status_code == 403
    assert Reply.objects.count() == 1
