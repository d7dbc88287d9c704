"""Flagging, the moderation queue, moderators' actions and the audit log."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from village.accounts.models import User
from village.accounts.permissions import check_is_moderator
from village.accounts.two_factor import team_two_factor_required
from village.common.ratelimit import limit_posts
from village.ip_addresses.services import record_address
from village.moderation import services
from village.moderation.forms import ActionForm, EditForm, FlagForm, LogFilterForm
from village.moderation.permissions import flag_reasons_for
from village.moderation.queries import audit_log, moderation_queue, moderators_in_log, url_of
from village.moderation.targets import find_target, kind_of
from village.questions.models import Question
from village.questions.queries import (
    get_answer_for_user,
    get_question_for_user,
    get_reply_for_user,
)
from village.questions.views.access import refused

LOG_PAGE = 50
DONE = {
    "dismiss": "Flags dismissed.",
    "hide": "Hidden.",
    "unhide": "Shown again.",
    "delete": "Deleted.",
    "lock": "Question locked.",
    "unlock": "Question unlocked.",
    "warn": "Warning sent.",
    "suspend": "Member suspended.",
    "lift": "Suspension lifted.",
}


def _signed_in(view):
    """Visitors go to sign in first; refusals become a readable 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return refused(request, refusal)

    return wrapper


def _moderators_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        check_is_moderator(request.user)
        return view(request, *args, **kwargs)

    # Moderators without two-factor authentication are shown why and where to turn it on.
    return team_two_factor_required(_signed_in(wrapper))


def _visible_target(user, kind: str, pk: int):
    """What a member may flag: only what they can see."""
    if kind == "question":
        return get_question_for_user(user, pk)
    if kind == "answer":
        return get_answer_for_user(user, pk)
    if kind == "reply":
        return get_reply_for_user(user, pk)
    if kind == "member":
        return get_object_or_404(User.objects.select_related("profile"), pk=pk, is_active=True)
    raise PermissionDenied("That can't be flagged.")


@require_http_methods(["GET", "POST"])
@limit_posts("flag")
@_signed_in
def flag(request, kind: str, pk: int):
    """Flag a post or a profile. The small form beside each post posts here; so does this
    page's own form."""
    target = _visible_target(request.user, kind, pk)
    form = FlagForm(request.POST or None, reasons=flag_reasons_for(request.user))
    if request.method == "POST" and form.is_valid():
        made = services.flag_content(
            flagger=request.user,
            target=target,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
        record_address(request, request.user, "flag")
        if made.is_urgent:
            messages.success(
                request,
                "Thank you for telling us. Our safeguarding lead has been alerted and will "
                "look at this straight away. If a child is in immediate danger, call 999.",
            )
        else:
            messages.success(request, "Thank you. A moderator will take a look.")
        return redirect(url_of(kind, target))
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "kind": kind, "target": target, "url": url_of(kind, target)}
    return render(request, "moderation/flag.html", context, status=status)


@require_safe
@_moderators_only
def queue(request):
    return _queue_page(request)


def _queue_page(request, failed: str = "", form=None, status=200):
    context = {
        "items": moderation_queue(),
        "ip_retention_days": settings.IP_RETENTION_DAYS,
        "actions": ActionForm.ACTIONS,
        "durations": ActionForm.DURATIONS,
        "failed": failed,
        "failed_form": form,
    }
    return render(request, "moderation/queue.html", context, status=status)


@require_POST
@_moderators_only
def act(request, kind: str, pk: int):
    """Carry out one moderator's action on a flagged thing, then back to the queue."""
    target = find_target(kind, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        return _queue_page(request, failed=f"{kind}-{pk}", form=form, status=400)
    action, reason, me = form.cleaned_data["action"], form.cleaned_data["reason"], request.user
    member = target if kind == "member" else target.author
    about = None if kind == "member" else target
    try:
        if action == "dismiss":
            services.dismiss_flags(moderator=me, target=target, reason=reason)
        elif action == "hide":
            services.hide(moderator=me, target=target, reason=reason)
        elif action == "unhide":
            services.unhide(moderator=me, target=target, reason=reason)
        elif action == "delete":
            services.delete(moderator=me, target=target, reason=reason)
        elif action in ("lock", "unlock"):
            question = target if kind == "question" else _question_of(target)
            lock = services.lock_question if action == "lock" else services.unlock_question
            lock(moderator=me, question=question, reason=reason)
        elif action == "warn":
            services.warn_member(moderator=me, member=member, reason=reason, about=about)
        elif action == "suspend":
            services.suspend_member(
                moderator=me, member=member, reason=reason, days=form.days, about=about
            )
        elif action == "lift":
            services.lift_suspension(moderator=me, member=member, reason=reason)
    except ValueError as mistake:
        form.add_error("action", str(mistake))
        return _queue_page(request, failed=f"{kind}-{pk}", form=form, status=400)
    messages.success(request, f"{DONE[action]} It's in the audit log.")
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("moderation:queue")


def _question_of(target) -> Question:
    if kind_of(target) == "answer":
        return target.question
    if kind_of(target) == "reply":
        return target.answer.question
    raise ValueError("Only questions can be locked.")


@require_http_methods(["GET", "POST"])
@_moderators_only
def edit(request, kind: str, pk: int):
    """Edit a post's text as a moderator, with a reason, keeping the old text as a revision."""
    target = find_target(kind, pk)
    if kind == "member":
        raise PermissionDenied("Only posts can be edited here.")
    initial = {"body": target.body, "title": getattr(target, "title", "")}
    form = EditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.edit(
            moderator=request.user,
            target=target,
            reason=form.cleaned_data["reason"],
            body=form.cleaned_data["body"],
            title=form.cleaned_data["title"],
        )
        messages.success(request, "The post is edited. It's in the log.")
        return redirect("moderation:queue")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "kind": kind, "target": target, "url": url_of(kind, target)}
    return render(request, "moderation/edit.html", context, status=status)


@require_safe
@_moderators_only
def log(request):
    """The audit log: every action, newest first, filtered by moderator, action and dates."""
    form = LogFilterForm(request.GET or None, moderators=moderators_in_log())
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit_log(
        moderator=filters.get("moderator") or "",
        action=filters.get("action") or "",
        since=filters.get("since"),
        until=filters.get("until"),
    )
    page = Paginator(entries, LOG_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "moderation/log.html", context)
