"""Import a Stack Exchange data dump: people, topics, questions, answers, replies and votes.

How the two sites' ideas meet:

- users become members who cannot sign in (no usable password, an unconfirmed placeholder
  address) until they claim their account;
- tags become topics (an existing topic of the same name is reused), a tag's wiki excerpt
  its description;
- questions and answers keep their HTML, sanitised like everything else on Village, with a
  plain-text copy as their source text (which the search index reads);
- comments on answers become replies; Village has no comments on questions, so those are
  skipped and counted;
- up-votes on answers become helpful votes. Dumps don't say who voted, so each vote is cast
  by a stand-in voter (voter 1, 2, 3 ... of that site), distinct per answer as Village
  requires. Other votes are skipped and counted;
- post links between questions are kept (ImportedLink) for a later feature.

Village allows one answer per member per question. When a dump breaks that, or a post has
no author (a deleted account), the post is kept and written by a stand-in author who
carries the original name: nothing is lost, and the attribution still names the author.

Every row is written with an ImportedRecord in the same transaction, one transaction per
batch, so a run that is stopped at any moment leaves whole batches behind, and the next run
skips what is recorded and carries on. Counters on answers are recounted at the end.
"""

import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from village.accounts.models import Profile, User
from village.common.markdown import render_markdown, sanitise_html
from village.importers.bulk import BulkInsert
from village.importers.models import (
    IMPORTED_EMAIL_DOMAIN,
    ImportedLink,
    ImportedRecord,
    site_display_name,
)
from village.importers.stackexchange_dump import (
    ANSWER,
    LINK_DUPLICATE,
    POST_TYPES,
    QUESTION,
    TAG_WIKI_EXCERPT,
    UP_VOTE,
    VOTE_TYPES,
    PostIdSet,
    as_int,
    html_to_text,
    licence_of,
    parse_date,
    parse_tags,
    read_rows,
    topic_name,
    topic_slug,
)
from village.questions.models import Answer, HelpfulVote, Question, Reply
from village.questions.services import make_slug
from village.topics.models import Topic

BATCH_SIZE = 1000
RECORD_FIELDS = [
    "site",
    "kind",
    "source_id",
    "content_type",
    "object_id",
    "author_name",
    "author_source_id",
    "licence",
]
POST_FIELDS = ["title", "slug", "body", "body_html", "created_at", "updated_at", "edited_at"]
REPLY_FIELDS = ["answer", "author", "depth", "body", "body_html", "created_at"]
Kind = ImportedRecord.Kind

# Skip reasons, worded for the summary.
NOT_IN_DUMP = "its post is not in the dump (deleted on the site)"
NOT_IMPORTED = "its post was not imported (not a question or answer)"
ON_QUESTION = "on a question (Village has replies under answers only)"


@dataclass
class Tally:
    """What happened to one kind of row: every row read is imported, found from an earlier
    run, or skipped for a reason, so the four always add up."""

    label: str
    source: str
    read: int = 0
    imported: int = 0
    earlier: int = 0
    skipped: Counter = field(default_factory=Counter)
    notes: Counter = field(default_factory=Counter)
    missing_file: bool = False
    seconds: float = 0.0

    @property
    def balanced(self) -> bool:
        return self.read == self.imported + self.earlier + sum(self.skipped.values())


@dataclass
class Person:
    email: str
    name: str
    joined: object = None
    city: str = ""
    bio: str = ""
    active: bool = True


class Progress:
    """What the importer tells about its reading; the command draws it as a progress bar."""

    def start(self, label: str, total_bytes: int) -> None: ...

    def advance(self, position: int) -> None: ...

    def finish(self) -> None: ...


