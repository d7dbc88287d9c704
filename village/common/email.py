"""Sending email: render now, deliver from the task queue, retry until the server takes it.

`queue_email()` stores the finished message in the outbox (`OutboundEmail`) and enqueues
its delivery when the surrounding transaction commits. The `deliver_email` task claims the
row, hands it to the configured backend and marks it sent; if the SMTP server is down it
puts the row back with a later attempt time and enqueues itself again, with backoff.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from village.common.models import OutboundEmail
from village.common.tasks import deliver_email


def queue_message(message: EmailMessage) -> OutboundEmail:
    """Put a rendered Django EmailMessage in the outbox and deliver it after commit."""
    html = ""
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html = content
    text = message.body
    if getattr(message, "content_subtype", "plain") == "html" and not html:
        html, text = message.body, ""
    headers = {k: v for k, v in (message.extra_headers or {}).items() if k.lower() != "message-id"}
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ")
    outbound = OutboundEmail.objects.create(
        to=list(message.to),
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        subject=message.subject,
        text_body=text,
        html_body=html,
        headers=headers,
        message_id=make_msgid(domain=domain),
    )
    schedule_delivery(outbound.pk)
    return outbound


def queue_email(template_prefix: str, to: str | list[str], context: dict) -> OutboundEmail:
    """Render `<prefix>_subject.txt`, `_message.txt` and `_message.html` and queue the email."""
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template_prefix}_message.txt", context).strip(),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to] if isinstance(to, str) else list(to),
    )
    message.attach_alternative(
        render_to_string(f"{template_prefix}_message.html", context), "text/html"
    )
    return queue_message(message)


def schedule_delivery(outbound_id: int, run_after=None) -> None:
    def enqueue():
        task = deliver_email.using(run_after=run_after) if run_after else deliver_email
        task.enqueue(outbound_id)

    transaction.on_commit(enqueue)


def requeue_stalled(older_than: timedelta = timedelta(minutes=10)) -> int:
    """Re-enqueue mail that is due but has no live task (a worker died mid-send, a restart)."""
    now = timezone.now()
    stalled = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENDING, claimed_at__lt=now - older_than
    )
    count = stalled.update(status=OutboundEmail.Status.QUEUED, next_attempt_at=now)
    for pk in OutboundEmail.objects.filter(
        status=OutboundEmail.Status.QUEUED, next_attempt_at__lte=now
    ).values_list("pk", flat=True):
        schedule_delivery(pk)
    return count
