"""A synthetic community at any size, for trying Village at scale and for benchmarks.

Shaped like a real one: a few members write most of the posts (weights fall off with rank),
a few percent are verified experts who answer more often; most questions get a handful of
answers and a few get dozens; answer lengths follow a log-normal curve (many short, a long
tail); replies form threads up to three deep; helpful votes gather on a few answers.

Fast enough for a million posts in minutes: rows are built as tuples and written with
multi-row INSERTs (bulk.py), one transaction per chunk of questions; Markdown and its HTML
are produced together (the HTML is exactly what render_markdown would make, which a test
checks), and counters are written with the rows. The search index is rebuilt once at the end
rather than row by row. All of it is fictional, and a seed makes it repeatable.
"""

import bisect
import itertools
import math
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from village.accounts.models import Profile, User
from village.experts.models import ExpertProfile
from village.importers.bulk import BulkInsert, refresh_statistics
from village.questions.models import (
    MAX_REPLY_DEPTH,
    Answer,
    HelpfulVote,
    Question,
    QuestionFollow,
    Reply,
)
from village.search.schema import PG_TABLE, drop_search_schema, rebuild_search_index
from village.topics.models import Topic

CHUNK = 2000  # questions per transaction
EMAIL_DOMAIN = "generated.invalid"

TOPICS = [
    ("Sleep", "Naps, bedtimes, night waking and the early starts."),
    ("Tech and screens", "Phones, tablets, games and a screen balance that works."),
    ("Online safety", "Helping children stay safe, kind and confident online."),
    ("School and learning", "Homework, reading, maths and getting on with teachers."),
    ("Food and fussy eating", "Lunch boxes, picky eaters and family meals."),
    ("Toddlers", "Tantrums, words, potty training and boundless energy."),
    ("Teenagers", "Independence, friendships, moods and big decisions."),
    ("Health", "Coughs, allergies, check-ups and knowing when to call the doctor."),
    ("Friendships", "Making friends, falling out and standing up for yourself."),
    ("Money and pocket money", "Pocket money, saving and talking about money."),
    ("Work and family life", "Juggling work, childcare and everything else."),
    ("Play and activities", "Clubs, hobbies, outdoor play and rainy days."),
    ("Feelings and behaviour", "Big emotions, worries, confidence and calm."),
    ("Babies", "Feeding, sleeping and the first year."),
    ("Reading", "Bedtime stories, first books and reluctant readers."),
    ("Siblings", "Sharing, rivalry and a new baby in the house."),
    ("Holidays and travel", "Long journeys, jet lag and keeping everyone happy."),
    ("Special educational needs", "Support at school, assessments and finding help."),
    ("Future and careers", "Subjects, skills and what comes after school."),
    ("Grandparents and family", "Help from family, different rules and keeping close."),
]
EXPERT_AREAS = [
    "Sleep",
    "E-safety",
    "Child psychology",
    "Paediatric nursing",
    "Primary education",
    "Nutrition",
    "Speech and language",
    "Family finance",
]
FIRST = [
    "Alex",
    "Sam",
    "Jo",
    "Chris",
    "Priya",
    "Aisha",
    "Tom",
    "Ella",
    "Noah",
    "Maya",
    "Leo",
    "Zara",
    "Ben",
    "Ruth",
    "Omar",
    "Lucy",
    "Dan",
    "Nia",
    "Finn",
    "Ivy",
    "Raj",
    "Ada",
    "Kit",
    "Rowan",
    "Ezra",
    "Mia",
    "Hugo",
    "Lila",
    "Theo",
    "Isla",
    "Amir",
    "Cara",
    "Owen",
    "Rosa",
    "Jack",
    "Esme",
]
LAST = [
    "Patel",
    "Jones",
    "Khan",
    "Smith",
    "Okafor",
    "Brown",
    "Nowak",
    "Evans",
    "Ahmed",
    "Green",
    "Walsh",
    "Murphy",
    "Chen",
    "Taylor",
    "Lewis",
    "Hughes",
    "Price",
    "Ward",
    "Begum",
    "Shaw",
    "Rossi",
    "Clarke",
    "Ali",
    "Young",
    "Kowalski",
    "Moore",
    "Reid",
    "Hall",
]
PLACES = [
    ("Leeds", "GB"),
    ("Bristol", "GB"),
    ("Glasgow", "GB"),
    ("Cardiff", "GB"),
    ("Belfast", "GB"),
    ("York", "GB"),
    ("Leicester", "GB"),
    ("Dublin", "IE"),
    ("Manchester", "GB"),
    ("Norwich", "GB"),
    ("", ""),
]
HEADLINES = ["Mum of two", "Dad of three", "Parent of a teenager", "Foster carer", "", "", ""]

