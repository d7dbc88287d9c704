"""Replying: threads under answers, in place with htmx and as plain forms."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from village.accounts.permissions import can_post
from village.common.ratelimit import limit_posts
from village.ip_addresses.services import record_address
from village.questions import services
from village.questions.forms import ReplyForm
from village.questions.models import Answer
from village.questions.newcomers import TooManyLinks
from village.questions.permissions import (
    check_can_change,
    check_can_reply,
)
from village.questions.queries import (
    answer_thread,
    get_answer_for_user,
    get_reply_for_user,
)
from village.questions.repetition import RepeatedText
from village.questions.views.access import taking_part


def _thread_response(request, answer: Answer, *, new_reply=None, failed_form=None, parent=None):
    answer.refresh_from_db(fields=["reply_count"])
    context = {
        "answer": answer,
        "replies": answer_thread(answer, request.user),
        "user_can_post": can_post(request.user),
        "posting_block": "",
        "thread_open": True,
        "new_reply": new_reply,
        "failed_form": failed_form,
        "failed_parent": parent.pk if parent is not None else 0,
    }
    return render(request, "questions/_thread.html", context)


@require_http_methods(["GET", "POST"])
@limit_posts("reply")
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
        try:
            new = services.post_reply(
                author=request.user,
                answer=answer,
                body=form.cleaned_data["body"],
                parent=form.cleaned_data["parent"],
            )
        except (RepeatedText, TooManyLinks) as refusal:
            form.add_error("body", str(refusal))
        else:
            record_address(request, request.user, "reply")
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
        try:
            services.edit_reply(editor=request.user, reply=reply, body=form.cleaned_data["body"])
        except TooManyLinks as refusal:
            form.add_error("body", str(refusal))
        else:
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
