"""Answering: posting, editing and deleting answers (and questions), helpful votes."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from village.common.markdown import render_markdown, render_preview
from village.common.ratelimit import limit_posts
from village.ip_addresses.services import record_address
from village.questions import services
from village.questions.forms import AnswerForm
from village.questions.models import Answer
from village.questions.newcomers import TooManyLinks
from village.questions.permissions import (
    check_can_answer,
    check_can_change,
)
from village.questions.queries import (
    get_answer_for_user,
    get_question_for_user,
)
from village.questions.repetition import RepeatedText
from village.questions.views.access import refused, taking_part
from village.questions.views.reading import detail_context

PENDING_VOTE = "village_pending_helpful"


@require_http_methods(["GET", "POST"])
@limit_posts("answer")
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
        except (RepeatedText, TooManyLinks) as refusal:
            form.add_error("body", str(refusal))
        else:
            record_address(request, request.user, "answer")
            return redirect(new)
    preview = render_preview(request.POST.get("body", ""))
    context = detail_context(request, question, answer_form=form, preview=preview)
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
        try:
            services.edit_answer(
                editor=request.user,
                answer=answer,
                body=form.cleaned_data["body"],
                kind=form.cleaned_data["kind"],
            )
        except TooManyLinks as refusal:
            form.add_error("body", str(refusal))
        else:
            messages.success(request, "Your answer is updated.")
            return redirect(answer)
    preview = render_preview(request.POST.get("body", ""))
    return _edit_answer_page(request, answer, form, preview=preview)


@require_http_methods(["GET", "POST"])
@limit_posts("vote")
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
        return refused(request, refusal)
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