# Words that sentences are built from: plain letters, commas and full stops only, so the text
# never needs escaping and its Markdown and HTML are known exactly.
CHILD = [
    "my son",
    "my daughter",
    "our toddler",
    "our eldest",
    "the little one",
    "my teenager",
    "our youngest",
]
THINGS = [
    "bedtime",
    "the tablet",
    "homework",
    "screen time",
    "reading",
    "breakfast",
    "the school run",
    "swimming lessons",
    "pocket money",
    "the new baby",
    "football practice",
    "nap time",
    "a phone",
    "spelling tests",
    "vegetables",
    "the bus",
    "sleepovers",
    "piano practice",
    "online games",
    "the dentist",
    "packed lunches",
    "tidying up",
]
DOING = [
    "refuses",
    "gets upset about",
    "keeps asking about",
    "has started to love",
    "will not settle after",
    "argues about",
    "forgets",
    "worries about",
    "is obsessed with",
    "needs help with",
    "takes ages over",
]
OPENERS = [
    "Lately",
    "Every evening",
    "Since the summer",
    "At the weekend",
    "Most mornings",
    "Now and then",
    "Since starting school",
    "After the holidays",
    "For a few weeks now",
    "Out of nowhere",
]
ADVICE = [
    "What helped us was",
    "We found it easier with",
    "Try",
    "It really helps to keep",
    "Our health visitor suggested",
    "Give it time and stick with",
    "A teacher told us about",
    "In my experience nothing beats",
    "We had luck with",
    "Start small with",
]
HELPERS = [
    "a simple routine",
    "a visual timetable",
    "a calm wind down",
    "a reward chart",
    "a fixed time",
    "a short walk first",
    "a clear warning before it ends",
    "one rule for everyone",
    "a quiet corner",
    "a family agreement",
    "a timer on the kitchen table",
    "a chat over dinner",
    "less choice",
]
TAILS = [
    "",
    "and it made a real difference",
    "and the whole family joined in",
    "but it took a couple of weeks",
    "which felt odd at first",
    "and we stopped arguing about it",
    "so everyone knew what to expect",
    "and we were consistent",
    "even on busy days",
    "and kept it light",
    "without any fuss",
]
QUESTION_TEMPLATES = [
    "How do you handle {thing} with {child}?",
    "{Child} {doing} {thing}. Is this normal?",
    "Any tips for {thing} when {child} {doing} it?",
    "What worked for you with {thing}?",
    "Should I worry that {child} {doing} {thing}?",
    "How much {thing} is too much at this age?",
    "When did your children get the hang of {thing}?",
]
REPLY_OPENERS = [
    "Thanks",
    "Same here",
    "Good idea",
    "We tried this",
    "Agreed",
    "Interesting",
    "Lovely",
]
AGES = ["at three", "at five", "at seven", "at nine", "at twelve", "at fourteen", "", "", ""]


@dataclass
class Shape:
    """How the community is shaped; the defaults are close to a busy real forum."""

    members_per_question: float = 0.4
    expert_share: float = 0.03
    mean_answers: float = 2.6  # a few questions get dozens
    mean_replies: float = 0.8  # per answer
    mean_votes: float = 2.5  # per answer, heavy-tailed
    question_words: tuple[float, float] = (35, 0.7)  # median and spread (log-normal)
    answer_words: tuple[float, float] = (70, 0.9)
    reply_words: tuple[float, float] = (16, 0.6)
    years: float = 3.0


@dataclass
class Counts:
    members: int = 0
    experts: int = 0
    topics: int = 0
    questions: int = 0
    answers: int = 0
    replies: int = 0
    votes: int = 0
    follows: int = 0
    extras: dict = field(default_factory=dict)

    @property
    def posts(self) -> int:
        return self.questions + self.answers + self.replies