class StackExchangeImporter:
    def __init__(
        self,
        folder: Path,
        site: str = "",
        batch_size: int = BATCH_SIZE,
        progress: Progress | None = None,
        on_batch: Callable[[str, int], None] = lambda label, rows: None,
    ):
        self.folder = Path(folder)
        self.site = site or self.folder.name
        self.short = self.site.removesuffix(".com").removesuffix(".stackexchange")
        self.site_name = site_display_name(self.site)
        self.batch_size = batch_size
        self.progress = progress or Progress()
        self.on_batch = on_batch
        self.tallies = {
            "users": Tally("People", "Users.xml"),
            "tags": Tally("Topics (tags)", "Tags.xml"),
            "questions": Tally("Questions", "Posts.xml"),
            "answers": Tally("Answers", "Posts.xml"),
            "other_posts": Tally("Other posts", "Posts.xml"),
            "comments": Tally("Replies (comments)", "Comments.xml"),
            "votes": Tally("Helpful votes", "Votes.xml"),
            "links": Tally("Question links", "PostLinks.xml"),
        }
        self.posts_in_dump = PostIdSet()
        self.topic_by_tag: dict[str, int] = {}
        self.excerpts: dict[int, int] = {}  # tag wiki excerpt post id -> topic id
        self.voters: dict[int, int] = {}  # stand-in voter slot -> user id
        self.insert = {
            "record": BulkInsert(ImportedRecord, RECORD_FIELDS),
            "topic": BulkInsert(Topic, ["name", "slug"]),
            "user": BulkInsert(User, ["email", "password", "is_active", "date_joined"]),
            "profile": BulkInsert(Profile, ["user", "display_name", "city", "bio"]),
            "email": BulkInsert(EmailAddress, ["user", "email", "primary", "verified"]),
            "question": BulkInsert(Question, [*POST_FIELDS[:4], "author", *POST_FIELDS[4:]]),
            "question_topic": BulkInsert(Question.topics.through, ["question", "topic"]),
            "answer": BulkInsert(Answer, ["question", "author", "kind", *POST_FIELDS[2:]]),
            "reply": BulkInsert(Reply, REPLY_FIELDS),
            "vote": BulkInsert(HelpfulVote, ["answer", "voter", "created_at"]),
            "link": BulkInsert(ImportedLink, ["site", "source_id", "question", "related", "kind"]),
        }
        self.content_types = {
            model: ContentType.objects.get_for_model(model)
            for model in (User, Topic, Question, Answer, Reply, HelpfulVote)
        }

    # --- the run --------------------------------------------------------------------------

    def run(self) -> dict[str, Tally]:
        if not (self.folder / "Posts.xml").exists():
            raise FileNotFoundError(f"No Posts.xml in {self.folder}: is this a data dump folder?")
        phases = [
            ("users", self.import_users),
            ("tags", self.import_tags),
            ("questions", self.import_questions),
            ("answers", self.import_answers),
            ("comments", self.import_comments),
            ("votes", self.import_votes),
            ("links", self.import_links),
        ]
        for name, phase in phases:
            started = time.perf_counter()
            phase()
            self.tallies[name].seconds = time.perf_counter() - started
        started = time.perf_counter()
        self.recount_answers()
        self.tallies["answers"].seconds += time.perf_counter() - started
        return self.tallies

    def _batches(self, filename: str, label: str) -> Iterator[list[dict]]:
        path = self.folder / filename
        self.progress.start(f"{filename} ({label})", path.stat().st_size)
        rows = read_rows(path, self.progress.advance)
        try:
            while batch := list(itertools.islice(rows, self.batch_size)):
                yield batch
                self.on_batch(label, len(batch))
        finally:
            self.progress.finish()

    def _has(self, filename: str, *tallies: str) -> bool:
        if (self.folder / filename).exists():
            return True
        for name in tallies:
            self.tallies[name].missing_file = True
        return False

    # --- records --------------------------------------------------------------------------

    def _records(self, kind: str, source_ids: Iterable[int | None]) -> dict[int, tuple[int, str]]:
        """{source id: (object id, author name)} for those already imported."""
        wanted = {i for i in source_ids if i is not None}
        if not wanted:
            return {}
        rows = ImportedRecord.objects.filter(
            site=self.site, kind=kind, source_id__in=wanted
        ).values_list("source_id", "object_id", "author_name")
        return {source_id: (object_id, name) for source_id, object_id, name in rows}

    def _record(self, kind: str, model, rows: list[tuple]) -> None:
        """rows: (source id, object id, author name, author source id, licence)."""
        content_type = self.content_types[model].pk
        self.insert["record"].insert(
            (
                self.site,
                kind,
                source_id,
                content_type,
                object_id,
                (name or "")[:200],
                author,
                licence,
            )
            for source_id, object_id, name, author, licence in rows
        )

    def _split_done(self, kind: str, rows: list[dict], tally: Tally, key="Id") -> list[dict]:
        """The rows not imported by an earlier run (counted as `earlier`), each with an Id."""
        fresh = []
        done = self._records(kind, (as_int(row.get(key)) for row in rows))
        for row in rows:
            source_id = as_int(row.get(key))
            if source_id is None:
                tally.skipped["the row has no Id"] += 1
            elif source_id in done:
                tally.earlier += 1
            else:
                fresh.append(row)
        return fresh

    # --- people ---------------------------------------------------------------------------

    def _email(self, what: str) -> str:
        return f"se-{self.short}-{what}@{IMPORTED_EMAIL_DOMAIN}"

    def _create_people(self, people: list[Person]) -> list[int]:
        """Members who can't sign in until they claim the account: no usable password, and an
        unconfirmed placeholder address that never receives mail."""
        if not people:
            return []
        now = timezone.now()
        pks = self.insert["user"].insert(
            ((p.email, make_password(None), p.active, p.joined or now) for p in people),
            returning=True,
        )
        self.insert["profile"].insert(
            (pk, p.name[:80], p.city[:80], p.bio) for pk, p in zip(pks, people, strict=True)
        )
        self.insert["email"].insert(
            (pk, p.email, True, False) for pk, p in zip(pks, people, strict=True)
        )
        return pks

    def _stand_ins(self, wanted: dict[int, str]) -> dict[int, int]:
        """{post id: user id} of a stand-in author per post, named as the original author."""
        found = {post_id: pk for post_id, (pk, _) in self._records(Kind.STAND_IN, wanted).items()}
        missing = [post_id for post_id in wanted if post_id not in found]
        people = [
            Person(email=self._email(f"post-{post_id}"), name=wanted[post_id])
            for post_id in missing
        ]
        pks = self._create_people(people)
        self._record(
            Kind.STAND_IN,
            User,
            [
                (post_id, pk, wanted[post_id], None, "")
                for post_id, pk in zip(missing, pks, strict=True)
            ],
        )
        return found | dict(zip(missing, pks, strict=True))

    def _former_member(self) -> int:
        """One stand-in for comments whose author's account is gone; their names are kept."""
        found = self._records(Kind.STAND_IN, [0])
        if found:
            return found[0][0]
        name = f"Former {self.site_name} member"
        (pk,) = self._create_people([Person(email=self._email("former"), name=name)])
        self._record(Kind.STAND_IN, User, [(0, pk, name, None, "")])
        return pk

    def _former_name(self, row: dict, key: str) -> str:
        return (row.get(key) or "").strip() or f"Former {self.site_name} member"

    def import_users(self) -> None:
        tally = self.tallies["users"]
        if not self._has("Users.xml", "users"):
            return
        for batch in self._batches("Users.xml", "people"):
            tally.read += len(batch)
            with transaction.atomic():
                fresh = self._split_done(Kind.USER, batch, tally)
                people = [
                    Person(
                        email=self._email(row["Id"]),
                        name=(row.get("DisplayName") or "").strip()
                        or f"{self.site_name} member {row['Id']}",
                        joined=parse_date(row.get("CreationDate")),
                        city=(row.get("Location") or "").strip(),
                        bio=html_to_text(row.get("AboutMe") or "")[:2000],
                    )
                    for row in fresh
                ]
                pks = self._create_people(people)
                self._record(
                    Kind.USER,
                    User,
                    [
                        (int(row["Id"]), pk, person.name, int(row["Id"]), "")
                        for row, person, pk in zip(fresh, people, pks, strict=True)
                    ],
                )
            tally.imported += len(fresh)

    # --- topics ---------------------------------------------------------------------------

    def import_tags(self) -> None:
        tally = self.tallies["tags"]
        if not self._has("Tags.xml", "tags"):
            return
        for batch in self._batches("Tags.xml", "topics"):
            tally.read += len(batch)
            with transaction.atomic():
                done = self._records(Kind.TAG, (as_int(row.get("Id")) for row in batch))
                fresh = []
                for row in batch:
                    tag_id, name = as_int(row.get("Id")), (row.get("TagName") or "").strip().lower()
                    if tag_id is None or not name:
                        tally.skipped["the row has no Id or name"] += 1
                    elif tag_id in done:
                        tally.earlier += 1
                        self.topic_by_tag[name] = done[tag_id][0]
                    else:
                        fresh.append((tag_id, name, as_int(row.get("ExcerptPostId"))))
                records = []
                topics, created = self._topics_for([name for _, name, _ in fresh])
                for tag_id, name, excerpt in fresh:
                    self.topic_by_tag[name] = topics[name]
                    if name in created and excerpt:
                        self.excerpts[excerpt] = topics[name]
                    if name not in created:
                        tally.notes["joined an existing topic of the same name"] += 1
                    records.append((tag_id, topics[name], name, None, ""))
                self._record(Kind.TAG, Topic, records)
            tally.imported += len(fresh)

    def _topics_for(self, tags: list[str]) -> tuple[dict[str, int], set[str]]:
        """{tag: topic id}, reusing a topic with the same slug or name, and the tags whose
        topic was created here."""
        wanted = {tag: (topic_name(tag), topic_slug(tag)) for tag in tags}
        existing = Topic.objects.filter(
            Q(slug__in=[slug for _, slug in wanted.values()])
            | Q(name__in=[name for name, _ in wanted.values()])
        ).values_list("pk", "name", "slug")
        by_key = {}
        for pk, name, slug in existing:
            by_key[slug] = by_key[name.lower()] = pk
        topics, creators, new_keys, same_as = {}, [], {}, {}
        for tag, (name, slug) in wanted.items():
            pk = by_key.get(slug) or by_key.get(name.lower())
            creator = new_keys.get(slug) or new_keys.get(name.lower())
            if pk:
                topics[tag] = pk
            elif creator:
                same_as[tag] = creator  # two tags of this batch make the same topic
            else:
                new_keys[slug] = new_keys[name.lower()] = tag
                creators.append(tag)
        pks = self.insert["topic"].insert((wanted[tag] for tag in creators), returning=True)
        made = dict(zip(creators, pks, strict=True))
        topics |= made
        for tag, creator in same_as.items():
            topics[tag] = made[creator]
        return topics, set(made)

    # --- questions and answers ------------------------------------------------------------

    def _authors(self, rows: list[dict], tally: Tally) -> dict[int, tuple[int, str, int | None]]:
        """{post id: (user id, author name, author's site id)}: the imported owner, or a
        stand-in carrying the original name when the owner isn't in the dump."""
        owners = self._records(Kind.USER, (as_int(row.get("OwnerUserId")) for row in rows))
        authors, orphans = {}, {}
        for row in rows:
            post_id, owner_id = int(row["Id"]), as_int(row.get("OwnerUserId"))
            if owner_id in owners:
                pk, name = owners[owner_id]
                authors[post_id] = (pk, name, owner_id)
            else:
                orphans[post_id] = self._former_name(row, "OwnerDisplayName")
        if orphans:
            tally.notes["written by a stand-in (the author is not in the dump)"] += len(orphans)
            for post_id, pk in self._stand_ins(orphans).items():
                authors[post_id] = (pk, orphans[post_id], None)
        return authors

    def import_questions(self) -> None:
        """The first pass over Posts.xml: questions, tag wiki excerpts and the post id map."""
        tally, others = self.tallies["questions"], self.tallies["other_posts"]
        for batch in self._batches("Posts.xml", "questions"):
            questions = []
            for row in batch:
                post_id, kind = as_int(row.get("Id")), row.get("PostTypeId")
                if post_id is not None:
                    self.posts_in_dump.add(post_id)
                if kind == QUESTION:
                    questions.append(row)
                elif kind != ANSWER:
                    others.read += 1
                    if kind == TAG_WIKI_EXCERPT and post_id in self.excerpts:
                        text = html_to_text(row.get("Body") or "")
                        Topic.objects.filter(pk=self.excerpts[post_id], description="").update(
                            description=text[:240]
                        )
                    others.skipped[POST_TYPES.get(kind, f"post type {kind}")] += 1
            tally.read += len(questions)
            with transaction.atomic():
                fresh = self._split_done(Kind.QUESTION, questions, tally)
                self._create_questions(fresh, tally)
            tally.imported += len(fresh)

    def _create_questions(self, rows: list[dict], tally: Tally) -> None:
        if not rows:
            return
        authors = self._authors(rows, tally)
        made, created, topic_links, unknown_tags = [], [], [], 0
        for row in rows:
            when = parse_date(row.get("CreationDate")) or timezone.now()
            title = (row.get("Title") or "").strip()[:200] or "Untitled question"
            body = row.get("Body") or ""
            made.append(
                (
                    title,
                    make_slug(title),
                    html_to_text(body),
                    sanitise_html(body),
                    authors[int(row["Id"])][0],
                    when,
                    parse_date(row.get("LastActivityDate")) or when,
                    parse_date(row.get("LastEditDate")),
                )
            )
            created.append(when)
        pks = self.insert["question"].insert(made, returning=True)
        for row, pk in zip(rows, pks, strict=True):
            for tag in dict.fromkeys(parse_tags(row.get("Tags"))):
                if tag in self.topic_by_tag:
                    topic_links.append((pk, self.topic_by_tag[tag]))
                else:
                    unknown_tags += 1
        self.insert["question_topic"].insert(topic_links)
        if unknown_tags:
            tally.notes["tags left off (not in Tags.xml)"] += unknown_tags
        self._record(
            Kind.QUESTION,
            Question,
            [
                (
                    int(row["Id"]),
                    pk,
                    authors[int(row["Id"])][1],
                    authors[int(row["Id"])][2],
                    licence_of(row, when),
                )
                for row, pk, when in zip(rows, pks, created, strict=True)
            ],
        )

    def import_answers(self) -> None:
        """The second pass over Posts.xml, once every question exists, whatever the order."""
        tally = self.tallies["answers"]
        for batch in self._batches("Posts.xml", "answers"):
            answers = [row for row in batch if row.get("PostTypeId") == ANSWER]
            tally.read += len(answers)
            with transaction.atomic():
                fresh = self._split_done(Kind.ANSWER, answers, tally)
                made = self._create_answers(fresh, tally)
            tally.imported += made

    def _create_answers(self, rows: list[dict], tally: Tally) -> int:
        parents = self._records(Kind.QUESTION, (as_int(row.get("ParentId")) for row in rows))
        placed = []
        for row in rows:
            if as_int(row.get("ParentId")) in parents:
                placed.append(row)
            else:
                tally.skipped["its question is not in the dump"] += 1
        if not placed:
            return 0
        authors = self._authors(placed, tally)
        question_of = {int(r["Id"]): parents[int(r["ParentId"])][0] for r in placed}
        # One answer per member per question: find pairs already taken, in the database and
        # earlier in this batch; a second answer is written by a stand-in with the same name.
        taken = set(
            Answer.objects.filter(
                question_id__in=set(question_of.values()),
                author_id__in={a[0] for a in authors.values()},
                deleted_at__isnull=True,
            ).values_list("question_id", "author_id")
        )
        repeats = {}
        for row in placed:
            post_id = int(row["Id"])
            pair = (question_of[post_id], authors[post_id][0])
            if pair in taken:
                repeats[post_id] = authors[post_id][1]
            taken.add(pair)
        if repeats:
            tally.notes["written by a stand-in (the author had already answered)"] += len(repeats)
            for post_id, pk in self._stand_ins(repeats).items():
                authors[post_id] = (pk, repeats[post_id], authors[post_id][2])
        made, created = [], []
        for row in placed:
            post_id = int(row["Id"])
            when = parse_date(row.get("CreationDate")) or timezone.now()
            body = row.get("Body") or ""
            made.append(
                (
                    question_of[post_id],
                    authors[post_id][0],
                    Answer.Kind.OPINION.value,
                    html_to_text(body),
                    sanitise_html(body),
                    when,
                    parse_date(row.get("LastActivityDate")) or when,
                    parse_date(row.get("LastEditDate")),
                )
            )
            created.append(when)
        pks = self.insert["answer"].insert(made, returning=True)
        self._record(
            Kind.ANSWER,
            Answer,
            [
                (
                    int(r["Id"]),
                    pk,
                    authors[int(r["Id"])][1],
                    authors[int(r["Id"])][2],
                    licence_of(r, when),
                )
                for r, pk, when in zip(placed, pks, created, strict=True)
            ],
        )
        return len(made)

    def _unplaced(self, post_ids: Iterable[int | None]) -> dict[int | None, str]:
        """Why posts that are not imported answers can't take a reply or vote."""
        questions = self._records(Kind.QUESTION, post_ids)
        reasons = {}
        for post_id in post_ids:
            if post_id in questions:
                reasons[post_id] = ON_QUESTION
            elif post_id is not None and post_id in self.posts_in_dump:
                reasons[post_id] = NOT_IMPORTED
            else:
                reasons[post_id] = NOT_IN_DUMP
        return reasons

    # --- replies --------------------------------------------------------------------------

    def import_comments(self) -> None:
        tally = self.tallies["comments"]
        if not self._has("Comments.xml", "comments"):
            return
        for batch in self._batches("Comments.xml", "replies"):
            tally.read += len(batch)
            with transaction.atomic():
                fresh = self._split_done(Kind.COMMENT, batch, tally)
                made = self._create_replies(fresh, tally)
            tally.imported += made

    def _create_replies(self, rows: list[dict], tally: Tally) -> int:
        post_ids = [as_int(row.get("PostId")) for row in rows]
        answers = self._records(Kind.ANSWER, post_ids)
        reasons = self._unplaced([p for p in post_ids if p not in answers])
        placed = []
        for row, post_id in zip(rows, post_ids, strict=True):
            if post_id not in answers:
                tally.skipped[f"comment {reasons[post_id]}"] += 1
            elif not (row.get("Text") or "").strip():
                tally.skipped["empty comment"] += 1
            else:
                placed.append(row)
        if not placed:
            return 0
        users = self._records(Kind.USER, (as_int(row.get("UserId")) for row in placed))
        former = None
        made, records = [], []
        for row in placed:
            user_id = as_int(row.get("UserId"))
            if user_id in users:
                author, name = users[user_id]
            else:
                former = former or self._former_member()
                author, name = former, self._former_name(row, "UserDisplayName")
                tally.notes["written by a stand-in (the author is not in the dump)"] += 1
            text = row["Text"].strip()
            created = parse_date(row.get("CreationDate")) or timezone.now()
            made.append(
                (answers[int(row["PostId"])][0], author, 0, text, render_markdown(text), created)
            )
            records.append(
                [
                    int(row["Id"]),
                    None,
                    name,
                    user_id if user_id in users else None,
                    licence_of(row, created),
                ]
            )
        pks = self.insert["reply"].insert(made, returning=True)
        for record, pk in zip(records, pks, strict=True):
            record[1] = pk
        self._record(Kind.COMMENT, Reply, [tuple(r) for r in records])
        return len(made)

    # --- votes ----------------------------------------------------------------------------

    def import_votes(self) -> None:
        tally = self.tallies["votes"]
        if not self._has("Votes.xml", "votes"):
            return
        self.voters = {slot: pk for slot, (pk, _) in self._all_records(Kind.VOTER).items()}
        for batch in self._batches("Votes.xml", "votes"):
            tally.read += len(batch)
            ups = []
            for row in batch:
                kind = row.get("VoteTypeId")
                if kind == UP_VOTE:
                    ups.append(row)
                else:
                    name = VOTE_TYPES.get(kind, f"vote type {kind}")
                    tally.skipped[f"{name} (Village has helpful votes only)"] += 1
            with transaction.atomic():
                fresh = self._split_done(Kind.VOTE, ups, tally)
                made, new_voters = self._create_votes(fresh, tally)
            self.voters |= new_voters
            tally.imported += made

    def _all_records(self, kind: str) -> dict[int, tuple[int, str]]:
        rows = ImportedRecord.objects.filter(site=self.site, kind=kind)
        return {s: (o, n) for s, o, n in rows.values_list("source_id", "object_id", "author_name")}

    def _create_votes(self, rows: list[dict], tally: Tally) -> tuple[int, dict[int, int]]:
        post_ids = [as_int(row.get("PostId")) for row in rows]
        answers = self._records(Kind.ANSWER, post_ids)
        reasons = self._unplaced([p for p in post_ids if p not in answers])
        placed = []
        for row, post_id in zip(rows, post_ids, strict=True):
            if post_id in answers:
                placed.append(row)
            else:
                reason = reasons[post_id]
                if reason == ON_QUESTION:
                    reason = "up-vote on a question (Village has helpful votes on answers only)"
                tally.skipped[reason] += 1
        if not placed:
            return 0, {}
        # Dumps don't say who voted: the n-th vote on an answer is cast by stand-in voter n.
        voters = dict(self.voters)
        slot_of = {pk: slot for slot, pk in voters.items()}
        answer_ids = {answers[int(row["PostId"])][0] for row in placed}
        used: dict[int, set[int]] = {a: set() for a in answer_ids}
        for answer_id, voter_id in HelpfulVote.objects.filter(
            answer_id__in=answer_ids, voter_id__in=list(voters.values())
        ).values_list("answer_id", "voter_id"):
            used[answer_id].add(slot_of[voter_id])
        slots, cursor = [], dict.fromkeys(answer_ids, 0)
        for row in placed:
            answer_id = answers[int(row["PostId"])][0]
            slot = cursor[answer_id] + 1
            while slot in used[answer_id]:
                slot += 1
            cursor[answer_id] = slot
            slots.append(slot)
        new_slots = sorted({s for s in slots if s not in voters})
        name = f"{self.site_name} voter"
        pks = self._create_people(
            [Person(email=self._email(f"voter-{s}"), name=name, active=False) for s in new_slots]
        )
        self._record(
            Kind.VOTER,
            User,
            [(s, pk, name, None, "") for s, pk in zip(new_slots, pks, strict=True)],
        )
        new_voters = dict(zip(new_slots, pks, strict=True))
        voters |= new_voters
        now = timezone.now()
        votes = self.insert["vote"].insert(
            (
                (
                    answers[int(row["PostId"])][0],
                    voters[slot],
                    parse_date(row.get("CreationDate")) or now,
                )
                for row, slot in zip(placed, slots, strict=True)
            ),
            returning=True,
        )
        self._record(
            Kind.VOTE,
            HelpfulVote,
            [(int(r["Id"]), pk, "", None, "") for r, pk in zip(placed, votes, strict=True)],
        )
        return len(votes), new_voters

    # --- links ----------------------------------------------------------------------------

    def import_links(self) -> None:
        tally = self.tallies["links"]
        if not self._has("PostLinks.xml", "links"):
            return
        for batch in self._batches("PostLinks.xml", "links"):
            tally.read += len(batch)
            with transaction.atomic():
                ids = [as_int(row.get("Id")) for row in batch]
                done = set(
                    ImportedLink.objects.filter(
                        site=self.site, source_id__in=[i for i in ids if i is not None]
                    ).values_list("source_id", flat=True)
                )
                ends = [as_int(row.get(k)) for row in batch for k in ("PostId", "RelatedPostId")]
                questions = self._records(Kind.QUESTION, ends)
                made = []
                for row, link_id in zip(batch, ids, strict=True):
                    here, there = as_int(row.get("PostId")), as_int(row.get("RelatedPostId"))
                    if link_id is None:
                        tally.skipped["the row has no Id"] += 1
                    elif link_id in done:
                        tally.earlier += 1
                    elif here in questions and there in questions:
                        duplicate = row.get("LinkTypeId") == LINK_DUPLICATE
                        kind = (
                            ImportedLink.Kind.DUPLICATE if duplicate else ImportedLink.Kind.RELATED
                        )
                        made.append(
                            (
                                self.site,
                                link_id,
                                questions[here][0],
                                questions[there][0],
                                kind.value,
                            )
                        )
                    elif here not in self.posts_in_dump or there not in self.posts_in_dump:
                        tally.skipped["an end of the link is not in the dump (deleted)"] += 1
                    else:
                        tally.skipped["an end of the link is not an imported question"] += 1
                self.insert["link"].insert(made)
            tally.imported += len(made)

    # --- counters -------------------------------------------------------------------------

    def recount_answers(self) -> int:
        """Set each imported answer's helpful and reply counts from the rows themselves, so
        they are right however many runs the import took."""
        records = ImportedRecord.objects.filter(site=self.site, kind=Kind.ANSWER)
        ids = records.order_by("object_id").values_list("object_id", flat=True)
        votes = (
            HelpfulVote.objects.filter(answer=OuterRef("pk"))
            .order_by()
            .values("answer")
            .annotate(n=Count("pk"))
            .values("n")
        )
        replies = (
            Reply.objects.filter(answer=OuterRef("pk"), deleted_at__isnull=True)
            .order_by()
            .values("answer")
            .annotate(n=Count("pk"))
            .values("n")
        )
        total = 0
        for chunk in _chunks(ids.iterator(chunk_size=self.batch_size), self.batch_size):
            with transaction.atomic():
                total += Answer.objects.filter(pk__in=chunk).update(
                    helpful_count=Coalesce(Subquery(votes), Value(0)),
                    reply_count=Coalesce(Subquery(replies), Value(0)),
                )
        return total


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
