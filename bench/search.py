"""Search latency (p50/p99) and keyset paging depth on a generated community of 100,000+ posts.

Runs against its own database: a SQLite file (var/bench-search.sqlite3) by default, or the
PostgreSQL database named in DATABASE_URL (created if missing). The first run generates the
data with bulk_create (the database triggers index it as it goes, which is timed too); later
runs reuse it. Usage:

    .venv/bin/python bench/search.py [QUESTIONS]
    DATABASE_URL=sqlite:///var/bench-1000000.sqlite3 .venv/bin/python bench/search.py existing
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/village_bench_search \\
        .venv/bin/python bench/search.py

QUESTIONS defaults to 30,000, each with 2 to 4 answers: about 120,000 posts.
"""

import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-search.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "village.settings")
(ROOT / "var").mkdir(exist_ok=True)


def _create_postgres_database(url: str) -> None:
    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


if os.environ["DATABASE_URL"].startswith("postgres"):
    _create_postgres_database(os.environ["DATABASE_URL"])

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Q  # noqa: E402

from village.accounts.models import Profile, User  # noqa: E402
from village.common.progress import ProgressBar  # noqa: E402
from village.experts.models import ExpertProfile  # noqa: E402
from village.questions import listings  # noqa: E402
from village.questions.models import Answer, Question  # noqa: E402
from village.search.engines import Filters  # noqa: E402
from village.search.results import (  # noqa: E402
    related_questions,
    search_questions,
    similar_questions,
)
from village.search.schema import rebuild_search_index  # noqa: E402
from village.topics.models import Topic  # noqa: E402

# Words with the spread of real text: every word of the demo community, the most frequent
# drawn most often (Zipf), so common words match many questions and rare ones few.
VOCABULARY = [
    word
    for word, _ in Counter(
        re.findall(r"[a-z]+", (ROOT / "village/demo/content.py").read_text().lower())
    ).most_common()
    if len(word) > 1
]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
RARE = ["trampoline", "origami", "beekeeping", "canoe", "ukulele", "fossils", "chess", "kite"]


def sentence(rng: random.Random, n: int) -> str:
    words = rng.choices(VOCABULARY, WEIGHTS, k=n)
    if rng.random() < 0.02:
        words[rng.randrange(n)] = rng.choice(RARE)
    return " ".join(words).capitalize() + "."


def generate(questions: int, rng: random.Random) -> None:
    """Questions with 2-4 answers each, written in bulk; the triggers index every row."""
    topics = list(Topic.objects.all())
    people = []
    with transaction.atomic():
        users = User.objects.bulk_create(
            [User(email=f"bench{n}@example.org", password="!") for n in range(500)]
        )
        Profile.objects.bulk_create(
            [Profile(user=u, display_name=f"Bench parent {n}") for n, u in enumerate(users)]
        )
        ExpertProfile.objects.bulk_create(
            [ExpertProfile(user=u, area="Sleep", verified=True) for u in users[:50]]
        )
        people = users
    bar = ProgressBar("Generating questions")
    batch = 1000
    through = Question.topics.through
    for start in range(0, questions, batch):
        with transaction.atomic():
            rows = []
            for i in range(start, min(start + batch, questions)):
                title = sentence(rng, rng.randint(5, 10)).rstrip(".") + "?"
                body = " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(2, 5)))
                rows.append(
                    Question(
                        title=title,
                        slug=f"bench-{i}",
                        body=body,
                        body_html=f"<p>{body}</p>",
                        author=rng.choice(people),
                    )
                )
            made = Question.objects.bulk_create(rows)
            through.objects.bulk_create(
                [through(question_id=q.pk, topic_id=rng.choice(topics).pk) for q in made]
            )
            answers = []
            for question in made:
                for author in rng.sample(people, rng.randint(2, 4)):
                    body = " ".join(sentence(rng, rng.randint(10, 20)) for _ in range(3))
                    answers.append(
                        Answer(
                            question=question,
                            author=author,
                            kind=rng.choice(["opinion", "experience"]),
                            body=body,
                            body_html=f"<p>{body}</p>",
                            helpful_count=rng.randint(0, 9),
                        )
                    )
            Answer.objects.bulk_create(answers)
        bar.update(min(start + batch, questions), questions)


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def report(name: str, times: list[float]) -> None:
    print(f"  {name:46} p50 {statistics.median(times):8.2f} ms   p99 {pct(times, 0.99):8.2f} ms")


