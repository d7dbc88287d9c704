"""Experts: the area someone is an expert in, and whether Village has verified it."""

from django.conf import settings
from django.db import models
from django.utils import timezone


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


class ExpertiseArea(models.Model):
    """An area people can be verified experts in; moderators keep the list."""

    name = models.CharField(max_length=80, unique=True)
    description = models.CharField(max_length=240, blank=True)
    is_active = models.BooleanField(
        default=True, help_text="Inactive areas take no new applications."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ExpertApplication(models.Model):
    """A member's request to be verified as an expert, and the moderator's decision."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Not approved"

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_applications"
    )
    area = models.ForeignKey(ExpertiseArea, on_delete=models.PROTECT, related_name="applications")
    headline = models.CharField(
        max_length=120, help_text="Your professional headline, e.g. 'Paediatric nurse, 12 years'."
    )
    credentials = models.TextField(
        max_length=2000,
        help_text="Qualifications, registrations and roles that make you an expert.",
    )
    evidence_url = models.URLField(
        max_length=500,
        help_text="A public page that confirms it: a register entry, an employer page.",
    )
    statement = models.TextField(
        max_length=1500, help_text="A few words on how you'd like to help parents on Village."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_reason = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant"],
                condition=models.Q(status="pending"),
                name="one_pending_application_per_member",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area} application by {self.applicant_id} ({self.status})"
