from django.core.management.base import BaseCommand

from village.ip_addresses.services import erase_old_addresses
from village.privacy.services import carry_out_due_deletions, remove_expired_exports


class Command(BaseCommand):
    help = (
        "Carry out account deletions whose grace period has ended; remove expired exports; "
        "erase IP addresses older than IP_RETENTION_DAYS."
    )

    def handle(self, *args, **options):
        deleted = carry_out_due_deletions()
        expired = remove_expired_exports()
        addresses = erase_old_addresses()
        self.stdout.write(
            f"{deleted} account(s) erased, {expired} expired export(s) removed, "
            f"{addresses} old IP address record(s) erased."
        )
