from django.conf import settings
from django.core.management.base import BaseCommand

from village.ip_addresses.services import erase_old_addresses


class Command(BaseCommand):
    help = "Erase IP addresses older than IP_RETENTION_DAYS (run_scheduler does this too)."

    def handle(self, *args, **options):
        erased = erase_old_addresses()
        self.stdout.write(
            f"{erased} IP address record(s) older than {settings.IP_RETENTION_DAYS} days erased."
        )
