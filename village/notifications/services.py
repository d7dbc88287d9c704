"""Writes to notifications, and the unread count every signed-in page shows."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from village.accounts.models import User
from village.common.email import queue_email, queue_message
from village.common.models import OutboundEmail
from village.common.pagecache import forget_pages_of
from village.notifications.models import (
    DEFAULT_EMAIL_MODES,
    WEEKLY_DIGEST,
    DigestDelivery,
    DigestSubscription,
    EmailMode,
    EmailPreference,
    Notification,
    NotificationEvent,
)

UNREAD_CACHE_SECONDS = 300


def _unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def _forget_unread(*user_ids: int) -> None:
    # Now, and again on commit, so a reader between the two can't keep the old number; the
    # pages kept for them show the bell too (common/pagecache.py).
    keys = [_unread_key(pk) for pk in user_ids]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
    forget_pages_of(*user_ids)


def unread_count(user) -> int:
    """Cached, so a page view costs no query; every write below clears the cached number."""
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def notify(
    *, recipient, kind: str, message: str, url: str = "", group_key: str = ""
) -> Notification:
    """Leave an in-site message for someone (no email: `announce()` does both)."""
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, message=message, url=url, group_key=group_key
    )
    _forget_unread(recipient.pk)
    return notification


def mark_all_read(*, recipient) -> int:
    marked = Notification.objects.filter(recipient=recipient, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    _forget_unread(recipient.pk)
    return marked


# --- Announcing events: in-site notification plus email, per preference --------------------


def email_preferences(user) -> dict[str, str]:
    """Every kind of email a member can get, with their choice or the default."""
    chosen = dict(EmailPreference.objects.filter(user=user).values_list("kind", "mode"))
    return {kind: chosen.get(kind, default) for kind, default in DEFAULT_EMAIL_MODES.items()}


def set_email_preferences(*, user, modes: dict[str, str]) -> None:
    """Save a member's choices, one row per kind."""
    for kind, mode in modes.items():
        if kind not in DEFAULT_EMAIL_MODES or mode not in allowed_modes(kind):
            raise ValueError(f"{mode!r} is not a choice for {kind!r}")
        EmailPreference.objects.update_or_create(user=user, kind=kind, defaults={"mode": mode})


def allowed_modes(kind: str) -> list[str]:
    if kind == WEEKLY_DIGEST:
        return [EmailMode.WEEKLY, EmailMode.OFF]
    return [EmailMode.INSTANT, EmailMode.DAILY, EmailMode.OFF]


@dataclass(frozen=True)
class Event:
    """What happened, as each recipient is told of it."""

    kind: str
    key: str
    message: str
    url: str
    group_key: str
    collapsed_message: str
    email_template: str
    email_context: dict | None


# Recipients told in one go: a handful of queries for each group this size, however many.
ANNOUNCE_CHUNK = 500


def announce(*, recipient_id: int, **event) -> bool:
    """Tell one person that something happened: `announce_to()` for one."""
    return announce_to(recipient_ids=[recipient_id], **event) == 1


def announce_to(
    *,
    recipient_ids: Iterable[int],
    kind: str,
    key: str,
    message: str,
    url: str = "",
    group_key: str = "",
    collapsed_message: str = "",
    actor_id: int | None = None,
    email_template: str = "",
    email_context: dict | None = None,
) -> int:
    """Tell each recipient that something happened, once per (recipient, key), as they
    prefer; how many were told.

    Nobody is told of their own action (`actor_id`), nor once they have left, nor twice of the
    same event (a task that runs twice). While an earlier notification with the same
    group_key is unread, this one joins it and `collapsed_message`, with `{count}` filled in,
    becomes its text. Email goes straight away, into tomorrow's daily summary, or nowhere, by
    each member's preference for this kind.

    A question's followers may be thousands: they are told in groups of ANNOUNCE_CHUNK, each
    group in one transaction of a few queries, rather than a few queries per person.
    """
    event = Event(
        kind, key, message[:300], url, group_key, collapsed_message, email_template, email_context
    )
    wanted = [pk for pk in dict.fromkeys(recipient_ids) if pk != actor_id]
    return sum(
        _announce_group(wanted[start : start + ANNOUNCE_CHUNK], event)
        for start in range(0, len(wanted), ANNOUNCE_CHUNK)
    )


def _announce_group(recipient_ids: list[int], event: Event) -> int:
    recipients = (
        User.objects.filter(pk__in=recipient_ids, is_active=True)
        .select_related("profile")
        .order_by("pk")
    )
    try:
        with transaction.atomic():
            told_before = set(
                NotificationEvent.objects.filter(
                    recipient_id__in=recipient_ids, key=event.key
                ).values_list("recipient_id", flat=True)
            )
            fresh = [r for r in recipients if r.pk not in told_before]
            if fresh:
                _tell(fresh, event)
            return len(fresh)
    except IntegrityError:
        # Another run of the same task told some of them in the meantime: each on their own.
        if len(recipient_ids) == 1:
            return 0
        return sum(_announce_group([pk], event) for pk in recipient_ids)


