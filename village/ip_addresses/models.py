"""IP addresses, kept only while abuse handling needs them (IP_RETENTION_DAYS).

Village writes one row when a member signs up, signs in, asks, answers, replies or flags, so
moderators can spot one person behind several accounts. Nothing else stores addresses, and
`erase_old_addresses` (run by the scheduler) deletes each row once it is old enough.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AddressRecord(models.Model):
    """The address a member used for one action that abuse handling may need to look at."""

    class Action(models.TextChoices):
        SIGN_UP = "sign_up", "Joined"
        SIGN_IN = "sign_in", "Signed in"
        ASK = "ask", "Asked"
        ANSWER = "answer", "Answered"
        REPLY = "reply", "Replied"
        FLAG = "flag", "Flagged"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="address_records"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    ip = models.GenericIPAddressField(
        help_text="REMOTE_ADDR as the web server saw it (see docs/deployment.md)."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "-created_at"], name="address_user_recent_idx"),
            models.Index(fields=["ip", "created_at"], name="address_ip_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.user_id} from {self.ip}"
