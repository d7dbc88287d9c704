"""Every write to questions, answers, replies, votes and feedback goes through here.

Views, management commands and (later) the API call these functions; they check the rules,
render Markdown once on write, and keep the denormalised counters in step.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from village.common.markdown import render_markdown
from village.questions.models import (
    MAX_REPLY_DEPTH,
    Answer,
    AnswerFeedback,
    HelpfulVote,
    Question,
    Reply,
)
from village.questions.permissions import (
    check_can_answer,
    check_can_mark_helpful,
    check_can_reply,
)


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
    created_at=None,
) -> Question:
    """Publish a question and file it under its topics."""
    now = created_at or timezone.now()
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
            created_at=now,
            updated_at=now,
        )
        if topics:
            question.topics.set(topics)
    return question


def post_answer(*, author, question: Question, body: str, kind: str, created_at=None) -> Answer:
    """Answer a question: one answer per member per question, kind Opinion or Experience."""
    check_can_answer(author, question)
    if kind not in Answer.Kind.values:
        raise ValueError(f"Unknown answer kind: {kind!r}")
    now = created_at or timezone.now()
    return Answer.objects.create(
        question=question,
        author=author,
        kind=kind,
        body=body,
        body_html=render_markdown(body),
        created_at=now,
        updated_at=now,
    )


def post_reply(*, author, answer: Answer, body: str, parent: Reply | None = None, created_at=None):
    """Reply to an answer or to a reply; past the depth limit the reply joins the deepest level."""
    check_can_reply(author, answer)
    if parent is not None and parent.answer_id != answer.pk:
        raise ValueError("That reply belongs to another answer.")
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
    return reply


def mark_helpful(*, voter, answer: Answer) -> bool:
    """Mark an answer helpful; a second call takes the vote back. Returns whether it now counts."""
    check_can_mark_helpful(voter, answer)
    with transaction.atomic():
        deleted, _ = HelpfulVote.objects.filter(answer=answer, voter=voter).delete()
        if deleted:
            Answer.objects.filter(pk=answer.pk).update(helpful_count=F("helpful_count") - 1)
            return False
        try:
            with transaction.atomic():
                HelpfulVote.objects.create(answer=answer, voter=voter)
        except IntegrityError:
            # A double click raced us to it: the vote already counts.
            return True
        Answer.objects.filter(pk=answer.pk).update(helpful_count=F("helpful_count") + 1)
    return True


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
