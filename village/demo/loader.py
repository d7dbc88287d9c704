"""Turn the fictional content in `content.py` into rows, through the same services people use."""

from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from village.accounts.models import Profile, User
from village.accounts.services import create_member
from village.demo import content
from village.experts.models import ExpertProfile
from village.questions import services
from village.questions.models import Question
from village.topics.models import Topic

ROLES = {
    "admin": Profile.Role.ADMIN,
    "moderator": Profile.Role.MODERATOR,
    "staff_writer": Profile.Role.STAFF_WRITER,
    "expert": Profile.Role.MEMBER,
    "member": Profile.Role.MEMBER,
}


def demo_is_loaded() -> bool:
    return User.objects.filter(email=content.PEOPLE[0]["email"]).exists()


@transaction.atomic
def load_demo(progress: Callable[[str], None] = lambda message: None) -> dict[str, int]:
    """Create the demo community once; a second call changes nothing and returns zeros."""
    counts = {"people": 0, "topics": 0, "questions": 0, "answers": 0, "replies": 0, "votes": 0}
    if demo_is_loaded():
        return counts
    now = timezone.now()

    topics = {}
    for spec in content.TOPICS:
        topics[spec["slug"]], created = Topic.objects.get_or_create(
            slug=spec["slug"], defaults={"name": spec["name"], "description": spec["description"]}
        )
        counts["topics"] += created

    people = {}
    for spec in content.PEOPLE:
        user = create_member(
            email=spec["email"],
            display_name=spec["display_name"],
            headline=spec.get("headline", ""),
            city=spec.get("city", ""),
            country=spec.get("country", ""),
            bio=spec.get("bio", ""),
            role=ROLES[spec["role"]],
            date_joined=now - timedelta(days=2000),
            email_verified=True,
        )
        if spec["role"] == "expert":
            verified = spec.get("verified", True)
            ExpertProfile.objects.create(
                user=user,
                area=spec["expertise"],
                verified=verified,
                verified_at=now - timedelta(days=1900) if verified else None,
            )
        people[spec["key"]] = user
        counts["people"] += 1
    progress(f"{counts['people']} people")

    voters = list(people.values())
    for spec in reversed(content.QUESTIONS):  # oldest listing position first, featured last
        question = services.ask_question(
            author=people[spec["author"]],
            title=spec["title"],
            body=spec["body"],
            topics=[topics[slug] for slug in spec["topics"]],
            source_url=spec.get("source_url", ""),
            source_title=spec.get("source_title", ""),
            is_anonymous=spec.get("anonymous", False),
            created_at=now - timedelta(days=spec["days_ago"], hours=3),
        )
        if spec.get("featured"):
            Question.objects.filter(pk=question.pk).update(is_featured=True)
        counts["questions"] += 1
        for number, answer_spec in enumerate(spec.get("answers", [])):
            author = people[answer_spec["author"]]
            answer = services.post_answer(
                author=author,
                question=question,
                body=answer_spec["body"],
                kind=answer_spec["kind"],
                created_at=now - timedelta(days=answer_spec["days_ago"], hours=2, minutes=number),
            )
            counts["answers"] += 1
            eligible = [v for v in voters if v.pk != author.pk]
            start = (question.pk * 7 + number * 3) % len(eligible)
            for i in range(answer_spec.get("helpful", 0)):
                services.mark_helpful(voter=eligible[(start + i) % len(eligible)], answer=answer)
                counts["votes"] += 1
            counts["replies"] += _load_replies(people, answer, answer_spec.get("replies", []), now)
    progress(f"{counts['questions']} questions, {counts['answers']} answers")
    return counts


def _load_replies(people, answer, specs, now, parent=None) -> int:
    made = 0
    for spec in specs:
        reply = services.post_reply(
            author=people[spec["author"]],
            answer=answer,
            parent=parent,
            body=spec["body"],
            created_at=now - timedelta(days=spec["days_ago"], hours=1),
        )
        made += 1 + _load_replies(people, answer, spec.get("replies", []), now, parent=reply)
    return made