def _tell(recipients: list[User], event: Event) -> None:
    default = DEFAULT_EMAIL_MODES[event.kind]
    modes = dict(
        EmailPreference.objects.filter(user__in=recipients, kind=event.kind).values_list(
            "user_id", "mode"
        )
    )
    notifications = _collapse_or_create(recipients, event)
    NotificationEvent.objects.bulk_create(
        NotificationEvent(
            recipient=recipient,
            kind=event.kind,
            key=event.key,
            message=event.message,
            url=event.url,
            email_mode=modes.get(recipient.pk, default),
            notification=notifications[recipient.pk],
        )
        for recipient in recipients
    )
    for recipient in recipients:
        if modes.get(recipient.pk, default) == EmailMode.INSTANT:
            _queue_notification_email(recipient, event)
    _forget_unread(*(recipient.pk for recipient in recipients))


def _collapse_or_create(recipients: list[User], event: Event) -> dict[int, Notification]:
    """{recipient id: their notification of this event}: the unread one of its group, now
    counting one more, or a new one."""
    unread: dict[int, Notification] = {}
    if event.group_key:
        newest_first = Notification.objects.select_for_update().filter(
            recipient__in=recipients,
            kind=event.kind,
            group_key=event.group_key,
            read_at__isnull=True,
        )
        for notification in newest_first:
            unread.setdefault(notification.recipient_id, notification)
    now = timezone.now()
    for notification in unread.values():
        notification.count += 1
        if event.collapsed_message:
            notification.message = event.collapsed_message.format(count=notification.count)[:300]
        else:
            notification.message = event.message
        notification.created_at = now
    Notification.objects.bulk_update(unread.values(), ["count", "message", "created_at"])
    created = Notification.objects.bulk_create(
        Notification(
            recipient=recipient,
            kind=event.kind,
            message=event.message,
            url=event.url,
            group_key=event.group_key,
        )
        for recipient in recipients
        if recipient.pk not in unread
    )
    return unread | {notification.recipient_id: notification for notification in created}


def notify_moderation_action(*, user_id: int, message: str, url: str = "", key: str) -> bool:
    """For moderation: tell a member what a moderator did to their post.

    `key` names the action (e.g. 'moderation:action:17') so calling twice tells them once.
    """
    return announce(
        recipient_id=user_id,
        kind=Notification.Kind.MODERATION,
        key=key,
        message=message,
        url=url,
    )


def mark_read(*, recipient, notification_id: int) -> bool:
    """Mark one of the recipient's notifications as read."""
    marked = Notification.objects.filter(
        pk=notification_id, recipient=recipient, read_at__isnull=True
    ).update(read_at=timezone.now())
    _forget_unread(recipient.pk)
    return bool(marked)


# --- Emails, their unsubscribe links, and one-click unsubscribe -----------------------------

UNSUBSCRIBE_SALT = "village.notifications.unsubscribe"
DAILY_SUMMARY = "daily_summary"


def unsubscribe_token(*, kind: str, user_id: int | None = None, email: str = "") -> str:
    """A signed, lasting token naming who and which kind of email: works without signing in."""
    payload = {"k": kind, "u": user_id} if user_id is not None else {"k": kind, "e": email}
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> dict:
    """The token's payload; raises signing.BadSignature if it was not made by Village."""
    return signing.loads(token, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(token: str) -> str:
    return settings.SITE_URL + reverse("notifications:unsubscribe", args=[token])


def describe_unsubscribe(payload: dict) -> str:
    """What the unsubscribe page says will stop."""
    kind = payload.get("k")
    if kind == DAILY_SUMMARY:
        return "the daily summary email"
    if kind == WEEKLY_DIGEST:
        return "the weekly digest of tips"
    label = dict(Notification.Kind.choices).get(kind, "these")
    return f"emails about {label[0].lower()}{label[1:]}"


def unsubscribe(token: str) -> None:
    """Stop the kind of email the token names; doing it twice changes nothing."""
    payload = read_unsubscribe_token(token)
    kind = payload.get("k")
    user_id = payload.get("u")
    if user_id is None:
        DigestSubscription.objects.filter(
            email__iexact=payload.get("e", ""), unsubscribed_at__isnull=True
        ).update(unsubscribed_at=timezone.now())
        return
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return
    if kind == DAILY_SUMMARY:
        daily = [k for k, mode in email_preferences(user).items() if mode == EmailMode.DAILY]
        set_email_preferences(user=user, modes=dict.fromkeys(daily, EmailMode.OFF))
    elif kind in DEFAULT_EMAIL_MODES:
        set_email_preferences(user=user, modes={kind: EmailMode.OFF})


def queue_with_unsubscribe(
    template_prefix: str, to: str, context: dict, token: str
) -> OutboundEmail:
    """Render subject, text and HTML, and queue them with RFC 8058 one-click unsubscribe headers."""
    link = unsubscribe_url(token)
    context = {
        **context,
        "unsubscribe_url": link,
        "settings_url": settings.SITE_URL + reverse("notifications:preferences"),
        "site_url": settings.SITE_URL,
    }
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template_prefix}_message.txt", context).strip(),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        render_to_string(f"{template_prefix}_message.html", {**context, "subject": subject}),
        "text/html",
    )
    return queue_message(message)


