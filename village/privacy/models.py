"""A person's rights over their data: a copy of it, and its erasure."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class DataExport(models.Model):
    """ "Download my data": a zip prepared in the background, downloadable for a few days."""

    class Status(models.TextChoices):
        PREPARING = "preparing", "Being prepared"
        READY = "ready", "Ready"
        EXPIRED = "expired", "Expired"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    token = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREPARING)
    archive = models.FileField(upload_to="exports/", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Data export {self.pk} for {self.user_id} ({self.status})"


class AccountDeletion(models.Model):
    """A request to delete an account, carried out when its grace period ends."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the grace period to end"
        CANCELLED = "cancelled", "Cancelled"
        DONE = "done", "Carried out"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deletion_request"
    )
    keep_contributions = models.BooleanField(
        help_text="Keep questions, answers and replies as 'a former member' instead of deleting."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(default=timezone.now)
    effective_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Deletion of {self.user_id} ({self.status})"