class Writer:
    """Sentences, paragraphs and titles, as (markdown, html) pairs."""

    def __init__(self, rng: random.Random, pool: int = 20000):
        self.rng = rng
        self.sentences = [self._sentence() for _ in range(pool)]
        self.short = [s for s in self.sentences if len(s) < 80] or self.sentences

    def _sentence(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            age = r.choice(AGES)
            text = f"{r.choice(OPENERS)} {r.choice(CHILD)} {r.choice(DOING)} {r.choice(THINGS)}"
            text += f" {age}" if age else ""
        else:
            text = f"{r.choice(ADVICE)} {r.choice(HELPERS)} for {r.choice(THINGS)}"
            tail = r.choice(TAILS)
            text += f", {tail}" if tail else ""
        return text[0].upper() + text[1:] + "."

    def words(self, median: float, spread: float, low: int, high: int) -> int:
        return max(low, min(high, int(self.rng.lognormvariate(math.log(median), spread))))

    def text(self, words: int, lists: bool = False) -> tuple[str, str]:
        """About `words` words in paragraphs of two to four sentences, sometimes with a list."""
        r = self.rng
        sentences = r.choices(self.sentences, k=max(1, round(words / 12)))
        blocks_md, blocks_html = [], []
        i = 0
        while i < len(sentences):
            if lists and i > 0 and r.random() < 0.25:
                items = r.choices(self.short, k=r.randint(3, 5))
                blocks_md.append("\n".join(f"{n}. {item}" for n, item in enumerate(items, 1)))
                lis = "".join(f"<li>{item}</li>\n" for item in items)
                blocks_html.append(f"<ol>\n{lis}</ol>\n")
                lists = False
            size = r.randint(2, 4)
            paragraph = " ".join(sentences[i : i + size])
            blocks_md.append(paragraph)
            blocks_html.append(f"<p>{paragraph}</p>\n")
            i += size
        return "\n\n".join(blocks_md), "".join(blocks_html)

    def title(self) -> str:
        r = self.rng
        template = r.choice(QUESTION_TEMPLATES)
        child = r.choice(CHILD)
        title = template.format(
            thing=r.choice(THINGS),
            child=child,
            Child=child[0].upper() + child[1:],
            doing=r.choice(DOING),
        )
        return title[0].upper() + title[1:]

    def reply(self, words: int) -> tuple[str, str]:
        body, html = self.text(words)
        if self.rng.random() < 0.4:
            opener = self.rng.choice(REPLY_OPENERS)
            return f"{opener}. {body}", f"<p>{opener}. {html[3:]}"
        return body, html


class Weighted:
    """Pick indexes with weights falling off with rank (a few people do most of the writing)."""

    def __init__(self, weights: list[float], rng: random.Random):
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]
        self.rng = rng

    def pick(self) -> int:
        return bisect.bisect_right(self.cumulative, self.rng.random() * self.total)

    def distinct(self, k: int, exclude: int = -1) -> list[int]:
        chosen: dict[int, None] = {}
        tries = 0
        n = len(self.cumulative)
        k = min(k, n - (exclude >= 0))
        while len(chosen) < k:
            tries += 1
            index = self.pick() if tries < 4 * k else self.rng.randrange(n)
            if index != exclude:
                chosen[index] = None
        return list(chosen)


def _heavy_tail(rng: random.Random, mean: float, cap: int) -> int:
    """A count with the given mean, mostly small, sometimes large (geometric mixed with Pareto)."""
    if rng.random() < 0.05:
        return min(cap, int(mean * rng.paretovariate(1.3)))
    return min(cap, int(rng.expovariate(1 / mean) + 0.5))


