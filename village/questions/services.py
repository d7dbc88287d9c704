"""Every write to questions, answers, replies, votes and feedback goes through here.

Views, management commands and (later) the API call these functions; they check the rules,
render Markdown once on write, and keep the denormalised counters in step.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from village.common.markdown import render_markdown
from village.questions.following import follow_question
from village.questions.models import (
    MAX_REPLY_DEPTH,
    Answer,
    AnswerFeedback,
    HelpfulVote,
    Question,
    Reply,
    Revision,
)
from village.questions.newcomers import check_link_limit
from village.questions.permissions import (
    check_can_answer,
    check_can_ask,
    check_can_change,
    check_can_mark_helpful,
    check_can_reply,
)
from village.questions.repetition import check_not_repeated
from village.questions.signals import question_changed
from village.questions.tasks import (
    after_commit,
    announce_answer,
    announce_helpful,
    announce_question,
    announce_reply,
)
from village.questions.visibility import questions_visibility_changed


class AlreadyAnswered(Exception):
    """The member has answered this question before; `answer` is that answer, to edit instead."""

    def __init__(self, answer: Answer):
        super().__init__("You have already answered this question.")
        self.answer = answer


def make_slug(title: str) -> str:
    return slugify(title)[:200].strip("-") or "question"


def ask_question(
    *,
    author,
    title: str,
    body: str = "",
    topics=(),
    source_url: str = "",
    source_title: str = "",
    is_anonymous: bool = False,
    idempotency_key: str = "",
    created_at=None,
) -> Question:
    """Publish a question and file it under its topics.

    The same idempotency_key from the same author returns the question already published,
    so a double click on the ask form publishes once.
    """
    check_can_ask(author)
    if idempotency_key:
        earlier = _asked_with(author, idempotency_key)
        if earlier is not None:
            return earlier
    check_not_repeated(author, title, field="title")
    check_not_repeated(author, body)
    check_link_limit(author, title, body)
    now = created_at or timezone.now()
    try:
        with transaction.atomic():
            question = Question.objects.create(
                title=title.strip(),
                slug=make_slug(title),
                body=body,
                body_html=render_markdown(body),
                author=author,
                is_anonymous=is_anonymous,
                source_url=source_url,
                source_title=source_title if source_url else "",
                idempotency_key=idempotency_key,
                created_at=now,
                updated_at=now,
            )
            if topics:
                question.topics.set(topics)
            follow_question(author, question)
            after_commit(announce_question, question.pk)
    except IntegrityError:
        # The other click of a double click committed first; the database kept only one.
        earlier = _asked_with(author, idempotency_key) if idempotency_key else None
        if earlier is None:
            raise
        return earlier
    return question


def _asked_with(author, idempotency_key: str) -> Question | None:
    return Question.objects.filter(author=author, idempotency_key=idempotency_key).first()


def post_answer(*, author, question: Question, body: str, kind: str, created_at=None) -> Answer:
    """Answer a question: one answer per member per question, kind Opinion or Experience.

    Raises AlreadyAnswered, carrying the earlier answer, on a second attempt.
    """
    check_can_answer(author, question)
    if kind not in Answer.Kind.values:
        raise ValueError(f"Unknown answer kind: {kind!r}")
    earlier = live_answer_by(author, question)
    if earlier is not None:
        raise AlreadyAnswered(earlier)
    check_not_repeated(author, body)
    check_link_limit(author, body)
    now = created_at or timezone.now()
    try:
        with transaction.atomic():
            answer = Answer.objects.create(
                question=question,
                author=author,
                kind=kind,
                body=body,
                body_html=render_markdown(body),
                created_at=now,
                updated_at=now,
            )
            follow_question(author, question)
            after_commit(announce_answer, answer.pk)
            return answer
    except IntegrityError:
        earlier = live_answer_by(author, question)
        if earlier is None:
            raise
        raise AlreadyAnswered(earlier) from None


def live_answer_by(author, question: Question) -> Answer | None:
    """The member's answer to this question that hasn't been deleted, if any."""
    return Answer.objects.filter(question=question, author=author, deleted_at__isnull=True).first()


def post_reply(*, author, answer: Answer, body: str, parent: Reply | None = None, created_at=None):
    """Reply to an answer or to a reply; past the depth limit the reply joins the deepest level."""
    check_can_reply(author, answer)
    if parent is not None and parent.answer_id != answer.pk:
        raise ValueError("That reply belongs to another answer.")
    if parent is not None and parent.is_deleted:
        raise PermissionDenied("That reply has been deleted, so it can't take new replies.")
    if parent is not None and parent.is_hidden:
        raise PermissionDenied("A moderator has hidden that reply, so it can't take new replies.")
    check_not_repeated(author, body)
    check_link_limit(author, body)
    while parent is not None and parent.depth >= MAX_REPLY_DEPTH - 1:
        parent = parent.parent
    depth = 0 if parent is None else parent.depth + 1
    with transaction.atomic():
        reply = Reply.objects.create(
            answer=answer,
            parent=parent,
            author=author,
            depth=depth,
            body=body,
            body_html=render_markdown(body),
            created_at=created_at or timezone.now(),
        )
        Answer.objects.filter(pk=answer.pk).update(reply_count=F("reply_count") + 1)
        after_commit(announce_reply, reply.pk)
    return reply


def mark_helpful(*, voter, answer: Answer) -> bool:
    """Mark an answer helpful; a second call takes the vote back. Returns whether it now counts."""
    check_can_mark_helpful(voter, answer)
    with transaction.atomic():
        deleted, _ = HelpfulVote.objects.filter(answer=answer, voter=voter).delete()
        if deleted:
            Answer.objects.filter(pk=answer.pk).update(helpful_count=F("helpful_count") - deleted)
            return False
        _add_vote(voter, answer)
    return True


def add_helpful_vote(*, voter, answer: Answer) -> None:
    """Make sure the member's helpful vote counts, without taking back one already given.

    For a vote asked for before signing in: applying it twice must not undo it.
    """
    check_can_mark_helpful(voter, answer)
    with transaction.atomic():
        _add_vote(voter, answer)


def _add_vote(voter, answer: Answer) -> None:
    try:
        with transaction.atomic():
            HelpfulVote.objects.create(answer=answer, voter=voter)
    except IntegrityError:
        return  # a double click raced us to it: the vote already counts
    Answer.objects.filter(pk=answer.pk).update(helpful_count=F("helpful_count") + 1)
    after_commit(announce_helpful, answer.pk, voter.pk)


def helpful_count_of(answer: Answer) -> int:
    return Answer.objects.values_list("helpful_count", flat=True).get(pk=answer.pk)


def record_feedback(*, question: Question, visitor_key: str, found: bool, user=None):
    """Record "did you find the answer?"; a changed mind replaces the earlier response."""
    feedback, _ = AnswerFeedback.objects.update_or_create(
        question=question,
        visitor_key=visitor_key,
        defaults={
            "found": found,
            "user": user if user is not None and user.is_authenticated else None,
            "created_at": timezone.now(),
        },
    )
    return feedback


def edit_question(*, editor, question: Question, title: str, body: str) -> Question:
    """Change a question's title and body, keeping the earlier text as a revision."""
    check_can_change(editor, question)
    title = title.strip()
    if title == question.title and body == question.body:
        return question
    check_link_limit(editor, title, body)
    now = timezone.now()
    with transaction.atomic():
        Revision.objects.create(
            question=question, editor=editor, title=question.title, body=question.body
        )
        question.title = title
        question.slug = make_slug(title)
        question.body = body
        question.body_html = render_markdown(body)
        question.edited_at = question.updated_at = now
        question.save(
            update_fields=["title", "slug", "body", "body_html", "edited_at", "updated_at"]
        )
    return question


