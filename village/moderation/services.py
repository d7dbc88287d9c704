"""Every write of moderation: flagging, and each thing a moderator can do about a flag.

Each moderator action checks permission, changes the content or the member, resolves the
flags about it and writes its line in the audit log, all in one transaction.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from village.accounts.models import User
from village.accounts.permissions import check_is_moderator, is_moderator
from village.common.email import queue_email
from village.common.markdown import render_markdown
from village.moderation.models import Flag, ModerationAction
from village.moderation.permissions import check_can_flag
from village.moderation.targets import Target, author_of, is_hidden, key_of, kind_of, label_of
from village.notifications.services import notify_moderation_action
from village.questions.models import Answer, Question, Reply, Revision
from village.questions.signals import question_changed
from village.questions.visibility import questions_visibility_changed

SAFEGUARDING_GROUP = "Safeguarding leads"
# A suspension "for good" runs to the end of the calendar: no date check needs a special case.
FOR_GOOD = datetime(9999, 12, 31, tzinfo=UTC)


class ReasonRequired(ValueError):
    def __init__(self):
        super().__init__("Please give a reason: it goes in the audit log.")


def _check_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()
    return reason


def _log(moderator, action: str, target: Target, reason: str, **details) -> ModerationAction:
    return ModerationAction.objects.create(
        moderator=moderator,
        action=action,
        target_label=label_of(target),
        reason=reason,
        details=details,
        **key_of(target),
    )


# What the author is told, in the site and (by their email preference) by email, when a
# moderator acts on their post. Warnings and suspensions send their own email instead.
TOLD = {
    ModerationAction.Kind.HIDE: "A moderator hid your {kind}: {reason}",
    ModerationAction.Kind.AUTO_HIDE: "Your {kind} is hidden while a moderator looks at it: "
    "several members flagged it.",
    ModerationAction.Kind.UNHIDE: "A moderator has shown your {kind} again.",
    ModerationAction.Kind.DELETE: "A moderator removed your {kind}: {reason}",
    ModerationAction.Kind.EDIT: "A moderator edited your {kind}: {reason}",
    ModerationAction.Kind.LOCK: "A moderator locked your question to new answers: {reason}",
}


def _tell_author(action: ModerationAction, target: Target) -> None:
    kind = kind_of(target)
    if action.action not in TOLD or kind == "member":
        return
    notify_moderation_action(
        user_id=target.author_id,
        message=TOLD[action.action].format(kind=kind, reason=action.reason)[:300],
        url=target.get_absolute_url(),
        key=f"moderation:action:{action.pk}",
    )


def _resolve_flags(target: Target, status: str = Flag.Status.ACTIONED) -> int:
    return Flag.objects.filter(status=Flag.Status.PENDING, **key_of(target)).update(
        status=status, resolved_at=timezone.now()
    )


def safeguarding_leads() -> list[str]:
    """Who hears about a safeguarding flag at once: SAFEGUARDING_LEADS and the group's members."""
    in_group = User.objects.filter(groups__name=SAFEGUARDING_GROUP, is_active=True)
    addresses = list(settings.SAFEGUARDING_LEADS) + list(in_group.values_list("email", flat=True))
    return list(dict.fromkeys(a.lower() for a in addresses))


def make_safeguarding_lead(user: User) -> None:
    group, _ = Group.objects.get_or_create(name=SAFEGUARDING_GROUP)
    user.groups.add(group)


# --- Flagging ---------------------------------------------------------------------------------


def flag_content(*, flagger, target: Target, reason: str, note: str = "") -> Flag:
    """A member reports a post or a profile. Safeguarding concerns reach the leads at once;
    enough members flagging the same thing hides it until a moderator decides."""
    if reason not in Flag.Reason.values:
        raise ValueError(f"Unknown flag reason: {reason!r}")
    check_can_flag(flagger, reason)
    if author_of(target).pk == flagger.pk:
        raise PermissionDenied("You can't flag something of your own.")
    with transaction.atomic():
        flag = Flag.objects.filter(
            flagger=flagger, status=Flag.Status.PENDING, **key_of(target)
        ).first()
        if flag is None:
            flag = Flag.objects.create(
                flagger=flagger, reason=reason, note=note.strip()[:1000], **key_of(target)
            )
        elif reason == Flag.Reason.SAFEGUARDING and flag.reason != reason:
            flag.reason, flag.note = reason, note.strip()[:1000] or flag.note
            flag.save(update_fields=["reason", "note"])
        else:
            return flag  # flagged already: once is enough
        if flag.is_urgent:
            _tell_safeguarding_leads(flag, target)
        _hide_if_flagged_enough(target)
    return flag


