import secrets
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from village.accounts.permissions import can_post, check_can_post
from village.common.markdown import render_markdown
from village.questions import listings, services
from village.questions.forms import AnswerForm, AskForm, QuestionForm, ReplyForm
from village.questions.history import edits_of
from village.questions.models import Answer, AnswerFeedback, Question
from village.questions.permissions import (
    can_answer,
    can_see_asker,
    check_can_answer,
    check_can_change,
    check_can_reply,
    is_moderator,
)
from village.questions.queries import (
    answer_thread,
    feedback_tally,
    get_answer_for_user,
    get_question_for_user,
    get_reply_for_user,
    question_page,
    similar_questions,
)
from village.topics.models import Topic
from village.topics.queries import followed_topics

QUESTIONS_PER_PAGE = 20
VISITOR_COOKIE = "village_visitor"
VISITOR_COOKIE_AGE = 365 * 24 * 3600
PENDING_VOTE = "village_pending_helpful"


def _refused(request, refusal: PermissionDenied) -> HttpResponse:
    """A refusal people can read: 403 with the reason, as a page or an htmx fragment."""
    reason = str(refusal) or "Sorry, you can't do that here."
    if request.htmx:
        return HttpResponse(
            format_html('<p class="refusal" role="alert">{}</p>', reason), status=403
        )
    return render(request, "questions/refused.html", {"reason": reason}, status=403)


def taking_part(view):
    """Visitors are sent to sign in (and back here afterwards); refusals become a 403 page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            login = redirect_to_login(request.get_full_path())
            if request.htmx:
                return HttpResponse(status=204, headers={"HX-Redirect": login["Location"]})
            return login
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return _refused(request, refusal)

    return wrapper


def _posting_block(user) -> str:
    """Why a signed-in person can't post right now, or "" when they can."""
    if not user.is_authenticated:
        return ""
    try:
        check_can_post(user)
    except PermissionDenied as refusal:
        return str(refusal)
    return ""


# --- Reading --------------------------------------------------------------------------------


@require_GET
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


def _detail_context(request, question: Question, answer_form=None, preview="") -> dict:
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
    return {
        "page": page,
        "feedback": _feedback_of(request, question),
        "answer_form": answer_form,
        "answer_preview": preview,
        "user_can_post": user_can_post,
        "posting_block": _posting_block(user),
        "show_asker": question.is_anonymous and can_see_asker(user, question),
        "is_moderator": moderator,
        "tally": _tally_of(question) if moderator else None,
        "open_thread": open_thread,
    }


def _tally_of(question: Question) -> dict[str, int]:
    if hasattr(question, "found_yes"):  # counted with the question (see question_detail)
        return {"yes": question.found_yes, "no": question.found_no}
    return feedback_tally(question)


@require_GET
def question_detail(request, pk: int, slug: str):
    question = get_question_for_user(
        request.user, pk, reader_key=_visitor_key(request), with_tally=is_moderator(request.user)
    )
    if slug != question.slug:
        return redirect(question, permanent=True)
    return render(request, "questions/detail.html", _detail_context(request, question))


# --- Asking -------------------------------------------------------------------------------


def _follow_up_initial(request, user) -> dict:
    try:
        earlier = get_question_for_user(user, int(request.GET.get("follow_up", "")))
    except (ValueError, Http404):  # a missing, malformed or hidden question: start blank
        return {}
    link = request.build_absolute_uri(earlier.get_absolute_url())
    return {
        "title": f"Follow-up: {earlier.title}"[:200],
        "body": f"Following on from [{earlier.title}]({link}), I'm still wondering: ",
        "topics": list(earlier.topics.all()[:3]),
    }


@require_http_methods(["GET", "POST"])
@taking_part
def ask(request):
    """The ask page: title, Markdown body with preview, topics, source, anonymity."""
    check_can_post(request.user)
    preview = ""
    similar = []
    if request.method == "POST":
        form = AskForm(request.POST)
        if form.is_valid() and "preview" not in request.POST:
            data = form.cleaned_data
            question = services.ask_question(
                author=request.user,
                title=data["title"],
                body=data["body"],
                topics=data["topics"],
                source_url=data["source_url"],
                source_title=data["source_title"],
                is_anonymous=data["is_anonymous"],
                idempotency_key=data["token"],
            )
            return redirect(question)
        preview = render_markdown(request.POST.get("body", ""))
        similar = similar_questions(request.POST.get("title", ""))
    else:
        initial = {"token": secrets.token_urlsafe(24), **_follow_up_initial(request, request.user)}
        form = AskForm(initial=initial)
        preview = render_markdown(initial.get("body", ""))
    return render(
        request,
        "questions/ask.html",
        {"form": form, "preview": preview, "similar": similar, "title_query": ""},
    )


