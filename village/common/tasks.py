"""Background tasks of the common layer: delivering the outbox."""

import logging
import smtplib

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from village.common.models import OutboundEmail
from village.common.outbox import build_message, retry_delay

log = logging.getLogger(__name__)


@task()
def deliver_email(outbound_id: int) -> str:
    """Send one queued email. Safe to run twice: only the run that claims the row sends it."""
    now = timezone.now()
    claimed = OutboundEmail.objects.filter(
        pk=outbound_id, status=OutboundEmail.Status.QUEUED
    ).update(status=OutboundEmail.Status.SENDING, claimed_at=now)
    if not claimed:
        return "already handled"
    outbound = OutboundEmail.objects.get(pk=outbound_id)
    try:
        build_message(outbound).send()
    except (smtplib.SMTPException, OSError) as error:
        outbound.attempts += 1
        outbound.last_error = f"{type(error).__name__}: {error}"[:2000]
        outbound.status = OutboundEmail.Status.QUEUED
        outbound.next_attempt_at = timezone.now() + retry_delay(outbound.attempts)
        outbound.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        log.warning(
            "Email %s not delivered (attempt %s): %s; retrying at %s",
            outbound.pk,
            outbound.attempts,
            outbound.last_error,
            outbound.next_attempt_at,
        )
        run_after = outbound.next_attempt_at
        transaction.on_commit(lambda: deliver_email.using(run_after=run_after).enqueue(outbound_id))
        return "retry"
    outbound.attempts += 1
    outbound.status = OutboundEmail.Status.SENT
    outbound.sent_at = timezone.now()
    outbound.last_error = ""
    outbound.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    return "sent"
