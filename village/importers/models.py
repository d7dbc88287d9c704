"""What was brought in from elsewhere: where each row came from, and whom to credit.

One ImportedRecord per imported thing (a person, a topic, a question, an answer, a reply, a
vote). Its unique (site, kind, source_id) is what makes an import safe to run twice and to
resume after it was stopped: a row already recorded is never created again.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from village.questions.models import Question

# Imported people get a placeholder address here: ".invalid" can never receive mail (RFC 2606),
# and it tells pages, with no extra query, that an author came from an import.
IMPORTED_EMAIL_DOMAIN = "imported.invalid"


class ImportedRecord(models.Model):
    class Kind(models.TextChoices):
        USER = "user", "Person"
        STAND_IN = "stand_in", "Stand-in author"
        VOTER = "voter", "Stand-in voter"
        TAG = "tag", "Tag"
        QUESTION = "question", "Question"
        ANSWER = "answer", "Answer"
        COMMENT = "comment", "Comment"
        VOTE = "vote", "Vote"

    site = models.CharField(
        max_length=100, help_text="Where it came from, e.g. coffee.stackexchange.com."
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    source_id = models.BigIntegerField(help_text="Its id on the original site.")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField()
    imported = GenericForeignKey("content_type", "object_id")
    author_name = models.CharField(
        max_length=200, blank=True, help_text="The original author's name, for attribution."
    )
    author_source_id = models.BigIntegerField(
        null=True, blank=True, help_text="The original author's id on the site, if known."
    )
    licence = models.CharField(max_length=40, blank=True, help_text="e.g. CC BY-SA 3.0.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When it was imported.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "kind", "source_id"], name="one_record_per_source_row"
            ),
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="imported_object_idx")]

    def __str__(self) -> str:
        return f"{self.site} {self.kind} {self.source_id}"

    @property
    def original_url(self) -> str:
        """The page on the original site, as the licence asks us to link it."""
        path = {"question": "q", "answer": "a", "user": "users"}.get(self.kind)
        return f"https://{self.site}/{path}/{self.source_id}" if path else f"https://{self.site}/"

    @property
    def author_url(self) -> str:
        if self.author_source_id is None or self.author_source_id < 0:
            return ""
        return f"https://{self.site}/users/{self.author_source_id}"

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def site_name(self) -> str:
        return site_display_name(self.site)


class ImportedLink(models.Model):
    """A link between two imported questions ("related" or "duplicate" on the original site).

    Village has no such link of its own yet; they are kept so a later feature can show them.
    """

    class Kind(models.TextChoices):
        RELATED = "related", "Related"
        DUPLICATE = "duplicate", "Duplicate"

    site = models.CharField(max_length=100)
    source_id = models.BigIntegerField()
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    related = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "source_id"], name="one_link_per_source_row"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} {self.kind} {self.related_id}"


LICENCE_URLS = {
    "CC BY-SA 2.5": "https://creativecommons.org/licenses/by-sa/2.5/",
    "CC BY-SA 3.0": "https://creativecommons.org/licenses/by-sa/3.0/",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
}


def site_display_name(site: str) -> str:
    """'coffee.stackexchange.com' -> 'Coffee Stack Exchange'; 'stackoverflow.com' as is."""
    if site.endswith(".stackexchange.com"):
        words = site.removesuffix(".stackexchange.com").replace(".", " ").split()
        return " ".join(word.capitalize() for word in words) + " Stack Exchange"
    names = {"stackoverflow.com": "Stack Overflow", "superuser.com": "Super User"}
    return names.get(site, site)
