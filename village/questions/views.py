import secrets

from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from village.questions import services
from village.questions.models import AnswerFeedback
from village.questions.queries import get_question_for_user, question_list, question_page
from village.topics.models import Topic

QUESTIONS_PER_PAGE = 20
VISITOR_COOKIE = "village_visitor"
VISITOR_COOKIE_AGE = 365 * 24 * 3600


@require_GET
def home(request):
    page = Paginator(question_list(), QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    topics = Topic.objects.all()
    return render(request, "questions/home.html", {"page": page, "topics": topics})


@require_GET
def question_detail(request, pk: int, slug: str):
    question = get_question_for_user(request.user, pk)
    if slug != question.slug:
        return redirect(question, permanent=True)
    context = {
        "page": question_page(question),
        "feedback": _feedback_of(request, question),
    }
    return render(request, "questions/detail.html", context)


def _visitor_key(request) -> str | None:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    key = request.get_signed_cookie(VISITOR_COOKIE, default=None, salt="village.visitor")
    return f"visitor:{key}" if key else None


def _feedback_of(request, question) -> AnswerFeedback | None:
    key = _visitor_key(request)
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
    key = _visitor_key(request)
    if key is None:
        new_cookie = secrets.token_urlsafe(16)
        key = f"visitor:{new_cookie}"
    feedback = services.record_feedback(
        question=question, visitor_key=key, found=found == "yes", user=request.user
    )
    if request.htmx:
        response = render(
            request,
            "questions/_feedback.html",
            {"question": question, "feedback": feedback},
        )
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
