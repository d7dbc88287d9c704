"""Hidden content: its author and moderators still see it, beneath a notice; no one else."""

import pytest
from django.urls import reverse

from tests.factories import AnswerFactory, MemberFactory
from village.moderation import services
from village.questions import services as questions
from village.questions.models import Question

NOTICE = "Hidden by a moderator."


@pytest.fixture
def hidden_answer(moderator, answer):
    services.hide(moderator=moderator, target=answer, reason="Shares a phone number.")
    return answer


def page_as(client, user, question):
    if user is not None:
        client.force_login(user)
    return client.get(question.get_absolute_url()).content.decode()


def test_visitors_and_other_members_do_not_see_a_hidden_answer(client, hidden_answer, parent):
    for viewer in (None, parent):
        html = page_as(client, viewer, hidden_answer.question)
        assert "Share your own number, please." not in html
        assert NOTICE not in html


def test_the_author_sees_their_hidden_answer_with_a_notice(client, hidden_answer):
    html = page_as(client, hidden_answer.author, hidden_answer.question)
    assert "Share your own number, please." in html
    assert "Hidden by a moderator. Only you and the moderators can see this answer." in html


def test_moderators_see_a_hidden_answer_with_a_notice(client, hidden_answer, moderator):
    html = page_as(client, moderator, hidden_answer.question)
    assert "Share your own number, please." in html
    assert "Hidden by a moderator. Only the moderators can see this answer." in html


def test_the_count_line_counts_only_visible_answers(client, hidden_answer, moderator):
    AnswerFactory(question=hidden_answer.question, author=MemberFactory())
    for viewer in (None, moderator, hidden_answer.author):
        html = page_as(client, viewer, hidden_answer.question)
        assert "1 parent has answered" in html


def test_a_hidden_answer_cannot_be_voted_on_or_replied_to(client, hidden_answer, parent):
    client.force_login(parent)
    assert client.post(reverse("questions:helpful", args=[hidden_answer.pk])).status_code == 404
    response = client.post(reverse("questions:reply", args=[hidden_answer.pk]), {"body": "Hi"})
    assert response.status_code == 404


def test_a_hidden_reply_shows_only_to_its_author_and_moderators(client, reply, moderator, parent):
    services.hide(moderator=moderator, target=reply, reason="Off topic and unkind.")
    question = reply.answer.question
    thread = f"{question.get_absolute_url()}?thread={reply.answer_id}"
    client.force_login(parent)
    assert "Thanks, that helps a lot." not in client.get(thread).content.decode()
    client.force_login(reply.author)
    html = client.get(thread).content.decode()
    assert "Thanks, that helps a lot." in html
    assert "Only you and the moderators can see this reply." in html
    client.force_login(moderator)
    assert "Thanks, that helps a lot." in client.get(thread).content.decode()


def test_a_hidden_question_is_gone_for_others_but_not_for_its_author(
    client, question, moderator, parent
):
    services.hide(moderator=moderator, target=question, reason="Advertising.")
    assert client.get(question.get_absolute_url()).status_code == 404
    client.force_login(parent)
    assert client.get(question.get_absolute_url()).status_code == 404
    html = page_as(client, question.author, question)
    assert "Only you and the moderators can see this question." in html
    html = page_as(client, moderator, question)
    assert "Only the moderators can see this question." in html
    assert not Question.objects.filter(status=Question.Status.PUBLISHED, pk=question.pk).exists()


def test_a_hidden_answer_is_left_off_its_authors_public_profile(client, hidden_answer, parent):
    url = reverse("people:profile", args=[hidden_answer.author.pk])
    client.force_login(parent)
    assert hidden_answer.question.title not in client.get(url).content.decode()
    client.force_login(hidden_answer.author)
    assert hidden_answer.question.title in client.get(url).content.decode()


def test_the_question_page_query_count_stays_small_with_hidden_answers(
    client, hidden_answer, moderator, django_assert_max_num_queries
):
    for _ in range(4):
        AnswerFactory(question=hidden_answer.question, author=MemberFactory())
    client.force_login(moderator)
    with django_assert_max_num_queries(16):
        assert client.get(hidden_answer.question.get_absolute_url()).status_code == 200


def test_a_hidden_answer_stays_out_of_the_page_its_structured_data_and_the_answers_feed(
    client, moderator, answer
):
    # A reply beneath keeps the hidden answer on the page, as a notice.
    questions.post_reply(author=MemberFactory(), answer=answer, body="What do you mean?")
    services.hide(moderator=moderator, target=answer, reason="Shares a phone number.")
    question = answer.question
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Answer hidden by a moderator." in html
    assert "What do you mean?" in html
    assert "Share your own number" not in html  # nor in the JSON-LD the page carries
    feed = client.get(reverse("feeds:answers", args=[question.pk]))
    assert feed.status_code == 200
    assert b"Share your own number" not in feed.content
