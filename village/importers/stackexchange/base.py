"""The machinery under the Stack Exchange importer: batches, records, people and topics."""

import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from village.accounts.models import Profile, User
from village.importers.bulk import BulkInsert, any_of
from village.importers.models import (
    IMPORTED_EMAIL_DOMAIN,
    ImportedLink,
    ImportedRecord,
    site_display_name,
)
from village.importers.stackexchange.dump import (
    TEXT,
    PostIdSet,
    ReadAhead,
    as_int,
    html_to_text,
    parse_date,
    read_batches,
    topic_name,
    topic_slug,
)
from village.questions.models import Answer, HelpfulVote, Question, Reply
from village.search.schema import PG_TABLE as SEARCH_TABLE
from village.topics.models import Topic

BATCH_SIZE = 5000
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
RECORDS_TABLE = ImportedRecord._meta.db_table
ANSWERS_TABLE = Answer._meta.db_table
VOTES_TABLE = HelpfulVote._meta.db_table
REPLIES_TABLE = Reply._meta.db_table

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


class ImporterBase:
    """Reading a dump in batches, the records that make runs repeatable, people and topics."""

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
            "tags": Tally("Topics", "Tags.xml"),
            "questions": Tally("Questions", "Posts.xml"),
            "answers": Tally("Answers", "Posts.xml"),
            "other_posts": Tally("Other posts", "Posts.xml"),
            "comments": Tally("Replies", "Comments.xml"),
            "votes": Tally("Helpful votes", "Votes.xml"),
            "links": Tally("Question links", "PostLinks.xml"),
        }
        self.posts_in_dump = PostIdSet()
        self.topic_by_tag: dict[str, int] = {}
        self.excerpts: dict[int, int] = {}  # tag wiki excerpt post id -> topic id
        self.voters: dict[int, int] = {}  # stand-in voter slot -> user id
        self.reader: ReadAhead | None = None
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

    @property
    def tables(self) -> list[str]:
        """Every table an import writes to, the search index's included."""
        return [*(bulk.table for bulk in self.insert.values()), SEARCH_TABLE]

    # How each file's rows are prepared before writing (in the reader ahead, when there is
    # one), by file name; a file not named here is taken as read.
    PREPARE: dict[str, Callable[[dict], None]] = {}

    def _batches(self, filename: str, label: str, again: bool = False) -> Iterator[list[dict]]:
        """The file's rows in batches, prepared: from the reader ahead while `run()` has one,
        else, or when reading a file `again`, read and prepared here."""
        path = self.folder / filename
        self.progress.start(f"{filename} ({label})", path.stat().st_size)
        if self.reader is not None and not again:
            batches = self.reader.batches(path)
        else:
            batches = read_batches(path, self.batch_size, self.PREPARE.get(filename))
        try:
            for batch, position in batches:
                self.progress.advance(position)
                yield batch
                self.on_batch(label, len(batch))
        finally:
            self.progress.finish()

    @contextmanager
    def _reading_ahead(self, filenames: list[str]):
        """While inside, `_batches` takes these files, in this order, from a reader ahead."""
        paths = [self.folder / name for name in filenames]
        self.reader = ReadAhead(
            [(path, self.PREPARE.get(path.name)) for path in paths if path.exists()],
            self.batch_size,
        )
        try:
            yield
        finally:
            self.reader.close()
            self.reader = None

    def _has(self, filename: str, *tallies: str) -> bool:
        if (self.folder / filename).exists():
            return True
        for name in tallies:
            self.tallies[name].missing_file = True
        return False

    @contextmanager
    def _transaction(self):
        """One batch: its rows and their records commit together or not at all.

        PostgreSQL, for this transaction only: it commits without waiting for its WAL to
        reach the disk (synchronous_commit off). A server crash can then lose the last
        batches committed, never part of one, and the next run imports them again, as after
        any stop; the database itself is as safe as ever. And no JIT compiling: on tables
        growing faster than they are analysed it takes the big statements for dear ones,
        and compiling cost more than running them.
        """
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('synchronous_commit', 'off', true),"
                        " set_config('jit', 'off', true)"
                    )
            yield

    @contextmanager
    def _page_cache(self, mebibytes: int = 64):
        """SQLite, for this connection while importing:
        - a bigger page cache (2 MiB by default), so the indexes being filled stay in memory
          instead of being read back again and again;
        - the write-ahead log folded back into the database once per 64 MiB written rather
          than per 4 MiB (each fold waits for the disk), and once more at the end, so the
          import leaves no more work behind than before.
        Nothing changes on disk, and both settings go back to what they were afterwards."""
        if connection.vendor != "sqlite":
            yield
            return
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            (cache_before,) = cursor.fetchone()
            cursor.execute("PRAGMA wal_autocheckpoint")
            (checkpoint_before,) = cursor.fetchone()
            cursor.execute(f"PRAGMA cache_size = {-1024 * mebibytes}")
            cursor.execute(f"PRAGMA wal_autocheckpoint = {256 * mebibytes}")  # 4 KiB pages
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(cache_before)}")
                cursor.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint_before)}")
                if not connection.in_atomic_block:  # (inside a transaction it can't)
                    cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _select(self, sql: str, params: list, values: Iterable) -> list[tuple]:
        """Run `sql` ending in a column to match against any of `values`."""
        match, more = any_of(values)
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} {match}", params + more)
            return cursor.fetchall()

    def _find(self, table: str, columns: str, where: str, params: list, key: str, values) -> list:
        """`columns` of the rows of `table` matching `where` whose unique `key` is any of
        `values`, by one index look-up per value.

        PostgreSQL: as a join on the values. `key = ANY(values)` would do, but until a table
        filling up in the import is analysed, the planner guesses one row per site and kind
        and checks every row of the kind against the list, which grows with the import.
        """
        values = list(values)
        if connection.vendor != "postgresql":
            return self._select(
                f"SELECT {key}, {columns} FROM {table} WHERE {where} AND {key}", params, values
            )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT wanted.id, found.* FROM unnest(%s::bigint[]) AS wanted(id) "
                f"CROSS JOIN LATERAL (SELECT {columns} FROM {table} "
                f"WHERE {where} AND {key} = wanted.id LIMIT 1) AS found",
                [values, *params],
            )
            return cursor.fetchall()

    # --- records --------------------------------------------------------------------------

    def _records(self, kind: str, source_ids: Iterable[int | None]) -> dict[int, tuple[int, str]]:
        """{source id: (object id, author name)} for those already imported."""
        wanted = {i for i in source_ids if i is not None}
        if not wanted:
            return {}
        rows = self._find(
            RECORDS_TABLE,
            "object_id, author_name",
            "site = %s AND kind = %s",
            [self.site, kind],
            "source_id",
            wanted,
        )
        return {source_id: (object_id, name) for source_id, object_id, name in rows}

    def _any_recorded(self, kind: str, source_ids: list[int]) -> bool:
        """Whether any record of this kind lies in the range of these source ids."""
        if not source_ids:
            return False
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {RECORDS_TABLE} WHERE site = %s AND kind = %s"
                " AND source_id >= %s AND source_id <= %s LIMIT 1",
                [self.site, kind, min(source_ids), max(source_ids)],
            )
            return cursor.fetchone() is not None

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
        ids = [i for i in (as_int(row.get(key)) for row in rows) if i is not None]
        # A first run finds nothing: one look at the batch's id range says so, where looking
        # up each id costs an index search apiece.
        done = self._records(kind, ids) if self._any_recorded(kind, ids) else {}
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
            ((p.email, _unusable_password(), p.active, p.joined or now) for p in people),
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
            with self._transaction():
                fresh = self._split_done(Kind.USER, batch, tally)
                people = [
                    Person(
                        email=self._email(row["Id"]),
                        name=(row.get("DisplayName") or "").strip()
                        or f"{self.site_name} member {row['Id']}",
                        joined=parse_date(row.get("CreationDate")),
                        city=(row.get("Location") or "").strip(),
                        bio=row[TEXT],
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
            with self._transaction():
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

    # --- authors and posts ------------------------------------------------------------------

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

    # --- counters -------------------------------------------------------------------------

    def recount_answers(self) -> int:
        """Set each imported answer's helpful and reply counts from the rows themselves, so
        they are right however many runs the import took. In batches of answer ids, taken
        in order from the records, each batch an index range on both tables."""
        total, low = 0, 0
        while True:
            with self._transaction(), connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT max(object_id), count(*) FROM (SELECT object_id FROM {RECORDS_TABLE}"
                    " WHERE kind = %s AND site = %s AND object_id > %s"
                    " ORDER BY object_id LIMIT %s) AS batch",
                    [Kind.ANSWER, self.site, low, self.batch_size],
                )
                high, count = cursor.fetchone()
                if not count:
                    return total
                cursor.execute(
                    f"UPDATE {ANSWERS_TABLE} SET "
                    f"helpful_count = (SELECT count(*) FROM {VOTES_TABLE} AS v"
                    f"  WHERE v.answer_id = {ANSWERS_TABLE}.id), "
                    f"reply_count = (SELECT count(*) FROM {REPLIES_TABLE} AS r"
                    f"  WHERE r.answer_id = {ANSWERS_TABLE}.id AND r.deleted_at IS NULL) "
                    "WHERE id > %s AND id <= %s AND id IN ("
                    f"  SELECT object_id FROM {RECORDS_TABLE} WHERE kind = %s AND site = %s"
                    "   AND object_id > %s AND object_id <= %s)",
                    [low, high, Kind.ANSWER, self.site, low, high],
                )
                total += cursor.rowcount
            low = high


def prepare_user(row: dict) -> None:
    row[TEXT] = html_to_text(row.get("AboutMe") or "")[:2000]


def _unusable_password() -> str:
    """What make_password(None) gives, "!" and 40 random characters (so no one can sign
    in with it), at a fraction of its cost: it draws each character on its own."""
    return UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30)
