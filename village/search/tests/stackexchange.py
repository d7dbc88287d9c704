"""A small test loader for a Stack Exchange dump's Posts.xml (no importer exists yet).

Questions and answers are written straight to the tables, the way a bulk importer would
(so the search index triggers, not our services, must keep the index in step). HTML bodies
are sanitised; the Markdown-ish `body` is the plain text.
"""

import html
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import nh3

from village.accounts.models import Profile, User
from village.common.markdown import sanitise_html
from village.questions.models import Answer, Question
from village.questions.services import make_slug

COFFEE = (
    Path(__file__).resolve().parents[3].parent
    / "shared"
    / "data"
    / "stackexchange"
    / "coffee.stackexchange.com"
)


def _plain(markup: str) -> str:
    return html.unescape(nh3.clean(markup, tags=set()))


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def load_posts(folder: Path = COFFEE) -> dict[int, Question]:
    """Load every question and answer; returns the questions by their Stack Exchange id."""
    questions: list[tuple[int, int, Question]] = []
    answers: list[tuple[int, int, Answer]] = []
    owners: set[int] = set()
    for _, row in ET.iterparse(folder / "Posts.xml"):
        if row.tag != "row":
            continue
        kind = row.get("PostTypeId")
        owner = int(row.get("OwnerUserId") or -1)
        body = row.get("Body") or ""
        created = _when(row.get("CreationDate"))
        if kind == "1":
            title = html.unescape(row.get("Title") or "")
            question = Question(
                title=title[:200],
                slug=make_slug(title),
                body=_plain(body),
                body_html=sanitise_html(body),
                created_at=created,
                updated_at=created,
            )
            questions.append((int(row.get("Id")), owner, question))
            owners.add(owner)
        elif kind == "2":
            answer = Answer(
                kind=Answer.Kind.EXPERIENCE,
                body=_plain(body),
                body_html=sanitise_html(body),
                helpful_count=max(int(row.get("Score") or 0), 0),
                created_at=created,
                updated_at=created,
            )
            answers.append((int(row.get("ParentId")), owner, answer))
            owners.add(owner)
        row.clear()

    people = {}
    for owner in sorted(owners):
        user = User.objects.create_user(email=f"coffee-{owner}@example.org")
        Profile.objects.create(user=user, display_name=f"Coffee person {owner}")
        people[owner] = user
    for _, owner, question in questions:
        question.author = people[owner]
    Question.objects.bulk_create([q for _, _, q in questions])
    by_se_id = {se_id: q for se_id, _, q in questions}

    seen = set()
    rows = []
    for parent, owner, answer in answers:
        question = by_se_id.get(parent)
        if question is None or (parent, owner) in seen:
            continue
        seen.add((parent, owner))
        answer.question = question
        answer.author = people[owner]
        rows.append(answer)
    Answer.objects.bulk_create(rows)
    return by_se_id
