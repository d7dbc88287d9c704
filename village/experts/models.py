"""Experts: the area someone is an expert in, and whether Village has verified it."""

from django.conf import settings
from django.db import models


class ExpertProfile(models.Model):
    """A person's claim to expertise. Only a verified one earns the "expert answer" label."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_profile"
    )
    area = models.CharField(max_length=80, help_text="Shown as '<area> expert', e.g. 'E-safety'.")
    verified = models.BooleanField(default=False)
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["verified"], name="expert_verified_idx")]

    def __str__(self) -> str:
        state = "verified" if self.verified else "unverified"
        return f"{self.area} expert ({state})"

    @property
    def label(self) -> str:
        return f"{self.area} expert"
