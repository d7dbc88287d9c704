"""Questions, the answers they get, the replies under answers, and how helpful people found them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

# Replies nest under replies this deep; a reply to the deepest level joins that level instead
# (the thread goes flat rather than ever narrower on a phone).
MAX_REPLY_DEPTH = 3


class Question(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", "Published"
        HIDDEN = "hidden", "Hidden"
        DELETED = "deleted", "Deleted"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, allow_unicode=False)
    body = models.TextField(blank=True, help_text="Markdown, as the author wrote it.")
    body_html = models.TextField(blank=True, help_text="Sanitised HTML rendered from body.")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="questions"
    )
    is_anonymous = models.BooleanField(
        default=False, help_text="Shown as 'Anonymous parent'; only moderators see who asked."
    )
    topics = models.ManyToManyField("topics.Topic", related_name="questions", blank=True)
    source_url = models.URLField(blank=True, max_length=500)
    source_title = models.CharField(
        max_length=200, blank=True, help_text="Link text for the source, e.g. 'this article'."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PUBLISHED)
    is_featured = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(
        null=True, blank=True, help_text="When the author last changed the title or body."
    )
    idempotency_key = models.CharField(
        max_length=64,
        blank=True,
        help_text="A token from the ask form, so a double click publishes one question, not two.",
    )
    locked_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when a moderator locks the question: no new answers or replies then.",
    )

    class Meta:
        indexes = [
            models.Index(fields=["status", "-created_at", "-id"], name="question_newest_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="one_question_per_ask_form",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("questions:detail", args=[self.pk, self.slug])

    @property
    def is_deleted(self) -> bool:
        return self.status == self.Status.DELETED

    @property
    def is_hidden(self) -> bool:
        return self.status == self.Status.HIDDEN

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class Answer(models.Model):
    class Kind(models.TextChoices):
        OPINION = "opinion", "Opinion"
        EXPERIENCE = "experience", "Experience"

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="answers"
    )
    kind = models.CharField(
        max_length=12,
        choices=Kind.choices,
        help_text="Opinion: what you think. Experience: what happened to you or your family.",
    )
    body = models.TextField(help_text="Markdown, as the author wrote it.")
    body_html = models.TextField(help_text="Sanitised HTML rendered from body.")
    helpful_count = models.PositiveIntegerField(
        default=0, help_text="Denormalised count of HelpfulVote rows, kept by the services."
    )
    reply_count = models.PositiveIntegerField(
        default=0, help_text="Denormalised count of replies not deleted, kept by the services."
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(
        null=True, blank=True, help_text="When the author last changed the answer."
    )
    deleted_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the author deletes it; its replies stay readable beneath a notice.",
    )
    hidden_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when a moderator (or enough flags) hides it: only its author and "
        "moderators still see it.",
    )

    class Meta:
        constraints = [
            # A deleted answer no longer counts: its author may answer afresh.
            models.UniqueConstraint(
                fields=["question", "author"],
                condition=Q(deleted_at__isnull=True),
                name="one_answer_per_member_per_question",
            ),
        ]
        indexes = [
            models.Index(
                fields=["question", "-helpful_count", "created_at"], name="answer_order_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.author_id} on question {self.question_id}"

    def get_absolute_url(self) -> str:
        return f"{self.question.get_absolute_url()}#answer-{self.pk}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def accepts_replies(self) -> bool:
        return (
            self.deleted_at is None
            and self.hidden_at is None
            and self.question.status == Question.Status.PUBLISHED
            and self.question.locked_at is None
        )


class Reply(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="replies")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(
        default=0, help_text="0 for a reply to the answer; at most MAX_REPLY_DEPTH - 1."
    )
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(
        null=True, blank=True, help_text="When the author last changed the reply."
    )
    deleted_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the author deletes it; replies to it stay readable beneath a notice.",
    )
    hidden_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when a moderator (or enough flags) hides it: only its author and "
        "moderators still see it.",
    )

    class Meta:
        verbose_name_plural = "replies"
        indexes = [models.Index(fields=["answer", "created_at"], name="reply_thread_idx")]

    def __str__(self) -> str:
        return f"Reply {self.pk} on answer {self.answer_id}"

    def get_absolute_url(self) -> str:
        return f"{self.answer.question.get_absolute_url()}?thread={self.answer_id}#reply-{self.pk}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class HelpfulVote(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="helpful_votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="helpful_votes"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "voter"], name="one_helpful_vote_per_member"),
        ]

    def __str__(self) -> str:
        return f"Helpful vote by {self.voter_id} on answer {self.answer_id}"


class AnswerFeedback(models.Model):
    """A reader's answer to "Did you find the answer you were looking for?"."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    visitor_key = models.CharField(
        max_length=64,
        help_text="The member's id, or a random key from a visitor's cookie: one response each.",
    )
    found = models.BooleanField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "visitor_key"], name="one_feedback_per_reader"
            ),
        ]

    def __str__(self) -> str:
        return f"{'Found' if self.found else 'Not found'} on question {self.question_id}"


class Revision(models.Model):
    """One edit of a question, answer or reply: who made it, when, and the text before it.

    The current text lives on the post itself, so a post's history is its revisions, oldest
    first, followed by what it says now.
    """

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions"
    )
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions"
    )
    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions"
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="revisions"
    )
    title = models.CharField(max_length=200, blank=True, help_text="The title before this edit.")
    body = models.TextField(blank=True, help_text="The Markdown before this edit.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When the edit was made.")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(question__isnull=False, answer__isnull=True, reply__isnull=True)
                    | Q(question__isnull=True, answer__isnull=False, reply__isnull=True)
                    | Q(question__isnull=True, answer__isnull=True, reply__isnull=False)
                ),
                name="revision_of_exactly_one_post",
            ),
        ]
        indexes = [models.Index(fields=["created_at"], name="revision_created_idx")]

    def __str__(self) -> str:
        return f"Revision {self.pk} by {self.editor_id}"


class QuestionFollow(models.Model):
    """A member follows a question: its asker and answerers automatically, others by choice.

    The notifications issue tells followers about new answers and replies.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_follows"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "question"], name="one_follow_per_member_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows question {self.question_id}"