class CommunityGenerator:
    def __init__(
        self,
        questions: int,
        seed: int = 1,
        shape: Shape | None = None,
        password: str | None = None,
        chunk: int = CHUNK,
        on_chunk: Callable[[int, Counts], None] = lambda done, counts: None,
    ):
        self.total = questions
        self.rng = random.Random(seed)
        self.shape = shape or Shape()
        self.password_hash = make_password(password)  # hashed once, shared by every member
        self.chunk = chunk
        self.on_chunk = on_chunk
        self.counts = Counts()
        # Addresses must differ between runs, even with the same seed.
        self.run_id = uuid.uuid4().hex[:10]
        self.writer = Writer(self.rng)
        self.insert = {
            "user": BulkInsert(User, ["email", "password", "date_joined"]),
            "profile": BulkInsert(Profile, ["user", "display_name", "headline", "city", "country"]),
            "email": BulkInsert(EmailAddress, ["user", "email", "primary", "verified"]),
            "expert": BulkInsert(ExpertProfile, ["user", "area", "verified", "verified_at"]),
            "topic": BulkInsert(Topic, ["name", "slug", "description"]),
            "question": BulkInsert(
                Question,
                ["title", "slug", "body", "body_html", "author", "created_at", "updated_at"],
            ),
            "question_topic": BulkInsert(Question.topics.through, ["question", "topic"]),
            "answer": BulkInsert(
                Answer,
                [
                    "question",
                    "author",
                    "kind",
                    "body",
                    "body_html",
                    "helpful_count",
                    "reply_count",
                    "created_at",
                    "updated_at",
                ],
            ),
            "reply": BulkInsert(
                Reply, ["answer", "parent", "author", "depth", "body", "body_html", "created_at"]
            ),
            "vote": BulkInsert(HelpfulVote, ["answer", "voter", "created_at"]),
            "follow": BulkInsert(QuestionFollow, ["user", "question", "created_at"]),
        }

    # --- people and topics ----------------------------------------------------------------

    def make_people(self) -> None:
        count = max(20, int(self.total * self.shape.members_per_question))
        now = timezone.now()
        start = now - timedelta(days=365 * self.shape.years)
        r = self.rng
        self.members: list[int] = []
        self.is_expert: list[bool] = []
        for offset in range(0, count, 5000):
            size = min(5000, count - offset)
            people = []
            for n in range(offset, offset + size):
                name = f"{r.choice(FIRST)} {r.choice(LAST)}"
                city, country = r.choice(PLACES)
                email = f"member-{self.run_id}-{n}@{EMAIL_DOMAIN}"
                joined = start + (now - start) * r.random()
                people.append((email, name, r.choice(HEADLINES), city, country, joined))
            with transaction.atomic():
                pks = self.insert["user"].insert(
                    ((p[0], self.password_hash, p[5]) for p in people), returning=True
                )
                self.insert["profile"].insert(
                    (pk, *p[1:5]) for pk, p in zip(pks, people, strict=True)
                )
                self.insert["email"].insert(
                    (pk, p[0], True, True) for pk, p in zip(pks, people, strict=True)
                )
                experts = [pk for pk in pks if r.random() < self.shape.expert_share]
                self.insert["expert"].insert(
                    (pk, r.choice(EXPERT_AREAS), True, now) for pk in experts
                )
            expert_set = set(experts)
            self.members.extend(pks)
            self.is_expert.extend(pk in expert_set for pk in pks)
        self.counts.members = len(self.members)
        self.counts.experts = sum(self.is_expert)
        # A few people write most: weight 1/rank^0.9, experts answer four times as often.
        ranks = list(range(1, count + 1))
        r.shuffle(ranks)
        self.askers = Weighted([1 / rank**0.9 for rank in ranks], r)
        self.answerers = Weighted(
            [(4 if e else 1) / rank**0.9 for rank, e in zip(ranks, self.is_expert, strict=True)],
            r,
        )
        self.voters = Weighted([1 / rank**0.5 for rank in ranks], r)

    def make_topics(self) -> None:
        existing = dict(Topic.objects.values_list("slug", "pk"))
        wanted = [(name, slugify(name), text) for name, text in TOPICS]
        new = [t for t in wanted if t[1] not in existing]
        pks = self.insert["topic"].insert(new, returning=True)
        self.counts.topics = len(pks)
        slugs = existing | {t[1]: pk for t, pk in zip(new, pks, strict=True)}
        self.topics = [slugs[slug] for _, slug, _ in wanted]
        self.topic_pick = Weighted([1 / rank for rank in range(1, len(self.topics) + 1)], self.rng)

    # --- questions and everything under them ----------------------------------------------

    def make_chunk(self, size: int, first: int) -> None:
        r, s, w = self.rng, self.shape, self.writer
        now = timezone.now()
        span = timedelta(days=365 * s.years)
        questions, topic_links, plans = [], [], []
        for n in range(first, first + size):
            # Growth: later questions are denser (a community that grows).
            at = now - span * (1 - math.sqrt((n + r.random()) / self.total))
            title = w.title()
            body, html = w.text(w.words(*s.question_words, 5, 400))
            asker = self.askers.pick()
            questions.append((title, slugify(title)[:200], body, html, self.members[asker], at, at))
            plans.append((asker, at, _heavy_tail(r, s.mean_answers, 150)))
        question_pks = self.insert["question"].insert(questions, returning=True)
        follows = []
        answers, answer_plans = [], []
        for pk, (asker, at, count) in zip(question_pks, plans, strict=True):
            for topic in {self.topic_pick.pick() for _ in range(r.choice((1, 1, 2, 2, 3)))}:
                topic_links.append((pk, self.topics[topic]))
            follows.append((self.members[asker], pk, at))
            for author in self.answerers.distinct(count, exclude=asker):
                when = at + timedelta(hours=r.expovariate(1 / 30))
                body, html = w.text(w.words(*s.answer_words, 5, 1500), lists=True)
                votes = self.voters.distinct(_heavy_tail(r, s.mean_votes, 400), exclude=author)
                replies = _heavy_tail(r, s.mean_replies, 60)
                kind = "experience" if r.random() < 0.45 else "opinion"
                answers.append(
                    [pk, self.members[author], kind, body, html, len(votes), replies, when, when]
                )
                answer_plans.append((author, when, votes, replies))
                follows.append((self.members[author], pk, when))
        self.insert["question_topic"].insert(topic_links)
        answer_pks = self.insert["answer"].insert(answers, returning=True)
        votes: list[tuple] = []
        levels: list[list[tuple]] = [[] for _ in range(MAX_REPLY_DEPTH)]
        for index, (answer_pk, (_author, when, voters, replies)) in enumerate(
            zip(answer_pks, answer_plans, strict=True)
        ):
            for voter in voters:
                at = when + timedelta(hours=r.random() * 72)
                votes.append((answer_pk, self.members[voter], at))
            depths: list[int] = []
            parents: list[int | None] = []
            times = []
            for n in range(replies):
                parent = None
                if depths and r.random() < 0.45:
                    parent = r.randrange(len(depths))
                    # Past the deepest level a reply joins that level, as post_reply does.
                    while depths[parent] >= MAX_REPLY_DEPTH - 1:
                        parent = parents[parent]
                depth = 0 if parent is None else depths[parent] + 1
                start = when if parent is None else times[parent]
                created = start + timedelta(hours=r.expovariate(1 / 12))
                depths.append(depth)
                parents.append(parent)
                times.append(created)
                body, html = w.reply(w.words(*s.reply_words, 2, 200))
                author_pk = self.members[self.answerers.pick()]
                parent_key = None if parent is None else (index, parent)
                row = (answer_pk, author_pk, depth, body, html, created)
                levels[depth].append(((index, n), parent_key, row))
        # Parents before children: each level is written once the one above has its ids.
        reply_pk: dict[tuple[int, int], int] = {}
        for rows in levels:
            pks = self.insert["reply"].insert(
                [
                    (row[0], None if parent is None else reply_pk[parent], *row[1:])
                    for _, parent, row in rows
                ],
                returning=True,
            )
            reply_pk.update(zip((key for key, _, _ in rows), pks, strict=True))
            self.counts.replies += len(pks)
        self.insert["vote"].insert(votes)
        self.insert["follow"].insert(follows)
        self.counts.questions += len(question_pks)
        self.counts.answers += len(answer_pks)
        self.counts.votes += len(votes)
        self.counts.follows += len(follows)

    def run(self, reindex: Callable[[int, int], None] | None = None) -> Counts:
        """Make the whole community; `reindex(done, total)` reports the search index rebuild."""
        drop_search_schema(connection)
        try:
            self.make_people()
            self.make_topics()
            for first in range(0, self.total, self.chunk):
                size = min(self.chunk, self.total - first)
                with transaction.atomic():
                    self.make_chunk(size, first)
                self.on_chunk(first + size, self.counts)
        finally:
            rebuild_search_index(connection, progress=reindex or (lambda done, total: None))
        refresh_statistics(connection, [bulk.table for bulk in self.insert.values()] + [PG_TABLE])
        return self.counts
