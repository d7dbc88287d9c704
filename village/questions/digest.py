"""The weekly digest: the week's most helpful new questions and answers, experts first.

Answers are credited by role ("a verified Sleep expert", "a parent"), never by name: sent
mail stays in the outbox, and a member who deletes their account must leave no trace there.
A member gets the best of the topics they follow (or of the whole site when they follow none,
or when their topics were quiet); a confirmed visitor subscriber gets the site's best. Each
address is claimed for the week's edition before its email is queued, so running this twice,
or again after a crash halfway, never sends anyone the same edition twice.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from village.accounts.models import User
from village.notifications.models import WEEKLY_DIGEST, DigestSubscription, EmailPreference
from village.notifications.services import claim_edition, queue_with_unsubscribe, unsubscribe_token
from village.questions.models import Answer, Question
from village.topics.models import TopicFollow

DIGEST_SIZE = 5


def edition_of(moment) -> str:
    """The ISO week an edition belongs to, e.g. '2026-W48'."""
    year, week, _ = timezone.localtime(moment).isocalendar()
    return f"{year}-W{week:02d}"


def best_of_week(*, since, topic_ids=None, limit: int = DIGEST_SIZE) -> list[dict]:
    """The most helpful questions asked since `since`, each with its best answer, experts first."""
    questions = Question.objects.filter(status=Question.Status.PUBLISHED, created_at__gte=since)
    if topic_ids:
        questions = questions.filter(topics__in=topic_ids).distinct()
    live = Q(answers__deleted_at__isnull=True)
    questions = questions.annotate(
        helpful=Sum("answers__helpful_count", filter=live, default=0),
        answered=Count("answers", filter=live),
    ).order_by("-helpful", "-answered", "-created_at")[:limit]
    questions = list(questions)
    answers = (
        Answer.objects.filter(question__in=questions, deleted_at__isnull=True)
        .select_related("author__expert_profile")
        .order_by("-helpful_count", "created_at")
    )
    best: dict[int, Answer] = {}
    for answer in answers:
        current = best.get(answer.question_id)
        if current is None or (_is_expert(answer) and not _is_expert(current)):
            best[answer.question_id] = answer
    items = []
    for question in questions:
        answer = best.get(question.pk)
        item = {"question": question, "url": settings.SITE_URL + question.get_absolute_url()}
        if answer is not None:
            item.update(
                answer=answer,
                answer_url=settings.SITE_URL + answer.get_absolute_url(),
                answer_is_expert=_is_expert(answer),
                expert_label=_expert_label(answer),
                answer_excerpt=Truncator(strip_tags(answer.body_html)).words(40),
            )
        items.append(item)
    return items


def _is_expert(answer: Answer) -> bool:
    expert = getattr(answer.author, "expert_profile", None)
    return bool(expert and expert.verified)


def _expert_label(answer: Answer) -> str:
    expert = getattr(answer.author, "expert_profile", None)
    return expert.label if expert else ""


def member_recipients():
    """Members with a confirmed address who haven't turned the digest off."""
    turned_off = EmailPreference.objects.filter(kind=WEEKLY_DIGEST, mode="off").values("user_id")
    confirmed = EmailAddress.objects.filter(verified=True, primary=True).values("user_id")
    return (
        User.objects.filter(is_active=True, pk__in=confirmed)
        .exclude(pk__in=turned_off)
        .select_related("profile")
        .order_by("pk")
    )


def send_digests(*, now=None) -> int:
    """Queue this week's digest for everyone who should have it and hasn't yet. Returns how many."""
    now = now or timezone.now()
    edition = edition_of(now)
    since = now - timedelta(days=7)
    site_best = best_of_week(since=since)
    if not site_best:
        return 0  # a quiet week: nothing worth an email
    by_topics: dict[frozenset, list[dict]] = {}
    sent = 0
    for member in member_recipients():
        topic_ids = frozenset(
            TopicFollow.objects.filter(user=member).values_list("topic_id", flat=True)
        )
        items = []
        if topic_ids:
            if topic_ids not in by_topics:
                by_topics[topic_ids] = best_of_week(since=since, topic_ids=topic_ids)
            items = by_topics[topic_ids]
        sent += _send_one(
            member.email,
            edition,
            {
                "name": member.profile.display_name,
                "items": items or site_best,
                "from_follows": bool(items),
                "is_member": True,
            },
            unsubscribe_token(kind=WEEKLY_DIGEST, user_id=member.pk),
        )
    subscribers = DigestSubscription.objects.filter(
        confirmed_at__isnull=False, unsubscribed_at__isnull=True
    ).order_by("pk")
    for subscription in subscribers:
        sent += _send_one(
            subscription.email,
            edition,
            {"name": "", "items": site_best, "from_follows": False, "is_member": False},
            unsubscribe_token(kind=WEEKLY_DIGEST, email=subscription.email),
        )
    return sent


def _send_one(email: str, edition: str, context: dict, token: str) -> int:
    # The claim and the outbox row commit together: either both exist or neither does.
    with transaction.atomic():
        if not claim_edition(email, edition):
            return 0
        queue_with_unsubscribe("notifications/email/digest", email, context, token)
    return 1
