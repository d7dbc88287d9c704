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

import time

from django.db import connection
from django.utils import timezone

from village.accounts.models import User
from village.common.markdown import sanitise_html
from village.importers.bulk import any_of
from village.importers.models import ImportedLink, ImportedRecord
from village.importers.stackexchange.base import (
    ANSWERS_TABLE,
    ON_QUESTION,
    VOTES_TABLE,
    ImporterBase,
    Kind,
    Person,
    Tally,
    prepare_user,
)
from village.importers.stackexchange.dump import (
    ANSWER,
    HTML,
    LINK_DUPLICATE,
    POST_TYPES,
    QUESTION,
    TAG_WIKI_EXCERPT,
    TEXT,
    UP_VOTE,
    VOTE_TYPES,
    PostIdSet,
    as_int,
    comment_html,
    html_to_text,
    licence_of,
    parse_date,
    parse_tags,
)
from village.questions.models import Answer, HelpfulVote, Question, Reply
from village.questions.services import make_slug
from village.search.schema import search_index_paused
from village.topics.models import Topic

TOPICS_TABLE = Topic._meta.db_table
# The files in the order the import reads them.
FILES = ["Users.xml", "Tags.xml", "Posts.xml", "Comments.xml", "Votes.xml", "PostLinks.xml"]
LINKS_TABLE = ImportedLink._meta.db_table


# --- rows prepared ahead of writing (dump.ReadAhead) -----------------------------------------


def prepare_post(row: dict) -> None:
    """A question's or answer's plain text (its source text, which search reads) and its HTML,
    sanitised like everything else on Village."""
    if row.get("PostTypeId") in (QUESTION, ANSWER):
        body = row.get("Body") or ""
        row[TEXT], row[HTML] = html_to_text(body), sanitise_html(body)


def prepare_comment(row: dict) -> None:
    row[TEXT] = (row.get("Text") or "").strip()
    row[HTML] = comment_html(row[TEXT]) if row[TEXT] else ""


