"""Reads for the moderation pages: the queue of flagged things and the audit log."""

from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse

from village.accounts.models import User
from village.ip_addresses.queries import RecentAddress, recent_addresses
from village.moderation.models import Flag, ModerationAction
from village.moderation.targets import Target, author_of, is_hidden, label_of

QUEUE_FLAGS = 500


@dataclass
class QueueItem:
    """One flagged thing with all its pending flags: the queue shows one card per item."""

    kind: str
    target: Target
    flags: list[Flag] = field(default_factory=list)
    # The author's recent IP addresses: for moderators' eyes only (spam rings, evasion).
    addresses: list[RecentAddress] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.target.pk}"

    @property
    def urgent(self) -> bool:
        return any(f.is_urgent for f in self.flags)

    @property
    def first_flagged(self) -> datetime:
        return min(f.created_at for f in self.flags)

    @property
    def hidden(self) -> bool:
        return is_hidden(self.target)

    @property
    def author(self):
        return author_of(self.target)

    @property
    def label(self) -> str:
        return label_of(self.target)

    @property
    def url(self) -> str:
        return url_of(self.kind, self.target)

    @property
    def reasons(self) -> list[str]:
        return sorted({f.get_reason_display() for f in self.flags})


def url_of(kind: str, target: Target) -> str:
    if kind == "member":
        return reverse("people:profile", args=[target.pk])
    return target.get_absolute_url()


def moderation_queue() -> list[QueueItem]:
    """Pending flags grouped by item: safeguarding concerns first, then the longest waiting."""
    flags = (
        Flag.objects.filter(status=Flag.Status.PENDING)
        .select_related(
            "flagger__profile",
            "question__author__profile",
            "answer__author__profile",
            "answer__question",
            "reply__author__profile",
            "reply__answer__question",
            "member__profile",
        )
        .order_by("created_at", "pk")[:QUEUE_FLAGS]
    )
    items: dict[tuple[str, int], QueueItem] = {}
    for flag in flags:
        for kind in ("question", "answer", "reply", "member"):
            target = getattr(flag, kind)
            if target is not None:
                break
        item = items.setdefault((kind, target.pk), QueueItem(kind=kind, target=target))
        item.flags.append(flag)
    addresses = recent_addresses({item.author.pk for item in items.values()})
    for item in items.values():
        item.addresses = addresses.get(item.author.pk, [])
    return sorted(items.values(), key=lambda i: (not i.urgent, i.first_flagged))


def audit_log(*, moderator: str = "", action: str = "", since=None, until=None):
    """The audit log, newest first, filtered by moderator id ("auto" for Village itself),
    action and dates (inclusive)."""
    log = ModerationAction.objects.select_related("moderator__profile")
    if moderator == "auto":
        log = log.filter(moderator__isnull=True)
    elif moderator.isdigit():
        log = log.filter(moderator_id=int(moderator))
    if action in ModerationAction.Kind.values:
        log = log.filter(action=action)
    if since is not None:
        log = log.filter(created_at__date__gte=since)
    if until is not None:
        log = log.filter(created_at__date__lte=until)
    return log.order_by("-created_at", "-pk")


def moderators_in_log():
    """Everyone who appears in the log as a moderator, for the filter."""
    from_log = ModerationAction.objects.filter(moderator__isnull=False).values("moderator")
    return (
        User.objects.filter(pk__in=from_log)
        .select_related("profile")
        .order_by("profile__display_name")
    )
