"""The clock beside the task worker: daily summaries and the weekly digest, without a person.

Every few minutes it asks whether it is time; the sends themselves claim each address and
edition first, so a restart, a second scheduler or a cron job running too never doubles up.
"""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from village.notifications.services import send_daily_summaries
from village.questions.digest import send_digests

log = logging.getLogger(__name__)


def run_due_jobs(now=None) -> dict[str, int]:
    """Send whatever is due at `now`: summaries after DAILY_SUMMARY_HOUR, the digest from
    DIGEST_WEEKDAY at DIGEST_HOUR until the week ends."""
    local = timezone.localtime(now or timezone.now())
    done = {"daily_summaries": 0, "digests": 0}
    if local.hour >= settings.DAILY_SUMMARY_HOUR:
        done["daily_summaries"] = send_daily_summaries(today=local.date())
    due_day = local.isoweekday() > settings.DIGEST_WEEKDAY
    if due_day or (
        local.isoweekday() == settings.DIGEST_WEEKDAY and local.hour >= settings.DIGEST_HOUR
    ):
        done["digests"] = send_digests(now=local)
    return done


class Command(BaseCommand):
    help = "Send daily summaries and the weekly digest when due, checking every few minutes."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=300, help="Seconds between checks.")
        parser.add_argument("--once", action="store_true", help="Check once, then exit.")

    def handle(self, *args, interval, once, **options):
        while True:
            try:
                done = run_due_jobs()
            except Exception:
                if once:
                    raise
                # A database hiccup shouldn't stop the clock (or, via scripts/serve, the site):
                # nothing was half-sent, so the next check simply tries again.
                log.exception("Scheduled email failed; trying again in %s seconds", interval)
                time.sleep(interval)
                continue
            if options["verbosity"] > 1 or any(done.values()):
                self.stdout.write(
                    f"{timezone.now():%Y-%m-%d %H:%M} queued {done['daily_summaries']} daily "
                    f"summaries and {done['digests']} weekly digests"
                )
            if once:
                return
            time.sleep(interval)