class StackExchangeImporter(ImporterBase):
    PREPARE = {
        "Users.xml": prepare_user,
        "Posts.xml": prepare_post,
        "Comments.xml": prepare_comment,
    }

    # --- the run --------------------------------------------------------------------------

    def run(self) -> dict[str, Tally]:
        if not (self.folder / "Posts.xml").exists():
            raise FileNotFoundError(f"No Posts.xml in {self.folder}: is this a data dump folder?")
        phases = [
            ("users", self.import_users),
            ("tags", self.import_tags),
            ("questions", self.import_posts),  # and answers: one pass over Posts.xml
            ("comments", self.import_comments),
            ("votes", self.import_votes),
            ("links", self.import_links),
        ]
        with self._page_cache(), self._reading_ahead(FILES):
            for name, phase in phases:
                started = time.perf_counter()
                phase()
                self.tallies[name].seconds = time.perf_counter() - started
            started = time.perf_counter()
            self.recount_answers()
            self.tallies["answers"].seconds = time.perf_counter() - started
        return self.tallies

    # --- questions and answers ------------------------------------------------------------

    def import_posts(self) -> None:
        """One pass over Posts.xml: questions, their answers, tag wiki excerpts and the post id
        map. Each batch's questions and answers go in together, so the search index takes
        each question once, with its answers. An answer that comes before its question in
        the file (rare: dumps are in id order) waits for a second pass, which only runs
        when there is one."""
        questions_tally, answers_tally = self.tallies["questions"], self.tallies["answers"]
        others = self.tallies["other_posts"]
        waiting, waiting_count = PostIdSet(), 0  # answers whose question comes later
        for batch in self._batches("Posts.xml", "posts"):
            questions, answers, descriptions = [], [], []
            for row in batch:
                post_id, kind = as_int(row.get("Id")), row.get("PostTypeId")
                if post_id is not None:
                    self.posts_in_dump.add(post_id)
                if kind == QUESTION:
                    questions.append(row)
                elif kind == ANSWER:
                    answers.append(row)
                else:
                    others.read += 1
                    if kind == TAG_WIKI_EXCERPT and post_id in self.excerpts:
                        text = html_to_text(row.get("Body") or "")
                        descriptions.append((text[:240], self.excerpts[post_id]))
                    others.skipped[POST_TYPES.get(kind, f"post type {kind}")] += 1
            questions_tally.read += len(questions)
            answers_tally.read += len(answers)
            with self._transaction(), search_index_paused() as index:
                fresh = self._split_done(Kind.QUESTION, questions, questions_tally)
                touched = self._create_questions(fresh, questions_tally)
                questions_tally.imported += len(fresh)
                ready = []
                for row in self._split_done(Kind.ANSWER, answers, answers_tally):
                    parent = as_int(row.get("ParentId"))
                    if parent is None or parent in self.posts_in_dump:
                        ready.append(row)
                    else:
                        waiting.add(int(row["Id"]))
                        waiting_count += 1
                answered = self._create_answers(ready, answers_tally)
                answers_tally.imported += len(answered)
                index(touched + answered)
                if descriptions:
                    with connection.cursor() as cursor:
                        cursor.executemany(
                            f"UPDATE {TOPICS_TABLE} SET description = %s "
                            "WHERE id = %s AND description = ''",
                            descriptions,
                        )
        if waiting_count:
            self._import_waiting_answers(waiting)

    def _import_waiting_answers(self, waiting: PostIdSet) -> None:
        """The second pass: answers read before their question, now that every question is in
        (already counted as read)."""
        tally = self.tallies["answers"]
        batches = self._batches("Posts.xml", "answers before their question", again=True)
        for batch in batches:
            answers = [
                row
                for row in batch
                if row.get("PostTypeId") == ANSWER and as_int(row.get("Id")) in waiting
            ]
            with self._transaction(), search_index_paused() as index:
                fresh = self._split_done(Kind.ANSWER, answers, tally)
                answered = self._create_answers(fresh, tally)
                index(answered)
            tally.imported += len(answered)

    def _create_questions(self, rows: list[dict], tally: Tally) -> list[int]:
        """Create the questions with their topics and records; their new ids."""
        if not rows:
            return []
        authors = self._authors(rows, tally)
        made, created, topic_links, unknown_tags = [], [], [], 0
        for row in rows:
            when = parse_date(row.get("CreationDate")) or timezone.now()
            title = (row.get("Title") or "").strip()[:200] or "Untitled question"
            made.append(
                (
                    title,
                    make_slug(title),
                    row[TEXT],
                    row[HTML],
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
        return pks

    def _create_answers(self, rows: list[dict], tally: Tally) -> list[int]:
        """Create the answers that have their question, with records; each one's question id."""
        parents = self._records(Kind.QUESTION, (as_int(row.get("ParentId")) for row in rows))
        placed = []
        for row in rows:
            if as_int(row.get("ParentId")) in parents:
                placed.append(row)
            else:
                tally.skipped["its question is not in the dump"] += 1
        if not placed:
            return []
        authors = self._authors(placed, tally)
        question_of = {int(r["Id"]): parents[int(r["ParentId"])][0] for r in placed}
        # One answer per member per question: find pairs already taken, in the database and
        # earlier in this batch; a second answer is written by a stand-in with the same name.
        authors_here = any_of({a[0] for a in authors.values()})
        taken = set(
            self._select(
                f"SELECT question_id, author_id FROM {ANSWERS_TABLE} "
                f"WHERE deleted_at IS NULL AND author_id {authors_here[0]} AND question_id",
                authors_here[1],
                set(question_of.values()),
            )
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
            made.append(
                (
                    question_of[post_id],
                    authors[post_id][0],
                    Answer.Kind.OPINION.value,
                    row[TEXT],
                    row[HTML],
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
        return [question for question, *_ in made]

    # --- replies --------------------------------------------------------------------------

    def import_comments(self) -> None:
        tally = self.tallies["comments"]
        if not self._has("Comments.xml", "comments"):
            return
        for batch in self._batches("Comments.xml", "replies"):
            tally.read += len(batch)
            with self._transaction():
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
            elif not row[TEXT]:
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
            created = parse_date(row.get("CreationDate")) or timezone.now()
            made.append((answers[int(row["PostId"])][0], author, 0, row[TEXT], row[HTML], created))
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
            with self._transaction():
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
        voted = any_of(answer_ids)
        for answer_id, voter_id in self._select(
            f"SELECT answer_id, voter_id FROM {VOTES_TABLE} "
            f"WHERE answer_id {voted[0]} AND voter_id",
            voted[1],
            voters.values(),
        ):
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
            with self._transaction():
                ids = [as_int(row.get("Id")) for row in batch]
                done = {
                    link_id
                    for link_id, _ in self._find(
                        LINKS_TABLE,
                        "id",
                        "site = %s",
                        [self.site],
                        "source_id",
                        {i for i in ids if i is not None},
                    )
                }
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
