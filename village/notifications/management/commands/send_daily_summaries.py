from django.core.management.base import BaseCommand

from village.notifications.services import send_daily_summaries


class Command(BaseCommand):
    help = "Queue today's summary for each member with waiting notifications (once a day each)."

    def handle(self, *args, **options):
        sent = send_daily_summaries()
        self.stdout.write(f"Queued {sent} daily summar{'ies' if sent != 1 else 'y'}.")