def edit_answer(*, editor, answer: Answer, body: str, kind: str) -> Answer:
    """Change an answer's body or kind, keeping the earlier text as a revision."""
    check_can_change(editor, answer)
    if kind not in Answer.Kind.values:
        raise ValueError(f"Unknown answer kind: {kind!r}")
    if body == answer.body and kind == answer.kind:
        return answer
    if body != answer.body:
        check_link_limit(editor, body)
    now = timezone.now()
    with transaction.atomic():
        if body != answer.body:
            Revision.objects.create(answer=answer, editor=editor, body=answer.body)
        answer.body = body
        answer.body_html = render_markdown(body)
        answer.kind = kind
        answer.edited_at = answer.updated_at = now
        answer.save(update_fields=["body", "body_html", "kind", "edited_at", "updated_at"])
    return answer


def edit_reply(*, editor, reply: Reply, body: str) -> Reply:
    """Change a reply, keeping the earlier text as a revision."""
    check_can_change(editor, reply)
    if body == reply.body:
        return reply
    check_link_limit(editor, body)
    with transaction.atomic():
        Revision.objects.create(reply=reply, editor=editor, body=reply.body)
        reply.body = body
        reply.body_html = render_markdown(body)
        reply.edited_at = timezone.now()
        reply.save(update_fields=["body", "body_html", "edited_at"])
    return reply


def delete_question(*, by, question: Question) -> None:
    """The author takes their question down; its answers stay readable beneath a notice."""
    check_can_change(by, question)
    question.status = Question.Status.DELETED
    question.updated_at = timezone.now()
    question.save(update_fields=["status", "updated_at"])
    questions_visibility_changed()


def delete_answer(*, by, answer: Answer) -> None:
    """The author deletes their answer; its replies stay readable beneath a notice."""
    check_can_change(by, answer)
    answer.deleted_at = timezone.now()
    answer.save(update_fields=["deleted_at"])


def delete_reply(*, by, reply: Reply) -> None:
    """The author deletes their reply; replies to it stay readable beneath a notice."""
    check_can_change(by, reply)
    with transaction.atomic():
        updated = Reply.objects.filter(pk=reply.pk, deleted_at__isnull=True).update(
            deleted_at=timezone.now()
        )
        if updated:
            Answer.objects.filter(pk=reply.answer_id).update(reply_count=F("reply_count") - 1)
            question_changed(reply.answer.question_id)
    reply.refresh_from_db(fields=["deleted_at"])
