"""The follow button on a question page: follow a question, or stop following it."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from village.questions.following import choose_to_follow_question, unfollow_question
from village.questions.models import Question
from village.questions.queries import get_question_for_user


def _question(request, pk: int) -> Question:
    question = get_question_for_user(request.user, pk)
    if question.status != Question.Status.PUBLISHED:
        raise Http404("No such question.")
    return question


def _answer(request, question: Question, following: bool):
    if request.htmx:
        context = {"question": question, "following": following}
        return render(request, "questions/_follow.html", context)
    return redirect(question)


@require_POST
def follow(request, pk: int, slug: str):
    """Follow a question (the notifications issue tells followers about new answers)."""
    question = _question(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(question.get_absolute_url())
    try:
        choose_to_follow_question(user=request.user, question=question)
    except PermissionDenied as refusal:
        if request.htmx:
            return HttpResponse(
                format_html('<p class="refusal" role="alert">{}</p>', refusal), status=403
            )
        return render(request, "questions/refused.html", {"reason": str(refusal)}, status=403)
    return _answer(request, question, following=True)


@require_POST
def unfollow(request, pk: int, slug: str):
    question = _question(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(question.get_absolute_url())
    unfollow_question(user=request.user, question=question)
    return _answer(request, question, following=False)
