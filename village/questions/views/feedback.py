"""Did you find the answer you were looking for? Yes or no, one response per reader."""

import secrets

from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from village.questions import services
from village.questions.models import AnswerFeedback
from village.questions.permissions import (
    is_moderator,
)
from village.questions.queries import (
    feedback_tally,
    get_question_for_user,
)

VISITOR_COOKIE = "village_visitor"
VISITOR_COOKIE_AGE = 365 * 24 * 3600


def visitor_key(request) -> str | None:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    key = request.get_signed_cookie(VISITOR_COOKIE, default=None, salt="village.visitor")
    return f"visitor:{key}" if key else None


def feedback_of(request, question) -> AnswerFeedback | None:
    if hasattr(question, "my_feedback"):  # loaded with the question (see question_detail)
        found = question.my_feedback
        return None if found is None else AnswerFeedback(question=question, found=found)
    key = visitor_key(request)
    if key is None:
        return None
    return AnswerFeedback.objects.filter(question=question, visitor_key=key).first()


@require_POST
def answer_feedback(request, pk: int, slug: str):
    """ "Did you find the answer you were looking for?": yes or no, one response per reader."""
    question = get_question_for_user(request.user, pk)
    found = request.POST.get("found")
    if found not in ("yes", "no"):
        return HttpResponseBadRequest("Please answer yes or no.")
    new_cookie = None
    key = visitor_key(request)
    if key is None:
        new_cookie = secrets.token_urlsafe(16)
        key = f"visitor:{new_cookie}"
    feedback = services.record_feedback(
        question=question, visitor_key=key, found=found == "yes", user=request.user
    )
    if request.htmx:
        context = {"question": question, "feedback": feedback, "announce": True}
        if is_moderator(request.user):
            context["tally"] = feedback_tally(question)
        response = render(request, "questions/_feedback.html", context)
    else:
        response = redirect(f"{question.get_absolute_url()}#feedback")
    if new_cookie:
        response.set_signed_cookie(
            VISITOR_COOKIE,
            new_cookie,
            salt="village.visitor",
            max_age=VISITOR_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response
