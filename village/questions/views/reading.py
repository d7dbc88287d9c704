"""Reading: the home page tabs and the question page."""

import functools

from django.conf import settings
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from village.accounts.permissions import can_post
from village.common.fragments import prefetch
from village.common.pagecache import cache_for_readers
from village.questions import listings
from village.questions.forms import AnswerForm
from village.questions.fragment_keys import set_fragment_keys
from village.questions.models import Question
from village.questions.permissions import (
    can_answer,
    can_see_asker,
    is_moderator,
)
from village.questions.queries import (
    feedback_tally,
    get_question_for_user,
    question_page,
)
from village.questions.signals import question_versions
from village.questions.views.access import posting_block
from village.questions.views.feedback import feedback_of, visitor_key
from village.topics.models import Topic
from village.topics.queries import followed_topics


@require_safe
@cache_for_readers
def home(request):
    """Newest questions by default; tabs for Top, Unanswered, Answered by experts, For you."""
    tab = request.GET.get("tab", "newest")
    if tab not in listings.TABS:
        tab = "newest"
    period = request.GET.get("period", "month")
    if period not in listings.PERIODS:
        period = "month"
    cursors = {"after": request.GET.get("after", ""), "before": request.GET.get("before", "")}
    user = request.user
    if tab == "top":
        page = listings.top_page(period=period, **cursors)
    elif tab == "unanswered":
        page = listings.unanswered_page(**cursors)
    elif tab == "experts":
        page = listings.expert_answered_page(**cursors)
    elif tab == "for-you" and user.is_authenticated:
        page = listings.for_you_page(user, **cursors)
    elif tab == "for-you":
        page = listings.KeysetPage()
    else:
        page = listings.newest_page(**cursors)
    context = {
        "page": page,
        "tab": tab,
        "tabs": listings.TABS,
        "period": period,
        "periods": listings.PERIOD_NAMES,
        "topics": Topic.objects.all(),
        "followed": followed_topics(user) if tab == "for-you" else [],
    }
    return render(request, "questions/home.html", context)


@functools.cache
def _blank_answer_fields() -> str:
    """The answer form's fields as every member first sees them: the same HTML for everyone
    and every question, so each process renders them once (they were a sixth of a member's
    question page)."""
    html = render_to_string("questions/_answer_fields.html", {"answer_form": AnswerForm()})
    return mark_safe(html)  # noqa: S308 (our own template's output)


def blank_answer_fields(form, preview: str) -> str:
    """The kept rendering, for a blank form; "" to render this form in place (one the member
    filled in, and always while developing, so template edits show)."""
    if settings.DEBUG or form is None or form.is_bound or preview:
        return ""
    return _blank_answer_fields()


def detail_context(request, question: Question, answer_form=None, preview="") -> dict:
    user = request.user
    page = question_page(question, user)
    user_can_post = can_post(user)
    if answer_form is None and page.my_answer is None and can_answer(user, question):
        answer_form = AnswerForm()
    try:
        open_thread = int(request.GET.get("thread", ""))
    except ValueError:
        open_thread = None
    moderator = is_moderator(user)
    keys = set_fragment_keys(request, page, open_thread)
    return {
        "page": page,
        "fragments": prefetch(keys),
        "feedback": feedback_of(request, question),
        "answer_form": answer_form,
        "blank_answer_fields": blank_answer_fields(answer_form, preview),
        "answer_preview": preview,
        "user_can_post": user_can_post,
        "posting_block": posting_block(user),
        "show_asker": question.is_anonymous and can_see_asker(user, question),
        "is_moderator": moderator,
        "tally": _tally_of(question) if moderator else None,
        "open_thread": open_thread,
    }


def _tally_of(question: Question) -> dict[str, int]:
    if hasattr(question, "found_yes"):  # counted with the question (see question_detail)
        return {"yes": question.found_yes, "no": question.found_no}
    return feedback_tally(question)


@require_safe
@cache_for_readers(versions=question_versions)
def question_detail(request, pk: int, slug: str):
    question = get_question_for_user(
        request.user, pk, reader_key=visitor_key(request), with_tally=is_moderator(request.user)
    )
    if slug != question.slug:
        # The title changed since the link was made: keep ?thread= and the rest on the way.
        query = request.META.get("QUERY_STRING", "")
        url = question.get_absolute_url() + (f"?{query}" if query else "")
        return redirect(url, permanent=True)
    return render(request, "questions/detail.html", detail_context(request, question))
