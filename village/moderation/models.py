"""Flags members raise on posts and profiles, and the audit log of what moderators did."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

# Each flag and each logged action points at exactly one thing: a question, an answer, a
# reply, or a member (their profile).
KINDS = ("question", "answer", "reply", "member")


def _one_target(name: str) -> models.CheckConstraint:
    alone = [Q(**{f"{kind}__isnull": kind != chosen for kind in KINDS}) for chosen in KINDS]
    condition = alone[0]
    for other in alone[1:]:
        condition |= other
    return models.CheckConstraint(condition=condition, name=name)


class Flag(models.Model):
    """A member's report that a post or a profile needs a moderator's eyes."""

    class Reason(models.TextChoices):
        SAFEGUARDING = "safeguarding", "Safeguarding concern (a child may be at risk)"
        ABUSE = "abuse", "Rude or abusive"
        SPAM = "spam", "Spam"
        MISINFORMATION = "misinformation", "Misinformation"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a moderator"
        DISMISSED = "dismissed", "Dismissed"
        ACTIONED = "actioned", "Acted on"

    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags_raised"
    )
    question = models.ForeignKey(
        "questions.Question", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    answer = models.ForeignKey(
        "questions.Answer", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reply = models.ForeignKey(
        "questions.Reply", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    note = models.TextField(blank=True, max_length=1000, help_text="What the member told us.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [_one_target("flag_of_exactly_one_thing")]
        indexes = [models.Index(fields=["status", "created_at"], name="flag_queue_idx")]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} flag by {self.flagger_id}"

    @property
    def is_urgent(self) -> bool:
        return self.reason == self.Reason.SAFEGUARDING


class ModerationAction(models.Model):
    """One line of the audit log: who did what to which thing, when, and why."""

    class Kind(models.TextChoices):
        DISMISS = "dismiss", "Flags dismissed"
        HIDE = "hide", "Hidden"
        AUTO_HIDE = "auto_hide", "Hidden automatically after flags"
        UNHIDE = "unhide", "Shown again"
        DELETE = "delete", "Deleted"
        EDIT = "edit", "Edited"
        LOCK = "lock", "Locked"
        UNLOCK = "unlock", "Unlocked"
        WARN = "warn", "Warned"
        SUSPEND = "suspend", "Suspended"
        LIFT_SUSPENSION = "lift_suspension", "Suspension lifted"

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moderation_actions",
        help_text="Empty when Village acted by itself (hiding after enough flags).",
    )
    action = models.CharField(max_length=20, choices=Kind.choices)
    question = models.ForeignKey(
        "questions.Question", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answer = models.ForeignKey(
        "questions.Answer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reply = models.ForeignKey(
        "questions.Reply", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    target_label = models.CharField(
        max_length=200, help_text="What was acted on, in words, kept even if it goes away."
    )
    reason = models.TextField(help_text="Why: every action needs one.")
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="moderation_action_has_reason")
        ]
        indexes = [models.Index(fields=["-created_at"], name="moderation_log_idx")]
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.target_label}"
