"""Prepare a benchmark database and describe what to load: run by bench/load.py.

In the database named by DATABASE_URL: migrate, generate a community of about --posts posts
when the database is empty, then add (once) the pages every run measures: a question with 6
answers, a question with 100 answers and replies, and a member to sign in as. Prints one JSON
line: the URLs, and the SQL queries each page runs for a visitor and for the member (counted
here with the page cache off, so they are what a page costs when it is rendered).
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "village.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from village.accounts.models import User  # noqa: E402
from village.accounts.services import create_member  # noqa: E402
from village.questions import services  # noqa: E402
from village.questions.models import Answer, Question  # noqa: E402
from village.topics.models import Topic  # noqa: E402

MEMBER = "bench.member@example.org"
PASSWORD = "bench-member-passphrase-2026"
SIX = "How do you keep bedtime calm when siblings share a room?"
HUNDRED = "What is the one thing you wish you had known in the first year?"
OPENINGS = [
    "What worked for us was",
    "Our health visitor suggested",
    "With our twins we found",
    "Honestly, the thing that helped most was",
    "As a nursery teacher I'd suggest",
    "We tried everything, and in the end",
]
IDEAS = [
    "a steady wind-down routine with the same three books every night",
    "moving screens out of the bedroom an hour before sleep",
    "a visual timetable on the fridge so they could see what came next",
    "taking turns choosing the story, which stopped most of the arguments",
    "a white-noise machine between the beds",
    "an earlier dinner and a bath straight after",
    "letting the older one stay up fifteen minutes as a privilege",
    "a sticker chart for staying in bed, dropped after a fortnight",
]


def answer_text(n: int) -> str:
    opening = OPENINGS[n % len(OPENINGS)]
    idea = IDEAS[(n * 7) % len(IDEAS)]
    return (
        f"{opening} {idea}. It took about {n % 9 + 2} days to settle (answer {n}).\n\n"
        f"- Keep it **consistent**, even at weekends.\n- Expect a wobble after holidays.\n\n"
        f"Every family is different, so see what fits yours."
    )


def member(email: str, name: str, password: str | None = None) -> User:
    user = User.objects.filter(email=email).first()
    return user or create_member(
        email=email, display_name=name, password=password, email_verified=True
    )


def question_with(title: str, answers: int, replies_every: int) -> Question:
    question = Question.objects.filter(title=title).first()
    if question is not None:
        return question
    asker = member("bench.asker@example.org", "Bench Asker")
    question = services.ask_question(
        author=asker, title=title, body="We would love to hear what worked for other families."
    )
    topic = Topic.objects.order_by("pk").first()
    if topic:
        question.topics.add(topic)
    for n in range(answers):
        writer = member(f"bench.writer{n}@example.org", f"Writer {n}")
        answer = services.post_answer(
            author=writer, question=question, kind="experience", body=answer_text(n)
        )
        for voter_n in range(n % 4):
            services.add_helpful_vote(
                voter=member(f"bench.writer{voter_n + 200}@example.org", f"Voter {voter_n}"),
                answer=answer,
            )
        if replies_every and n % replies_every == 0:
            reply = services.post_reply(
                author=asker, answer=answer, body=f"Thank you, we will try this ({n})."
            )
            services.post_reply(
                author=writer, answer=answer, parent=reply, body=f"Good luck! Tell us how ({n})."
            )
    return question


def queries(client: Client, url: str, method: str = "get") -> int:
    getattr(client, method)(url)  # warm anything cached for minutes (related questions)
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url)
    assert response.status_code < 400, (url, response.status_code)
    return len(captured)


def main(posts: int) -> None:
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    if posts and not Question.objects.exists():
        call_command("generate_community", "--posts", str(posts), verbosity=1)
    bench = member(MEMBER, "Bench Member", PASSWORD)
    six = question_with(SIX, 6, replies_every=3)
    hundred = question_with(HUNDRED, 100, replies_every=3)
    answer = Answer.objects.filter(question=six).order_by("pk").first()
    topic = six.topics.first()
    urls = {
        "question": six.get_absolute_url(),
        "big_question": hundred.get_absolute_url(),
        "home": "/",
        "topic": topic.get_absolute_url() if topic else "/",
        "search": "/search/?q=screen+time",
        "vote": f"/questions/answers/{answer.pk}/helpful/",
    }
    plain = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    counts = {}
    with override_settings(STORAGES=plain, ALLOWED_HOSTS=["*"]):
        visitor, signed_in = Client(), Client()
        signed_in.force_login(bench)
        for name, url in urls.items():
            if name == "vote":
                counts["vote:member"] = queries(signed_in, url, "post")
                continue
            counts[f"{name}:visitor"] = queries(visitor, url)
            counts[f"{name}:member"] = queries(signed_in, url)
    print(
        json.dumps(
            {
                "urls": urls,
                "queries": counts,
                "posts": Question.objects.count() + Answer.objects.count() + _replies(),
            }
        )
    )


def _replies() -> int:
    from village.questions.models import Reply

    return Reply.objects.count()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