def _tell_safeguarding_leads(flag: Flag, target: Target) -> None:
    leads = safeguarding_leads()
    if not leads:
        return
    context = {
        "flag": flag,
        "kind": kind_of(target),
        "label": label_of(target),
        "target": target,
        "queue_url": settings.SITE_URL.rstrip("/") + reverse("moderation:queue"),
        "site_name": settings.SITE_NAME,
    }
    queue_email("moderation/email/safeguarding", leads, context)


def _hide_if_flagged_enough(target: Target) -> None:
    if kind_of(target) == "member" or is_hidden(target):
        return
    flaggers = (
        Flag.objects.filter(status=Flag.Status.PENDING, **key_of(target))
        # A suspended member's concern reaches the leads but never hides a post by itself.
        .exclude(flagger__profile__suspended_until__gt=timezone.now())
        .values("flagger")
        .distinct()
        .count()
    )
    if flaggers >= settings.FLAGS_TO_HIDE:
        _set_hidden(target, True)
        action = _log(
            None,
            ModerationAction.Kind.AUTO_HIDE,
            target,
            f"Flagged by {flaggers} different members; hidden until a moderator decides.",
            flaggers=flaggers,
        )
        _tell_author(action, target)


# --- Moderator actions on content ------------------------------------------------------------


def _set_hidden(target: Target, hidden: bool) -> None:
    if isinstance(target, Question):
        target.status = Question.Status.HIDDEN if hidden else Question.Status.PUBLISHED
        target.save(update_fields=["status"])
        questions_visibility_changed()
    elif isinstance(target, Answer | Reply):
        target.hidden_at = timezone.now() if hidden else None
        target.save(update_fields=["hidden_at"])
    else:
        raise ValueError("A member can't be hidden; warn or suspend them instead.")


def dismiss_flags(*, moderator, target: Target, reason: str) -> ModerationAction:
    """Nothing wrong here: the flags go, and anything hidden by flags alone comes back."""
    check_is_moderator(moderator)
    reason = _check_reason(reason)
    with transaction.atomic():
        count = _resolve_flags(target, Flag.Status.DISMISSED)
        auto_hidden = (
            is_hidden(target)
            and ModerationAction.objects.filter(**key_of(target))
            .order_by("-created_at", "-pk")
            .values_list("action", flat=True)
            .first()
            == ModerationAction.Kind.AUTO_HIDE
        )
        if auto_hidden:
            _set_hidden(target, False)
        return _log(
            moderator, ModerationAction.Kind.DISMISS, target, reason, flags=count, shown=auto_hidden
        )


def hide(*, moderator, target: Target, reason: str) -> ModerationAction:
    """Hide a post: its author and moderators still see it, beneath a notice; no one else."""
    check_is_moderator(moderator)
    reason = _check_reason(reason)
    with transaction.atomic():
        _set_hidden(target, True)
        count = _resolve_flags(target)
        action = _log(moderator, ModerationAction.Kind.HIDE, target, reason, flags=count)
        _tell_author(action, target)
    return action


def unhide(*, moderator, target: Target, reason: str) -> ModerationAction:
    check_is_moderator(moderator)
    reason = _check_reason(reason)
    with transaction.atomic():
        _set_hidden(target, False)
        count = _resolve_flags(target, Flag.Status.DISMISSED)
        action = _log(moderator, ModerationAction.Kind.UNHIDE, target, reason, flags=count)
        _tell_author(action, target)
    return action


def delete(*, moderator, target: Target, reason: str) -> ModerationAction:
    """Take a post down for everyone; replies beneath it stay, as when an author deletes."""
    check_is_moderator(moderator)
    reason = _check_reason(reason)
    now = timezone.now()
    with transaction.atomic():
        if isinstance(target, Question):
            target.status = Question.Status.DELETED
            target.updated_at = now
            target.save(update_fields=["status", "updated_at"])
            questions_visibility_changed()
        elif isinstance(target, Answer):
            # Deleted and hidden: the notice left behind says a moderator removed it.
            target.deleted_at = now
            target.hidden_at = target.hidden_at or now
            target.save(update_fields=["deleted_at", "hidden_at"])
        elif isinstance(target, Reply):
            updated = Reply.objects.filter(pk=target.pk, deleted_at__isnull=True).update(
                deleted_at=now, hidden_at=target.hidden_at or now
            )
            if updated:
                Answer.objects.filter(pk=target.answer_id).update(reply_count=F("reply_count") - 1)
                question_changed(target.answer.question_id)
        else:
            raise ValueError("A member can't be deleted here; suspend them instead.")
        count = _resolve_flags(target)
        action = _log(moderator, ModerationAction.Kind.DELETE, target, reason, flags=count)
        _tell_author(action, target)
    return action