QUERIES = [
    "bedtime",  # common: tens of thousands of matches
    "screen time tablet",
    '"parental controls"',
    "trampoline",  # rare
    "ukulele OR origami",
    "homework -teacher",
    "toddler biting nursery",
    "how do I stop my toddler hitting his sister at bedtime",
]


def main() -> None:
    # `existing`: time the database named in DATABASE_URL as it is (e.g. a bench/load.py
    # database of 1,000,000 posts from generate_community), generating and rebuilding nothing.
    existing_only = sys.argv[1:] == ["existing"]
    wanted = 0 if existing_only else int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
    call_command("migrate", verbosity=0)
    if not existing_only:
        call_command("load_demo", verbosity=0)
    vendor = connection.vendor
    existing = Question.objects.count()
    if existing < wanted:
        t0 = time.perf_counter()
        generate(wanted - existing, random.Random(42))
        took = time.perf_counter() - t0
        posts = Question.objects.count() + Answer.objects.count()
        print(f"Generated and indexed (by triggers) in {took:.0f} s: {posts / took:,.0f} posts/s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum would give
    posts = Question.objects.count() + Answer.objects.count()
    print(f"{vendor}: {Question.objects.count():,} questions, {posts:,} posts")

    if not existing_only:
        t0 = time.perf_counter()
        rebuild_search_index(progress=ProgressBar("Rebuilding index").update)
        print(f"rebuild_search_index: {time.perf_counter() - t0:.1f} s")

    repeat = 30
    print(
        f"Search latency, {repeat} runs each (one results page: ranked ids, snippets, questions):"
    )
    everything = []
    for query in QUERIES:
        times = timed(lambda q=query: search_questions(q), repeat)
        everything += times
        report(repr(query), times)
    report("all queries together", everything)
    topic = Topic.objects.filter(slug="sleep").first() or Topic.objects.order_by("pk").first()
    report(
        "'bedtime' + topic + expert + kind filters",
        timed(
            lambda: search_questions(
                "bedtime", Filters(topic=topic.slug, expert_answered=True, answer_kind="opinion")
            ),
            repeat,
        ),
    )
    report("'bedtime' page 10", timed(lambda: search_questions("bedtime", page=10), repeat))
    report(
        "similar while typing 'toddler bit'",
        timed(lambda: similar_questions("toddler bit"), repeat),
    )
    question = Question.objects.order_by("-pk").first()

    def related_uncached():
        cache.clear()
        related_questions(question)

    report("related questions (uncached)", timed(related_uncached, repeat))

    print("Listing pages by keyset, first page and page 101 (ids + counts for 20 questions):")
    for name, page_fn in (
        ("newest", lambda after="": listings.newest_page(after=after)),
        ("unanswered", lambda after="": listings.unanswered_page(after=after)),
        ("answered by experts", lambda after="": listings.expert_answered_page(after=after)),
        ("topic: sleep", lambda after="": listings.topic_page(topic, after=after)),
        ("top, all time", lambda after="": listings.top_page(period="all", after=after)),
    ):
        cursor = ""
        page = None
        for _ in range(100):
            page = page_fn(cursor)
            cursor = page.next_cursor
            if not cursor:
                break
        report(f"{name}: page 1", timed(page_fn, 20))
        if cursor:
            report(f"{name}: page 101", timed(lambda c=cursor, f=page_fn: f(c), 20))

    deep = listings.newest_page()
    for _ in range(500):
        deep = listings.newest_page(after=deep.next_cursor)
    rows = listings.published().order_by("-created_at", "-pk")
    after = listings.decode_cursor(deep.next_cursor, (listings.datetime, int))
    keyset = rows.filter(
        Q(created_at__lte=after[0]), Q(created_at__lt=after[0]) | Q(pk__lt=after[1])
    ).values_list("created_at", "pk")[:21]
    print("Query plan, newest page 502 by keyset:")
    print("  " + keyset.explain().replace("\n", "\n  "))
    report("newest page 502 by keyset", timed(lambda: list(keyset.all()), 20))
    offset = rows.values_list("created_at", "pk")[20 * 501 : 20 * 501 + 21]
    report("newest page 502 by OFFSET (for contrast)", timed(lambda: list(offset.all()), 20))


if __name__ == "__main__":
    main()
