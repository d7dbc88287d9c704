"""Turning an outbox row back into a message, and when to try again."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from village.common.models import OutboundEmail


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff: base, 2×base, 4×base ... capped at EMAIL_RETRY_MAX_SECONDS."""
    base = settings.EMAIL_RETRY_BASE_SECONDS
    return timedelta(
        seconds=min(base * 2 ** max(attempts - 1, 0), settings.EMAIL_RETRY_MAX_SECONDS)
    )


def build_message(outbound: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=outbound.subject,
        body=outbound.text_body,
        from_email=outbound.from_email,
        to=outbound.to,
        headers={**outbound.headers, "Message-ID": outbound.message_id},
    )
    if outbound.html_body:
        message.attach_alternative(outbound.html_body, "text/html")
    return message