def edit(*, moderator, target: Target, reason: str, body: str, title: str = "") -> ModerationAction:
    """Change what a post says (to take out a phone number, say), keeping the old text as a
    revision the author and moderators can see."""
    check_is_moderator(moderator)
    reason = _check_reason(reason)
    if isinstance(target, User):
        raise ValueError("Only posts can be edited here.")
    with transaction.atomic():
        before = {"body": target.body}
        revision = {kind_of(target): target, "editor": moderator, "body": target.body}
        fields = ["body", "body_html", "edited_at"]
        if isinstance(target, Question):
            before["title"] = target.title
            revision["title"] = target.title
            if title.strip():
                target.title = title.strip()
                fields.append("title")
        Revision.objects.create(**revision)
        target.body = body
        target.body_html = render_markdown(body)
        target.edited_at = timezone.now()
        target.save(update_fields=fields)
        count = _resolve_flags(target)
        action = _log(moderator, ModerationAction.Kind.EDIT, target, reason, flags=count, **before)
        _tell_author(action, target)
    return action


def lock_question(*, moderator, question: Question, reason: str) -> ModerationAction:
    """No new answers or replies; everything already there stays readable."""
    check_is_moderator(moderator)
    reason = _check_reason(reason)
    with transaction.atomic():
        question.locked_at = timezone.now()
        question.save(update_fields=["locked_at"])
        count = _resolve_flags(question)
        action = _log(moderator, ModerationAction.Kind.LOCK, question, reason, flags=count)
        _tell_author(action, question)
    return action


def unlock_question(*, moderator, question: Question, reason: str) -> ModerationAction:
    check_is_moderator(moderator)
    reason = _check_reason(reason)
    with transaction.atomic():
        question.locked_at = None
        question.save(update_fields=["locked_at"])
        return _log(moderator, ModerationAction.Kind.UNLOCK, question, reason)


# --- Moderator actions on members ------------------------------------------------------------


def _check_not_team(moderator, member: User) -> None:
    if member.pk == moderator.pk:
        raise PermissionDenied("You can't do that to your own account.")
    if is_moderator(member):
        raise PermissionDenied("Moderators and admins are managed by an admin, not here.")


def _tell_member(template: str, member: User, context: dict) -> None:
    context = {
        **context,
        "member": member,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL.rstrip("/"),
    }
    queue_email(f"moderation/email/{template}", member.email, context)


def warn_member(*, moderator, member: User, reason: str, about: Target | None = None):
    """A written warning, by email, that lands in the audit log; `about` is the post that
    prompted it, whose flags it resolves."""
    check_is_moderator(moderator)
    reason = _check_reason(reason)
    _check_not_team(moderator, member)
    with transaction.atomic():
        count = _resolve_flags(about) if about is not None else 0
        _resolve_flags(member)
        extra = {"about": label_of(about)} if about is not None else {}
        action = _log(moderator, ModerationAction.Kind.WARN, member, reason, flags=count, **extra)
        _tell_member("warning", member, {"reason": reason})
    return action


def suspend_member(
    *,
    moderator,
    member: User,
    reason: str,
    days: int | None = None,
    about: Target | None = None,
) -> ModerationAction:
    """Suspend for `days`, or for good when days is None: the member can read, not post or
    vote. A suspension ends by itself when its date passes."""
    check_is_moderator(moderator)
    reason = _check_reason(reason)
    _check_not_team(moderator, member)
    if days is not None and days < 1:
        raise ValueError("A suspension lasts at least a day.")
    until = FOR_GOOD if days is None else timezone.now() + timedelta(days=days)
    with transaction.atomic():
        profile = member.profile
        profile.suspended_until = until
        profile.save(update_fields=["suspended_until"])
        count = _resolve_flags(about) if about is not None else 0
        _resolve_flags(member)
        details = {"until": until.isoformat(), "for_good": days is None, "flags": count}
        if about is not None:
            details["about"] = label_of(about)
        action = _log(moderator, ModerationAction.Kind.SUSPEND, member, reason, **details)
        _tell_member(
            "suspension", member, {"reason": reason, "until": until, "for_good": days is None}
        )
    return action


def lift_suspension(*, moderator, member: User, reason: str) -> ModerationAction:
    check_is_moderator(moderator)
    reason = _check_reason(reason)
    with transaction.atomic():
        profile = member.profile
        profile.suspended_until = None
        profile.save(update_fields=["suspended_until"])
        return _log(moderator, ModerationAction.Kind.LIFT_SUSPENSION, member, reason)


def is_for_good(until) -> bool:
    return until is not None and until.year >= FOR_GOOD.year