@require_GET
def similar(request):
    """Questions already asked that look like the title being typed (htmx, or a plain page)."""
    title = request.GET.get("title", "")[:200]
    return render(
        request,
        "questions/_similar.html",
        {"similar": similar_questions(title), "title_query": title},
    )


@require_POST
def preview(request):
    """Markdown rendered by the same renderer the pages use, for the live preview."""
    return render(
        request,
        "questions/_preview.html",
        {"preview": render_markdown(request.POST.get("body", "")[:20_000])},
    )


@require_http_methods(["GET", "POST"])
@taking_part
def edit_question(request, pk: int, slug: str):
    question = get_question_for_user(request.user, pk)
    check_can_change(request.user, question)
    preview = ""
    if request.method == "POST":
        form = QuestionForm(request.POST)
        if form.is_valid() and "preview" not in request.POST:
            services.edit_question(
                editor=request.user,
                question=question,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
            messages.success(request, "Your question is updated.")
            return redirect(question)
        preview = render_markdown(request.POST.get("body", ""))
    else:
        form = QuestionForm(initial={"title": question.title, "body": question.body})
        preview = question.body_html
    return render(
        request,
        "questions/edit.html",
        {"form": form, "post": question, "kind": "question", "preview": preview},
    )


# --- Answering ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@taking_part
def answer(request, pk: int, slug: str):
    """Post an answer; errors and the no-JavaScript preview show on the question page."""
    question = get_question_for_user(request.user, pk)
    if request.method == "GET":
        return redirect(f"{question.get_absolute_url()}#answer-form")
    check_can_answer(request.user, question)
    form = AnswerForm(request.POST)
    if form.is_valid() and "preview" not in request.POST:
        try:
            new = services.post_answer(
                author=request.user,
                question=question,
                body=form.cleaned_data["body"],
                kind=form.cleaned_data["kind"],
            )
        except services.AlreadyAnswered as already:
            preview = render_markdown(form.cleaned_data["body"])
            return _edit_answer_page(
                request, already.answer, form, already_answered=True, preview=preview
            )
        return redirect(new)
    preview = render_markdown(request.POST.get("body", ""))
    context = _detail_context(request, question, answer_form=form, preview=preview)
    return render(request, "questions/detail.html", context)


def _edit_answer_page(request, answer: Answer, form, *, already_answered=False, preview=""):
    context = {
        "form": form,
        "post": answer,
        "kind": "answer",
        "preview": preview,
        "already_answered": already_answered,
    }
    return render(request, "questions/edit.html", context)


@require_http_methods(["GET", "POST"])
@taking_part
def edit_answer(request, pk: int):
    answer = get_answer_for_user(request.user, pk)
    check_can_change(request.user, answer)
    if request.method == "GET":
        form = AnswerForm(initial={"kind": answer.kind, "body": answer.body})
        return _edit_answer_page(request, answer, form, preview=answer.body_html)
    form = AnswerForm(request.POST)
    if form.is_valid() and "preview" not in request.POST:
        services.edit_answer(
            editor=request.user,
            answer=answer,
            body=form.cleaned_data["body"],
            kind=form.cleaned_data["kind"],
        )
        messages.success(request, "Your answer is updated.")
        return redirect(answer)
    preview = render_markdown(request.POST.get("body", ""))
    return _edit_answer_page(request, answer, form, preview=preview)


@require_http_methods(["GET", "POST"])
def helpful(request, pk: int):
    """Mark an answer helpful, or take the vote back.

    A visitor's click is remembered in their session while they sign in; signing in brings
    them back here (a GET), which applies that vote and returns them to the answer.
    """
    answer = get_answer_for_user(request.user, pk)
    user = request.user
    if not user.is_authenticated:
        if request.method == "POST":
            request.session[PENDING_VOTE] = answer.pk
        return redirect_to_login(request.path)
    try:
        if request.method == "GET":
            if request.session.get(PENDING_VOTE) != answer.pk:
                return render(request, "questions/helpful_confirm.html", {"answer": answer})
            del request.session[PENDING_VOTE]
            if answer.author_id == user.pk:
                messages.info(request, "That's your own answer, so it can't be marked helpful.")
                return redirect(answer)
            services.add_helpful_vote(voter=user, answer=answer)
            messages.success(request, "Thank you: you marked this answer helpful.")
            return redirect(answer)
        if request.POST.get("ensure"):
            services.add_helpful_vote(voter=user, answer=answer)
            voted = True
        else:
            voted = services.mark_helpful(voter=user, answer=answer)
    except PermissionDenied as refusal:
        return _refused(request, refusal)
    if request.htmx:
        answer.helpful_count = services.helpful_count_of(answer)
        return render(
            request,
            "questions/_helpful.html",
            {"answer": answer, "voted": voted, "user_can_post": True, "announce": True},
        )
    return redirect(answer)


@require_http_methods(["GET", "POST"])
@taking_part
def delete_answer(request, pk: int):
    answer = get_answer_for_user(request.user, pk)
    check_can_change(request.user, answer)
    if request.method == "POST":
        services.delete_answer(by=request.user, answer=answer)
        messages.success(request, "Your answer is deleted.")
        return redirect(answer.question)
    return render(request, "questions/delete.html", {"post": answer, "kind": "answer"})


@require_http_methods(["GET", "POST"])
@taking_part
def delete_question(request, pk: int, slug: str):
    question = get_question_for_user(request.user, pk)
    check_can_change(request.user, question)
    if request.method == "POST":
        services.delete_question(by=request.user, question=question)
        messages.success(request, "Your question is deleted.")
        return redirect(question)
    return render(request, "questions/delete.html", {"post": question, "kind": "question"})


# --- Replying -----------------------------------------------------------------------------


def _thread_response(request, answer: Answer, *, new_reply=None, failed_form=None, parent=None):
    answer.refresh_from_db(fields=["reply_count"])
    context = {
        "answer": answer,
        "replies": answer_thread(answer),
        "user_can_post": can_post(request.user),
        "posting_block": "",
        "thread_open": True,
        "new_reply": new_reply,
        "failed_form": failed_form,
        "failed_parent": parent.pk if parent is not None else 0,
    }
    return render(request, "questions/_thread.html", context)


@require_http_methods(["GET", "POST"])
@taking_part
def reply(request, pk: int):
    """Reply to an answer (or to a reply: `parent`). In place with htmx, or a plain form."""
    answer = get_answer_for_user(request.user, pk)
    check_can_reply(request.user, answer)
    if request.method == "GET":
        form = ReplyForm(answer=answer, initial={"parent": request.GET.get("parent") or None})
        parent = _parent_from(form, request.GET.get("parent"))
        return render(
            request, "questions/reply.html", {"answer": answer, "form": form, "parent": parent}
        )
    form = ReplyForm(request.POST, answer=answer)
    if form.is_valid():
        new = services.post_reply(
            author=request.user,
            answer=answer,
            body=form.cleaned_data["body"],
            parent=form.cleaned_data["parent"],
        )
        if request.htmx:
            return _thread_response(request, answer, new_reply=new)
        return redirect(new)
    parent = _parent_from(form, request.POST.get("parent"))
    if request.htmx:
        return _thread_response(request, answer, failed_form=form, parent=parent)
    return render(
        request, "questions/reply.html", {"answer": answer, "form": form, "parent": parent}
    )


def _parent_from(form: ReplyForm, raw):
    try:
        return (
            form.fields["parent"]
            .queryset.select_related("author__profile", "author__expert_profile")
            .get(pk=int(raw))
        )
    except (TypeError, ValueError, form.fields["parent"].queryset.model.DoesNotExist):
        return None


@require_http_methods(["GET", "POST"])
@taking_part
def edit_reply(request, pk: int):
    reply = get_reply_for_user(request.user, pk)
    check_can_change(request.user, reply)
    form = ReplyForm(request.POST or None, initial={"body": reply.body}, answer=reply.answer)
    if request.method == "POST" and form.is_valid():
        services.edit_reply(editor=request.user, reply=reply, body=form.cleaned_data["body"])
        messages.success(request, "Your reply is updated.")
        return redirect(reply)
    return render(
        request,
        "questions/edit.html",
        {"form": form, "post": reply, "kind": "reply", "preview": ""},
    )


@require_http_methods(["GET", "POST"])
@taking_part
def delete_reply(request, pk: int):
    reply = get_reply_for_user(request.user, pk)
    check_can_change(request.user, reply)
    if request.method == "POST":
        services.delete_reply(by=request.user, reply=reply)
        messages.success(request, "Your reply is deleted.")
        return redirect(reply)
    return render(request, "questions/delete.html", {"post": reply, "kind": "reply"})


# --- History ------------------------------------------------------------------------------


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


@require_GET
def question_history(request, pk: int, slug: str):
    question = get_question_for_user(request.user, pk)
    return _history(request, question, "question", question)


@require_GET
def answer_history(request, pk: int):
    answer = get_answer_for_user(request.user, pk)
    return _history(request, answer, "answer", answer.question)


@require_GET
def reply_history(request, pk: int):
    reply = get_reply_for_user(request.user, pk)
    return _history(request, reply, "reply", reply.answer.question)


# --- "Did you find the answer?" -------------------------------------------------------------


def _visitor_key(request) -> str | None:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    key = request.get_signed_cookie(VISITOR_COOKIE, default=None, salt="village.visitor")
    return f"visitor:{key}" if key else None


def _feedback_of(request, question) -> AnswerFeedback | None:
    if hasattr(question, "my_feedback"):  # loaded with the question (see question_detail)
        found = question.my_feedback
        return None if found is None else AnswerFeedback(question=question, found=found)
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
