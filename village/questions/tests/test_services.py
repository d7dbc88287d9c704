import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory
from village.questions import services
from village.questions.models import MAX_REPLY_DEPTH, Answer, HelpfulVote

pytestmark = pytest.mark.django_db


def test_markdown_is_rendered_and_sanitised_on_write(parent):
    question = services.ask_question(
        author=parent, title="Is this safe?", body="**Bold** <script>alert(1)</script>"
    )
    assert (
        question.body_html == "<p><strong>Bold</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    )
    assert question.slug == "is-this-safe"


def test_mark_helpful_counts_once_and_a_second_click_takes_it_back(parent):
    answer = AnswerFactory()
    assert services.mark_helpful(voter=parent, answer=answer) is True
    answer.refresh_from_db()
    assert answer.helpful_count == 1
    assert services.mark_helpful(voter=parent, answer=answer) is False
    answer.refresh_from_db()
    assert answer.helpful_count == 0
    assert HelpfulVote.objects.count() == 0


def test_nobody_marks_their_own_answer_helpful():
    answer = AnswerFactory()
    with pytest.raises(PermissionDenied):
        services.mark_helpful(voter=answer.author, answer=answer)


def test_the_database_refuses_a_second_vote_by_the_same_member(parent):
    answer = AnswerFactory()
    HelpfulVote.objects.create(answer=answer, voter=parent)
    with pytest.raises(IntegrityError):
        HelpfulVote.objects.create(answer=answer, voter=parent)


def test_one_answer_per_member_per_question_and_the_second_attempt_points_at_the_first(parent):
    question = QuestionFactory()
    first = services.post_answer(author=parent, question=question, body="First", kind="opinion")
    with pytest.raises(services.AlreadyAnswered) as refusal:
        services.post_answer(author=parent, question=question, body="Again", kind="opinion")
    assert refusal.value.answer == first
    assert Answer.objects.filter(question=question).count() == 1


def test_the_database_refuses_a_second_live_answer_by_the_same_member(parent):
    question = QuestionFactory()
    services.post_answer(author=parent, question=question, body="First", kind="opinion")
    with pytest.raises(IntegrityError):
        Answer.objects.create(
            question=question, author=parent, body="x", body_html="x", kind="opinion"
        )


def test_unknown_answer_kind_is_refused(parent):
    with pytest.raises(ValueError):
        services.post_answer(author=parent, question=QuestionFactory(), body="x", kind="rumour")


def test_replies_nest_to_the_depth_limit_then_go_flat(parent):
    answer = AnswerFactory()
    parent_reply = None
    depths = []
    for _ in range(MAX_REPLY_DEPTH + 2):
        parent_reply = services.post_reply(
            author=parent, answer=answer, parent=parent_reply, body="and then?"
        )
        depths.append(parent_reply.depth)
    assert depths == [0, 1, 2, 2, 2][: MAX_REPLY_DEPTH + 2] if MAX_REPLY_DEPTH == 3 else depths
    assert max(depths) == MAX_REPLY_DEPTH - 1
    answer.refresh_from_db()
    assert answer.reply_count == MAX_REPLY_DEPTH + 2


def test_a_reply_cannot_hang_under_another_answers_thread(parent):
    first, second = AnswerFactory(), AnswerFactory()
    reply = services.post_reply(author=parent, answer=first, body="hi")
    with pytest.raises(ValueError):
        services.post_reply(author=parent, answer=second, parent=reply, body="lost")


def test_inactive_members_cannot_answer():
    member = MemberFactory()
    member.is_active = False
    member.save()
    with pytest.raises(PermissionDenied):
        services.post_answer(author=member, question=QuestionFactory(), body="x", kind="opinion")
    assert Answer.objects.count() == 0
