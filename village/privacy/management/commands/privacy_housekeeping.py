from django.core.management.base import BaseCommand

from village.privacy.services import carry_out_due_deletions, remove_expired_exports


class Command(BaseCommand):
    help = "Carry out account deletions whose grace period has ended; remove expired exports."

    def handle(self, *args, **options):
        deleted = carry_out_due_deletions()
        expired = remove_expired_exports()
        self.stdout.write(f"{deleted} account(s) erased, {expired} expired export(s) removed.")
