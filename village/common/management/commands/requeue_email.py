from django.core.management.base import BaseCommand
from django.db import transaction

from village.common.email import requeue_stalled
from village.common.models import OutboundEmail


class Command(BaseCommand):
    help = (
        "Give every undelivered email a live delivery task again (after a crash or a restart). "
        "`make run` runs it before starting the worker; safe to run at any time."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            stalled = requeue_stalled()
        waiting = OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT).count()
        self.stdout.write(f"{waiting} email(s) waiting for delivery ({stalled} were stalled).")
