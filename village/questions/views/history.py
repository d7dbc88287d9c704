"""Edit history of questions, answers and replies."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from village.questions.history import edits_of
from village.questions.models import Question
from village.questions.permissions import (
    can_see_asker,
    is_moderator,
)
from village.questions.queries import (
    get_answer_for_user,
    get_question_for_user,
    get_reply_for_user,
)


def _history(request, post, kind: str, question: Question):
    if post.is_deleted and not is_moderator(request.user):
        return render(
            request,
            "questions/refused.html",
            {"reason": "This has been deleted, so its history is no longer shown."},
            status=404,
        )
    context = {
        "post": post,
        "kind": kind,
        "question": question,
        "edits": edits_of(post),
        "hide_editor": question.is_anonymous
        and kind == "question"
        and not can_see_asker(request.user, question),
    }
    return render(request, "questions/history.html", context)


@require_safe
def question_history(request, pk: int, slug: str):
    question = get_question_for_user(request.user, pk)
    return _history(request, question, "question", question)


@require_safe
def answer_history(request, pk: int):
    answer = get_answer_for_user(request.user, pk)
    return _history(request, answer, "answer", answer.question)


@require_safe
def reply_history(request, pk: int):
    reply = get_reply_for_user(request.user, pk)
    return _history(request, reply, "reply", reply.answer.question)
