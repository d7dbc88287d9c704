from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory
from village.questions import services
from village.questions.history import word_diff
from village.questions.models import Answer, Question, Revision

pytestmark = pytest.mark.django_db


def test_editing_a_question_keeps_the_earlier_text_as_a_revision(client, parent):
    question = QuestionFactory(author=parent, title="Bedtime at seven?", body="Is it too early?")
    client.force_login(parent)
    response = client.post(
        reverse("questions:edit", args=[question.pk, question.slug]),
        {"title": "Bedtime at half past seven?", "body": "Is it too early for a six-year-old?"},
    )
    question.refresh_from_db()
    assert response["Location"] == question.get_absolute_url()
    assert question.slug == "bedtime-at-half-past-seven"
    assert question.edited_at is not None
    revision = Revision.objects.get()
    assert (revision.title, revision.body, revision.editor) == (
        "Bedtime at seven?",
        "Is it too early?",
        parent,
    )


def test_the_page_says_edited_and_links_to_the_history(client, parent):
    answer = AnswerFactory(author=parent, body="Start with ten minutes.")
    services.edit_answer(
        editor=parent, answer=answer, body="Start with five minutes.", kind="opinion"
    )
    html = client.get(answer.question.get_absolute_url()).content.decode()
    assert f'href="{reverse("questions:answer_history", args=[answer.pk])}">edited' in html


def test_anyone_can_read_the_history_with_the_words_that_changed(client, parent):
    answer = AnswerFactory(author=parent, body="Start with ten minutes.")
    services.edit_answer(
        editor=parent, answer=answer, body="Start with five minutes.", kind="opinion"
    )
    services.edit_answer(
        editor=parent, answer=answer, body="Start with five minutes, then more.", kind="opinion"
    )
    html = client.get(reverse("questions:answer_history", args=[answer.pk])).content.decode()
    assert html.count('class="edit"') == 2
    assert "<del>ten </del><ins>five </ins>" in html
    assert "<del>minutes.</del><ins>minutes, then more.</ins>" in html
    # Newest edit first.
    assert html.index("then more") < html.index("<del>ten </del>")


def test_an_unchanged_save_makes_no_revision(parent):
    answer = AnswerFactory(author=parent)
    services.edit_answer(editor=parent, answer=answer, body=answer.body, kind=answer.kind)
    assert Revision.objects.count() == 0
    assert Answer.objects.get(pk=answer.pk).edited_at is None


def test_word_diff_marks_removed_and_added_words_in_reading_order():
    segments = word_diff("one two three", "one four three")
    assert [(s.change, s.text) for s in segments] == [
        ("same", "one "),
        ("removed", "two "),
        ("added", "four "),
        ("same", "three"),
    ]


def test_editing_a_reply_through_the_form(client, parent):
    answer = AnswerFactory()
    reply = services.post_reply(author=parent, answer=answer, body="Typo hre.")
    client.force_login(parent)
    client.post(reverse("questions:edit_reply", args=[reply.pk]), {"body": "Typo here."})
    reply.refresh_from_db()
    assert reply.body == "Typo here."
    assert Revision.objects.get(reply=reply).body == "Typo hre."


def test_an_edit_with_an_empty_body_is_refused_next_to_the_field_keeping_the_title(client, parent):
    answer = AnswerFactory(author=parent)
    client.force_login(parent)
    response = client.post(
        reverse("questions:edit_answer", args=[answer.pk]), {"kind": "opinion", "body": ""}
    )
    assert response.status_code == 200
    assert "Please write something here first." in response.content.decode()
    assert Revision.objects.count() == 0


def test_a_deleted_answer_keeps_its_replies_readable_and_stops_counting(client, parent):
    question = QuestionFactory()
    answer = AnswerFactory(question=question, author=parent, body="Soon to go.")
    services.post_reply(author=MemberFactory(), answer=answer, body="Still worth reading.")
    AnswerFactory(question=question, body="Another parent's answer.")
    client.force_login(parent)
    client.post(reverse("questions:delete_answer", args=[answer.pk]))
    client.logout()
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Answer deleted by its author." in html
    assert "Soon to go." not in html
    assert "Still worth reading." in html
    assert "1 parent has answered" in html


def test_a_deleted_answer_without_replies_simply_goes_and_its_author_may_answer_again(parent):
    question = QuestionFactory()
    answer = AnswerFactory(question=question, author=parent)
    services.delete_answer(by=parent, answer=answer)
    again = services.post_answer(author=parent, question=question, body="Again", kind="opinion")
    assert again.pk != answer.pk


def test_a_deleted_question_stays_readable_with_its_answers_but_leaves_the_lists(client, parent):
    question = QuestionFactory(author=parent, body="The original worry.")
    AnswerFactory(question=question, body="A helpful answer.")
    client.force_login(parent)
    assert (
        client.get(reverse("questions:delete", args=[question.pk, question.slug])).status_code
        == 200
    )
    client.post(reverse("questions:delete", args=[question.pk, question.slug]))
    assert Question.objects.get(pk=question.pk).is_deleted
    client.logout()
    html = client.get(question.get_absolute_url()).content.decode()
    assert "The person who asked deleted this question." in html
    assert "The original worry." not in html
    assert "A helpful answer." in html
    assert question.title not in client.get("/").content.decode()


def test_the_history_of_a_deleted_post_is_not_shown(client, parent):
    answer = AnswerFactory(author=parent, body="Private after all.")
    services.edit_answer(editor=parent, answer=answer, body="Changed.", kind="opinion")
    services.delete_answer(by=parent, answer=answer)
    response = client.get(reverse("questions:answer_history", args=[answer.pk]))
    assert response.status_code == 404
    assert b"Private after all." not in response.content


def test_a_suspended_author_cannot_edit_their_own_answer(client, parent):
    answer = AnswerFactory(author=parent, body="Before.")
    parent.profile.suspended_until = timezone.now() + timedelta(days=1)
    parent.profile.save()
    client.force_login(parent)
    response = client.post(
        reverse("questions:edit_answer", args=[answer.pk]), {"kind": "opinion", "body": "After."}
    )
    assert response.status_code == 403
    assert b"suspended" in response.content
    assert Answer.objects.get(pk=answer.pk).body == "Before."


def test_only_authors_see_edit_and_delete_links(client, parent):
    answer = AnswerFactory(author=parent)
    edit = reverse("questions:edit_answer", args=[answer.pk])
    client.force_login(parent)
    assert edit in client.get(answer.question.get_absolute_url()).content.decode()
    client.force_login(MemberFactory())
    assert edit not in client.get(answer.question.get_absolute_url()).content.decode()
