"""In-site messages, the emails that go with them, and the weekly digest's subscribers.

A `NotificationEvent` is one thing that happened for one person ("Ben answered your
question"); its unique key makes announcing the same thing twice a no-op. Events about the
same thing collapse into one `Notification` row while it is unread ("3 new answers on …").
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Notification(models.Model):
    class Kind(models.TextChoices):
        ANSWER_TO_MY_QUESTION = "answer_mine", "New answers to my questions"
        ANSWER_TO_FOLLOWED = "answer_followed", "New answers to questions I follow"
        REPLY = "reply", "Replies to my answers and replies"
        HELPFUL = "helpful", "Helpful votes on my answers"
        EXPERT_DECISION = "expert_decision", "My expert application"
        EXPERT_QUESTION = "expert_question", "New questions in my area of expertise"
        MODERATION = "moderation", "Moderator action on my posts"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40, choices=Kind.choices)
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=500, blank=True, help_text="Where the notification leads.")
    group_key = models.CharField(
        max_length=120,
        blank=True,
        help_text="Events with the same kind and key collapse into this row while it is unread.",
    )
    count = models.PositiveIntegerField(default=1, help_text="How many events it stands for.")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}: {self.message}"


class EmailMode(models.TextChoices):
    INSTANT = "instant", "Straight away"
    DAILY = "daily", "In a daily summary"
    OFF = "off", "Never"
    WEEKLY = "weekly", "Every week"


WEEKLY_DIGEST = "weekly_digest"
PREFERENCE_KINDS = [*Notification.Kind.choices, (WEEKLY_DIGEST, "The weekly digest of tips")]


# What a person gets until they choose otherwise.
DEFAULT_EMAIL_MODES = {
    Notification.Kind.ANSWER_TO_MY_QUESTION: EmailMode.INSTANT,
    Notification.Kind.ANSWER_TO_FOLLOWED: EmailMode.DAILY,
    Notification.Kind.REPLY: EmailMode.DAILY,
    Notification.Kind.HELPFUL: EmailMode.OFF,
    Notification.Kind.EXPERT_DECISION: EmailMode.INSTANT,
    Notification.Kind.EXPERT_QUESTION: EmailMode.DAILY,
    Notification.Kind.MODERATION: EmailMode.INSTANT,
    WEEKLY_DIGEST: EmailMode.WEEKLY,
}


class EmailPreference(models.Model):
    """How a member wants to hear about one kind of notification by email."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    kind = models.CharField(max_length=40, choices=PREFERENCE_KINDS)
    mode = models.CharField(max_length=10, choices=EmailMode.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_email_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.kind} {self.mode}"


class NotificationEvent(models.Model):
    """One thing that happened for one person; its key makes a repeated announcement a no-op."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_events"
    )
    kind = models.CharField(max_length=40, choices=Notification.Kind.choices)
    key = models.CharField(max_length=120, help_text="e.g. 'answer:42'; unique per recipient.")
    notification = models.ForeignKey(
        Notification, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=500, blank=True)
    email_mode = models.CharField(
        max_length=10, choices=EmailMode.choices, help_text="The preference when it happened."
    )
    summary_batch = models.CharField(
        max_length=40, blank=True, help_text="Set when a daily summary claims the event."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_event_per_recipient")
        ]
        indexes = [
            models.Index(fields=["email_mode", "summary_batch"], name="event_summary_due_idx")
        ]

    def __str__(self) -> str:
        return f"{self.key} for {self.recipient_id}"


class DigestSubscription(models.Model):
    """A visitor who asked for the weekly digest with their email address alone."""

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="Nothing is sent before the confirmation link is used."
    )
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class DigestDelivery(models.Model):
    """A claim on one edition for one address, taken before sending: no edition goes twice."""

    email = models.EmailField()
    edition = models.CharField(max_length=20, help_text="'2026-W48' weekly, 'daily-2026-11-28'.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["email", "edition"], name="one_delivery_per_edition")
        ]
        verbose_name_plural = "digest deliveries"

    def __str__(self) -> str:
        return f"{self.edition} to {self.email}"
