"""Privacy requests: a copy of one's data, and deleting one's account after a grace period."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from village.common.email import queue_email
from village.privacy.erasure import erase_member
from village.privacy.models import AccountDeletion, DataExport
from village.privacy.tasks import prepare_export


def request_export(user) -> DataExport:
    """Start preparing a zip of everything about the person; it arrives as an emailed link."""
    export = DataExport.objects.create(user=user, token=secrets.token_urlsafe(32))
    transaction.on_commit(lambda: prepare_export.enqueue(export.pk))
    return export


@transaction.atomic
def request_deletion(user, *, keep_contributions: bool) -> AccountDeletion:
    """Schedule the erasure; until it happens, signing in and cancelling undoes it."""
    effective = timezone.now() + timedelta(days=settings.ACCOUNT_DELETION_GRACE_DAYS)
    deletion, _ = AccountDeletion.objects.update_or_create(
        user=user,
        defaults={
            "keep_contributions": keep_contributions,
            "status": AccountDeletion.Status.PENDING,
            "requested_at": timezone.now(),
            "effective_at": effective,
        },
    )
    queue_email(
        "privacy/email/deletion_scheduled",
        user.email,
        {"name": user.profile.display_name, "deletion": deletion, "site_url": settings.SITE_URL},
    )
    return deletion


def cancel_deletion(user) -> bool:
    return bool(
        AccountDeletion.objects.filter(user=user, status=AccountDeletion.Status.PENDING).update(
            status=AccountDeletion.Status.CANCELLED
        )
    )


def carry_out_due_deletions(now=None) -> int:
    """Erase every account whose grace period has ended. Safe to run as often as you like."""
    now = now or timezone.now()
    done = 0
    due = AccountDeletion.objects.filter(
        status=AccountDeletion.Status.PENDING, effective_at__lte=now
    ).select_related("user__profile")
    for deletion in due:
        with transaction.atomic():
            erase_member(deletion.user, keep_contributions=deletion.keep_contributions)
            deletion.status = AccountDeletion.Status.DONE
            deletion.done_at = timezone.now()
            deletion.save(update_fields=["status", "done_at"])
        done += 1
    return done


def remove_expired_exports(now=None) -> int:
    now = now or timezone.now()
    expired = DataExport.objects.filter(status=DataExport.Status.READY, expires_at__lte=now)
    count = 0
    for export in expired:
        if export.archive:
            export.archive.storage.delete(export.archive.name)
        export.archive = ""
        export.status = DataExport.Status.EXPIRED
        export.save(update_fields=["archive", "status"])
        count += 1
    return count
