"""The clock beside the task worker: daily summaries and the weekly digest, without a person;
erasing IP addresses once they are older than IP_RETENTION_DAYS; and the privacy housekeeping
(account deletions whose grace period has ended, expired data exports).

Every few minutes it asks whether it is time; the sends themselves claim each address and
edition first, so a restart, a second scheduler or a cron job running too never doubles up.
"""

import io
import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from village.ip_addresses.services import erase_old_addresses
from village.notifications.services import send_daily_summaries
from village.questions.digest import send_digests

log = logging.getLogger(__name__)


def run_due_jobs(now=None) -> dict[str, int]:
    """Send whatever is due at `now`: summaries after DAILY_SUMMARY_HOUR, the digest from
    DIGEST_WEEKDAY at DIGEST_HOUR until the week ends."""
    local = timezone.localtime(now or timezone.now())
    done = {"daily_summaries": 0, "digests": 0}
    # Not an email, but the same clock: addresses past their retention go at every check.
    done["addresses_erased"] = erase_old_addresses(now)
    # Privacy sits above questions in the layers, so its housekeeping is run by name.
    call_command("privacy_housekeeping", stdout=io.StringIO())
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
                    f"summaries and {done['digests']} weekly digests; erased "
                    f"{done['addresses_erased']} old IP address records"
                )
            if once:
                return
            time.sleep(interval)
