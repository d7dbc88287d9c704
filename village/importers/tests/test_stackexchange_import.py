"""Importing a Stack Exchange dump: the shared coffee dump, and small dumps with real quirks."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count, Sum
from django.test.utils import CaptureQueriesContext

from tests.factories import QuestionFactory
from village.accounts.models import User
from village.importers.models import ImportedLink, ImportedRecord
from village.importers.stackexchange import StackExchangeImporter
from village.importers.tests.dumps import post, user, write_dump
from village.questions.models import Answer, HelpfulVote, Question, Reply
from village.search.engines import Filters, engine_for
from village.search.query import parse_query
from village.topics.models import Topic

pytestmark = pytest.mark.django_db

# The coffee dump's own counts (see its README), and what Village makes of them.
COFFEE = {
    "users": 456,
    "tags": 123,
    "questions": 225,
    "answers": 327,
    "comments": 758,
    "comments_on_answers": 399,
    "votes": 3445,
    "up_votes_on_answers": 1607,
    "links": 106,
    "links_with_a_missing_end": 5,
}


def import_dump(folder, **options) -> str:
    out = io.StringIO()
    call_command("import_stackexchange", str(folder), stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def table_counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "topics": Topic.objects.count(),
        "questions": Question.objects.count(),
        "answers": Answer.objects.count(),
        "replies": Reply.objects.count(),
        "votes": HelpfulVote.objects.count(),
        "links": ImportedLink.objects.count(),
        "records": ImportedRecord.objects.count(),
    }


def summary_row(output: str, label: str) -> tuple[int, ...]:
    line = next(line for line in output.splitlines() if line.startswith(label))
    return tuple(int(n.replace(",", "")) for n in re.findall(r"[\d,]+(?=\s|$)", line)[-4:])


def test_the_coffee_dump_is_imported_with_every_row_accounted_for(coffee_dump):
    output = import_dump(coffee_dump)

    assert Question.objects.count() == COFFEE["questions"]
    assert Answer.objects.count() == COFFEE["answers"]
    assert Reply.objects.count() == COFFEE["comments_on_answers"]
    assert HelpfulVote.objects.count() == COFFEE["up_votes_on_answers"]
    assert Topic.objects.count() == COFFEE["tags"]
    assert ImportedLink.objects.count() == COFFEE["links"] - COFFEE["links_with_a_missing_end"]
    people = ImportedRecord.objects.filter(kind="user").count()
    assert people == COFFEE["users"]
    # in dump, imported, earlier, skipped
    assert summary_row(output, "Questions") == (225, 225, 0, 0)
    assert summary_row(output, "Answers") == (327, 327, 0, 0)
    assert summary_row(output, "Replies") == (758, 399, 0, 359)
    assert summary_row(output, "Helpful votes") == (3445, 1607, 0, 1838)
    assert summary_row(output, "Question links") == (106, 101, 0, 5)
    assert "skipped 17: its post is not in the dump (deleted on the site)" in output
    assert "skipped 359: comment on a question" in output
    assert "skipped 5: an end of the link is not in the dump (deleted)" in output
    assert "Every row in the dump is accounted for." in output
    assert re.search(r"592 posts in [\d.]+ s: [\d,]+ posts/s", output)


def test_answer_counters_match_the_imported_votes_and_replies(coffee_dump):
    import_dump(coffee_dump)

    answers = Answer.objects.annotate(
        votes=Count("helpful_votes", distinct=True), threads=Count("replies", distinct=True)
    )
    assert all(a.helpful_count == a.votes and a.reply_count == a.threads for a in answers)
    totals = Answer.objects.aggregate(helpful=Sum("helpful_count"), replies=Sum("reply_count"))
    assert totals == {"helpful": 1607, "replies": 399}


def test_importing_twice_creates_nothing_new(coffee_dump):
    import_dump(coffee_dump)
    before = table_counts()

    output = import_dump(coffee_dump)

    assert table_counts() == before
    assert summary_row(output, "Questions") == (225, 0, 225, 0)
    assert summary_row(output, "Helpful votes") == (3445, 0, 1607, 1838)
    assert summary_row(output, "Question links") == (106, 0, 101, 5)


def test_an_import_stopped_part_way_finishes_on_the_next_run(coffee_dump):
    class Stop(Exception):
        pass

    batches = []

    def stop_in_the_posts(label, rows):
        batches.append(label)
        if batches.count("posts") == 3:
            raise Stop

    importer = StackExchangeImporter(coffee_dump, batch_size=100, on_batch=stop_in_the_posts)
    with pytest.raises(Stop):
        importer.run()
    questions, answers = Question.objects.count(), Answer.objects.count()
    assert 0 < questions < 225
    assert 0 < answers < 327
    assert Reply.objects.count() == 0

    output = import_dump(coffee_dump, batch_size=100)

    assert summary_row(output, "Questions") == (225, 225 - questions, questions, 0)
    assert summary_row(output, "Answers") == (327, 327 - answers, answers, 0)
    assert table_counts() == {
        "users": 456 + _voters(),
        "topics": 123,
        "questions": 225,
        "answers": 327,
        "replies": 399,
        "votes": 1607,
        "links": 101,
        "records": 456 + 123 + 225 + 327 + 399 + 1607 + _voters(),
    }


def _voters() -> int:
    return ImportedRecord.objects.filter(kind="voter").count()


def test_imported_people_cannot_sign_in_until_they_claim_their_account(coffee_dump, client):
    import_dump(coffee_dump)

    anna = User.objects.get(profile__display_name="Anna Lear")
    assert anna.email == "se-coffee-1@imported.invalid"
    assert not anna.has_usable_password()
    assert not EmailAddress.objects.get(user=anna).verified
    assert anna.profile.city == "New York, NY"
    assert not client.login(email=anna.email, password="")


def test_the_imported_question_page_shows_the_content_and_credits_the_author(coffee_dump, client):
    import_dump(coffee_dump)
    record = ImportedRecord.objects.get(kind="question", source_id=1)
    question = Question.objects.get(pk=record.object_id)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(question.get_absolute_url())
    # One query more than a page without imported posts: the credits for the whole page.
    assert len([q for q in queries.captured_queries if "importers_" in q["sql"]]) == 1

    html = response.content.decode()
    assert response.status_code == 200
    assert "How should I store whole bean coffee?" in html
    assert "microroasted, local coffee" in html
    assert 'href="https://coffee.stackexchange.com/q/1"' in html
    assert "Coffee Stack Exchange" in html
    assert 'rel="license nofollow noopener">CC BY-SA 3.0</a>' in html
    answer_credits = html.count("Answered by")
    assert answer_credits == question.answers.count() == 3
    assert html.count('href="https://coffee.stackexchange.com/a/') == 3


def test_pages_without_imported_posts_show_no_credit_and_cost_no_query(client, parent):
    question = QuestionFactory(author=parent, title="Bedtime at four?")
    with CaptureQueriesContext(connection) as queries:
        html = client.get(question.get_absolute_url()).content.decode()
    assert 'class="attribution"' not in html
    assert not [q for q in queries.captured_queries if "importers_" in q["sql"]]


def test_search_finds_an_imported_question(coffee_dump, client):
    import_dump(coffee_dump)

    response = client.get("/search/", {"q": "whole bean store"})

    assert "How should I store whole bean coffee?" in re.sub(
        r"</?mark>", "", response.content.decode()
    )


def test_imported_html_is_sanitised(tmp_path):
    dump = write_dump(
        tmp_path / "parents.stackexchange.com",
        Users=[user(1, "Kit")],
        Posts=[
            post(
                1,
                "1",
                Title="Is <b>this</b> safe?",
                OwnerUserId=1,
                Body='<p onclick="steal()">Hi<script>alert(1)</script>'
                '<a href="javascript:alert(1)">x</a> <img src="http://tracker.example/p.gif"></p>',
            )
        ],
    )
    import_dump(dump)

    question = Question.objects.get()
    assert question.title == "Is <b>this</b> safe?"  # a title is text; the template escapes it
    assert "script" not in question.body_html
    assert "onclick" not in question.body_html
    assert "javascript:" not in question.body_html
    assert "<img" not in question.body_html
    assert question.body_html.startswith("<p>Hi")


def test_a_dump_with_missing_and_dangling_references_imports_what_is_valid(tmp_path):
    dump = write_dump(
        tmp_path / "parents.stackexchange.com",
        Users=[user(1, "Kit"), user(2, "Rowan")],
        Tags=[{"Id": 1, "TagName": "sleep"}, {"Id": 2, "TagName": "c#"}],
        Posts=[
            post(1, "1", Title="Naps?", OwnerUserId=1, Tags="|sleep|c#|"),
            post(2, "2", ParentId=1, OwnerUserId=2),
            post(3, "2", ParentId=1, OwnerUserId=2),  # Rowan's second answer
            post(4, "2", ParentId=1, OwnerDisplayName="Gone Person"),  # deleted account
            post(5, "2", ParentId=99, OwnerUserId=1),  # its question was deleted
            post(6, "1", Title="Old tags", OwnerUserId=2, Tags="<sleep><unknown>"),
        ],
        Comments=[
            {"Id": 1, "PostId": 2, "Text": "Thanks!", "UserId": 1},
            {"Id": 2, "PostId": 2, "Text": "Same here", "UserDisplayName": "Ghost"},
            {"Id": 3, "PostId": 1, "Text": "On the question", "UserId": 2},
            {"Id": 4, "PostId": 77, "Text": "On a deleted post", "UserId": 2},
        ],
        Votes=[
            {"Id": 1, "PostId": 2, "VoteTypeId": 2},
            {"Id": 2, "PostId": 2, "VoteTypeId": 2},
            {"Id": 3, "PostId": 3, "VoteTypeId": 2},
            {"Id": 4, "PostId": 2, "VoteTypeId": 3},
            {"Id": 5, "PostId": 404, "VoteTypeId": 2},
            {"Id": 6, "PostId": 1, "VoteTypeId": 2},
        ],
        PostLinks=[
            {"Id": 1, "PostId": 6, "RelatedPostId": 1, "LinkTypeId": 3},
            {"Id": 2, "PostId": 6, "RelatedPostId": 500, "LinkTypeId": 1},
        ],
    )
    output = import_dump(dump)

    naps = Question.objects.get(title="Naps?")
    assert sorted(naps.topics.values_list("slug", flat=True)) == ["c-sharp", "sleep"]
    old = Question.objects.get(title="Old tags")
    assert list(old.topics.values_list("slug", flat=True)) == ["sleep"]
    assert "note: 1 tags left off (not in Tags.xml)" in output

    answers = {r.source_id: Answer.objects.get(pk=r.object_id) for r in _records("answer")}
    assert set(answers) == {2, 3, 4}
    assert answers[2].author.profile.display_name == "Rowan"
    # Rowan's second answer is kept, by a stand-in with Rowan's name
    assert answers[3].author != answers[2].author
    assert answers[3].author.profile.display_name == "Rowan"
    assert answers[4].author.profile.display_name == "Gone Person"
    assert "skipped 1: its question is not in the dump" in output
    assert "note: 1 written by a stand-in (the author had already answered)" in output

    assert answers[2].reply_count == 2
    assert set(answers[2].replies.values_list("body", flat=True)) == {"Thanks!", "Same here"}
    assert "skipped 1: comment on a question" in output
    assert "skipped 1: comment its post is not in the dump (deleted on the site)" in output

    assert (answers[2].helpful_count, answers[3].helpful_count) == (2, 1)
    assert "skipped 1: down-vote (Village has helpful votes only)" in output
    assert "skipped 1: up-vote on a question" in output

    link = ImportedLink.objects.get()
    assert (link.question, link.related, link.kind) == (old, naps, "duplicate")
    assert "skipped 1: an end of the link is not in the dump (deleted)" in output
    assert "Every row in the dump is accounted for." in output
    assert "Comments.xml" in output


def test_an_answer_before_its_question_in_the_file_is_imported_once(tmp_path):
    dump = write_dump(
        tmp_path / "parents.stackexchange.com",
        Users=[user(1, "Kit"), user(2, "Rowan")],
        Posts=[
            post(1, "2", ParentId=3, OwnerUserId=2, Body="<p>Try a warm bath first</p>"),
            post(2, "2", ParentId=404, OwnerUserId=2),  # its question was deleted
            post(3, "1", Title="Bedtime battles?", OwnerUserId=1),
            post(4, "2", ParentId=3, OwnerUserId=1),
        ],
    )

    output = import_dump(dump, batch_size=2)

    question = Question.objects.get(title="Bedtime battles?")
    assert question.answers.count() == 2
    assert summary_row(output, "Answers") == (3, 2, 0, 1)
    assert "skipped 1: its question is not in the dump" in output
    # Indexed with the answer that came before it in the file, as with the one after it.
    hits = engine_for().search(parse_query("warm bath"), Filters())
    assert [hit.question_id for hit in hits] == [question.pk]

    again = import_dump(dump, batch_size=2)

    assert summary_row(again, "Answers") == (3, 0, 2, 1)
    assert Answer.objects.count() == 2


def test_a_dump_without_optional_files_still_imports(tmp_path):
    dump = write_dump(tmp_path / "tiny.stackexchange.com", Posts=[post(1, "1", Title="Hello?")])

    output = import_dump(dump)

    question = Question.objects.get()
    assert question.author.profile.display_name == "Former Tiny Stack Exchange member"
    assert "Votes.xml is not in this dump" in output


def test_a_folder_without_posts_is_refused(tmp_path):
    with pytest.raises(CommandError, match="no Posts.xml"):
        import_dump(tmp_path)


def _records(kind: str):
    return ImportedRecord.objects.filter(kind=kind)
