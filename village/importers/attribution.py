"""Who to credit for an imported post, found without costing pages a query when nothing on
them was imported.

Imported authors have a placeholder address at IMPORTED_EMAIL_DOMAIN, and pages load authors
with their posts, so a post by anyone else needs no lookup. The first imported post on a
question page loads the records of the question and all its answers in one query.
"""

from django.db.models import Q

from village.importers.models import IMPORTED_EMAIL_DOMAIN, ImportedRecord
from village.questions.models import Answer, Question

_CACHE_ATTRIBUTE = "_village_imported_records"


def is_imported_author(user) -> bool:
    return bool(user and user.email.endswith(f"@{IMPORTED_EMAIL_DOMAIN}"))


def attribution_for(post, request=None) -> ImportedRecord | None:
    """The import record of a question or answer, or None if it wasn't imported."""
    if isinstance(post, Question):
        kind, question_id = ImportedRecord.Kind.QUESTION, post.pk
    elif isinstance(post, Answer):
        kind, question_id = ImportedRecord.Kind.ANSWER, post.question_id
    else:
        return None
    if not is_imported_author(post.author):
        return None
    cache = getattr(request, _CACHE_ATTRIBUTE, None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            setattr(request, _CACHE_ATTRIBUTE, cache)
    if question_id not in cache:
        cache[question_id] = _records_on_page(question_id)
    return cache[question_id].get((kind, post.pk))


def _records_on_page(question_id: int) -> dict[tuple[str, int], ImportedRecord]:
    answers = Answer.objects.filter(question_id=question_id).values("pk")
    records = ImportedRecord.objects.filter(
        Q(kind=ImportedRecord.Kind.QUESTION, object_id=question_id)
        | Q(kind=ImportedRecord.Kind.ANSWER, object_id__in=answers)
    ).only("site", "kind", "source_id", "object_id", "author_name", "author_source_id", "licence")
    return {(record.kind, record.object_id): record for record in records}
