"""Lists of questions (home tabs, topic pages, "For you"), paged by keyset, never by OFFSET.

A page is found by where the last one ended ("older than this date and id"), so page 500
costs what page 1 costs: the database walks an index from that point and stops after one
page. The page's ids come from that cheap walk; their answer counts, authors and topics are
then fetched for those ids alone.
"""

import base64
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Exists, IntegerField, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from village.questions.models import Answer, Question
from village.questions.queries import question_list
from village.topics.models import TopicFollow

PER_PAGE = 20

TABS = {
    "newest": "Newest",
    "top": "Top",
    "unanswered": "Unanswered",
    "experts": "Answered by experts",
    "for-you": "For you",
}
PERIODS = {"week": 7, "month": 31, "year": 366, "all": None}
PERIOD_NAMES = {
    "week": "this week",
    "month": "this month",
    "year": "this year",
    "all": "of all time",
}


@dataclass
class KeysetPage:
    questions: list[Question] = field(default_factory=list)
    next_cursor: str = ""  # older questions (or lower scores) start after this
    previous_cursor: str = ""  # newer ones end before this

    @property
    def has_next(self) -> bool:
        return bool(self.next_cursor)

    @property
    def has_previous(self) -> bool:
        return bool(self.previous_cursor)

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def object_list(self) -> list[Question]:
        return self.questions

    def __iter__(self):
        return iter(self.questions)


def encode_cursor(values: tuple) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, kinds: tuple[type, ...]) -> tuple | None:
    """The values in a cursor, or None when it is missing or not one of ours."""
    if not cursor or len(cursor) > 200:
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(raw, list) or len(raw) != len(kinds):
            return None
        values = []
        for kind, value in zip(kinds, raw, strict=True):
            if kind is datetime:
                moment = datetime.fromisoformat(value)
                if timezone.is_naive(moment):
                    return None
                values.append(moment)
            elif kind is int and isinstance(value, int) and not isinstance(value, bool):
                values.append(value)
            else:
                return None
        return tuple(values)
    except (ValueError, TypeError, UnicodeDecodeError):
        return None


def keyset_page(queryset, keys: tuple[str, str], kinds, *, after="", before="", per_page=PER_PAGE):
    """One page of `queryset` in descending order of two `keys` (the last one unique).

    `after` continues past a page's last row; `before` goes back from a page's first row.
    """
    first, second = keys
    after_values = decode_cursor(after, kinds)
    before_values = None if after_values else decode_cursor(before, kinds)
    rows = queryset
    # "(first, second) < (a, b)", written so that both databases seek the index to `a`:
    # the plain range on `first` finds the starting point, the OR only trims ties.
    if after_values:
        a, b = after_values
        rows = rows.filter(
            Q(**{f"{first}__lte": a}), Q(**{f"{first}__lt": a}) | Q(**{f"{second}__lt": b})
        )
    if before_values:
        a, b = before_values
        rows = rows.filter(
            Q(**{f"{first}__gte": a}), Q(**{f"{first}__gt": a}) | Q(**{f"{second}__gt": b})
        )
        rows = rows.order_by(first, second)
    else:
        rows = rows.order_by(f"-{first}", f"-{second}")
    found = list(rows.values_list(first, second)[: per_page + 1])
    more = len(found) > per_page
    found = found[:per_page]
    if before_values:
        found.reverse()
    page = KeysetPage()
    if not found:
        return page
    if after_values or (before_values and more):
        page.previous_cursor = encode_cursor(found[0])
    if more or before_values:
        page.next_cursor = encode_cursor(found[-1])
    ids = [second_value for _, second_value in found]
    by_id = {q.pk: q for q in question_list(Question.objects.filter(pk__in=ids))}
    page.questions = [by_id[pk] for pk in ids if pk in by_id]
    return page


def _live_answers():
    return Answer.objects.filter(
        question=OuterRef("pk"), deleted_at__isnull=True, hidden_at__isnull=True
    )


def published():
    return Question.objects.filter(status=Question.Status.PUBLISHED)


def newest_page(*, after="", before="") -> KeysetPage:
    return keyset_page(
        published(), ("created_at", "pk"), (datetime, int), after=after, before=before
    )


def unanswered_page(*, after="", before="") -> KeysetPage:
    rows = published().filter(~Exists(_live_answers()))
    return keyset_page(rows, ("created_at", "pk"), (datetime, int), after=after, before=before)


def expert_answered_page(*, after="", before="") -> KeysetPage:
    by_expert = _live_answers().filter(author__expert_profile__verified=True)
    rows = published().filter(Exists(by_expert))
    return keyset_page(rows, ("created_at", "pk"), (datetime, int), after=after, before=before)


def top_page(*, period: str = "month", after="", before="", now=None) -> KeysetPage:
    """Questions asked in the period, most helpful votes on their answers first."""
    rows = published()
    days = PERIODS.get(period)
    if days:
        rows = rows.filter(created_at__gte=(now or timezone.now()) - timedelta(days=days))
    live = Q(answers__deleted_at__isnull=True, answers__hidden_at__isnull=True)
    rows = rows.filter(answers__helpful_count__gt=0).annotate(
        helpful_total=Coalesce(
            Sum("answers__helpful_count", filter=live), Value(0), output_field=IntegerField()
        )
    )
    rows = rows.filter(helpful_total__gt=0)
    return keyset_page(rows, ("helpful_total", "pk"), (int, int), after=after, before=before)


def topic_page(topic, *, after="", before="") -> KeysetPage:
    filed = Question.topics.through.objects.filter(question_id=OuterRef("pk"), topic_id=topic.pk)
    rows = published().filter(Exists(filed))
    return keyset_page(rows, ("created_at", "pk"), (datetime, int), after=after, before=before)


def for_you_page(user, *, after="", before="") -> KeysetPage:
    """Newest questions in the topics this person follows."""
    followed = TopicFollow.objects.filter(user=user).values("topic_id")
    filed = Question.topics.through.objects.filter(
        question_id=OuterRef("pk"), topic_id__in=followed
    )
    rows = published().filter(Exists(filed))
    return keyset_page(rows, ("created_at", "pk"), (datetime, int), after=after, before=before)
