from django.core.management.base import BaseCommand

from village.questions.digest import send_digests


class Command(BaseCommand):
    help = "Queue this week's digest for everyone who hasn't had it yet (safe to run again)."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Queued {sent} weekly digest email{'s' if sent != 1 else ''}.")