def _queue_notification_email(recipient, event: Event) -> None:
    context = {
        **(event.email_context or {}),
        "name": _name_of(recipient),
        "message": event.message,
        "url": settings.SITE_URL + event.url if event.url.startswith("/") else event.url,
        "kind_label": dict(Notification.Kind.choices)[event.kind],
    }
    queue_with_unsubscribe(
        event.email_template or "notifications/email/notification",
        recipient.email,
        context,
        unsubscribe_token(kind=event.kind, user_id=recipient.pk),
    )


def _name_of(user) -> str:
    profile = getattr(user, "profile", None)
    return profile.display_name if profile is not None else ""


# --- The daily summary ----------------------------------------------------------------------


def send_daily_summaries(*, today=None) -> int:
    """Send each member with waiting events their summary for today; at most one a day."""
    today = today or timezone.localdate()
    waiting = (
        NotificationEvent.objects.filter(email_mode=EmailMode.DAILY, summary_batch="")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    return sum(send_daily_summary(recipient_id, today=today) for recipient_id in list(waiting))


def send_daily_summary(recipient_id: int, *, today) -> bool:
    """Claim today's summary for one member, then the events, then queue the email: once."""
    recipient = User.objects.filter(pk=recipient_id, is_active=True).first()
    if recipient is None:
        return False
    batch = uuid.uuid4().hex
    with transaction.atomic():
        if not claim_edition(recipient.email, f"daily-{today.isoformat()}"):
            return False
        claimed = NotificationEvent.objects.filter(
            recipient=recipient, email_mode=EmailMode.DAILY, summary_batch=""
        ).update(summary_batch=batch)
        if not claimed:
            transaction.set_rollback(True)
            return False
        events = list(
            NotificationEvent.objects.filter(summary_batch=batch).order_by("created_at", "id")
        )
        for event in events:
            event.absolute_url = settings.SITE_URL + event.url if event.url else ""
        queue_with_unsubscribe(
            "notifications/email/daily_summary",
            recipient.email,
            {"name": _name_of(recipient), "events": events, "count": len(events)},
            unsubscribe_token(kind=DAILY_SUMMARY, user_id=recipient.pk),
        )
    return True


def claim_edition(email: str, edition: str) -> bool:
    """Take the right to send this edition to this address; False if it was taken before."""
    try:
        with transaction.atomic():
            DigestDelivery.objects.create(email=email.lower(), edition=edition)
    except IntegrityError:
        return False
    return True


# --- The weekly digest's visitor subscriptions -----------------------------------------------

CONFIRM_SALT = "village.notifications.digest-confirm"


def subscribe_to_digest(*, email: str) -> DigestSubscription:
    """A visitor asks for the digest: nothing is sent but a confirmation link until they use it.

    Asking again resends the link (or, once confirmed, changes nothing).
    """
    email = email.strip().lower()
    subscription, _ = DigestSubscription.objects.get_or_create(email=email)
    if subscription.is_active:
        return subscription
    if subscription.unsubscribed_at is not None:
        subscription.unsubscribed_at = None
        subscription.confirmed_at = None
        subscription.save(update_fields=["unsubscribed_at", "confirmed_at"])
    token = signing.dumps({"e": email}, salt=CONFIRM_SALT)
    queue_email(
        "notifications/email/digest_confirm",
        email,
        {"url": settings.SITE_URL + reverse("notifications:digest_confirm", args=[token])},
    )
    return subscription


def confirm_digest_subscription(token: str) -> DigestSubscription | None:
    """The visitor used the link: from now on the digest comes. None for a bad or old link."""
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    subscription = DigestSubscription.objects.filter(email=payload.get("e", "")).first()
    if subscription is None:
        return None
    if subscription.confirmed_at is None or subscription.unsubscribed_at is not None:
        subscription.confirmed_at = timezone.now()
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return subscription


CONFIRM_MAX_AGE = 60 * 60 * 24 * 7
