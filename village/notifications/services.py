"""Writes to notifications."""

from django.utils import timezone

from village.notifications.models import Notification


def notify(*, recipient, kind: str, message: str, url: str = "") -> Notification:
    """Leave an in-site message for someone."""
    return Notification.objects.create(recipient=recipient, kind=kind, message=message, url=url)


def mark_all_read(*, recipient) -> int:
    return Notification.objects.filter(recipient=recipient, read_at__isnull=True).update(
        read_at=timezone.now()
    )
