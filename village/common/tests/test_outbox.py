from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.mail import run_worker
from village.common.email import queue_email
from village.common.models import OutboundEmail
from village.common.outbox import retry_delay

pytestmark = pytest.mark.django_db(transaction=True)


def test_retry_delay_doubles_up_to_the_cap(settings):
    settings.EMAIL_RETRY_BASE_SECONDS = 30
    settings.EMAIL_RETRY_MAX_SECONDS = 3600
    delays = [retry_delay(n).total_seconds() for n in range(1, 9)]
    assert delays == [30, 60, 120, 240, 480, 960, 1920, 3600]


def test_mail_left_mid_send_by_a_dead_worker_is_delivered_after_requeue(smtp_server):
    outbound = queue_email(
        "experts/email/decision",
        "someone@example.org",
        {"approved": True, "name": "Sam", "url": "http://x", "application": None},
    )
    run_worker()
    OutboundEmail.objects.filter(pk=outbound.pk).update(
        status="sending", claimed_at=timezone.now() - timedelta(hours=1)
    )
    smtp_server.inbox.clear()
    run_worker()  # nothing is due: the row looks claimed
    assert smtp_server.inbox == []
    call_command("requeue_email", verbosity=0)
    run_worker()
    assert len(smtp_server.messages_to("someone@example.org")) == 1
