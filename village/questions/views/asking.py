"""Asking: the ask page, its preview and similar questions, editing a question."""

import secrets

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from village.accounts.permissions import check_can_post
from village.common.markdown import render_markdown, render_preview
from village.common.ratelimit import limit_posts
from village.ip_addresses.services import record_address
from village.questions import services
from village.questions.forms import AskForm, QuestionForm
from village.questions.newcomers import TooManyLinks
from village.questions.permissions import (
    check_can_change,
)
from village.questions.queries import (
    get_question_for_user,
    similar_questions,
)
from village.questions.repetition import RepeatedText
from village.questions.views.access import taking_part


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
@limit_posts("ask")
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
            try:
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
            except (RepeatedText, TooManyLinks) as refusal:
                form.add_error(refusal.field, str(refusal))
            else:
                record_address(request, request.user, "ask")
                return redirect(question)
        preview = render_preview(request.POST.get("body", ""))
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


@require_safe
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
        {"preview": render_preview(request.POST.get("body", ""))},
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
            try:
                services.edit_question(
                    editor=request.user,
                    question=question,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                )
            except TooManyLinks as refusal:
                form.add_error(refusal.field, str(refusal))
            else:
                messages.success(request, "Your question is updated.")
                return redirect(question)
        preview = render_preview(request.POST.get("body", ""))
    else:
        form = QuestionForm(initial={"title": question.title, "body": question.body})
        preview = question.body_html
    return render(
        request,
        "questions/edit.html",
        {"form": form, "post": question, "kind": "question", "preview": preview},
    )
