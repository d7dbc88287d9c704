"""The weekly digest: what it holds, who gets it, and that nobody gets an edition twice."""

import re
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import (
    AnswerFactory,
    ExpertFactory,
    MemberFactory,
    QuestionFactory,
    TopicFactory,
)
from tests.mail import first_link, html_of, run_worker, text_of
from village.notifications.models import DigestDelivery, DigestSubscription, EmailMode
from village.notifications.services import set_email_preferences
from village.questions import services
from village.questions.digest import edition_of, send_digests
from village.questions.management.commands.run_scheduler import run_due_jobs
from village.topics.services import follow_topic

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def week():
    """A week with a sleep question (an expert answered) and a screens question."""
    sleep = TopicFactory(name="Sleep", slug="sleep")
    screens = TopicFactory(name="Screens", slug="screens")
    sleepy = QuestionFactory(title="Early waking at 5am, every day", topics=[sleep])
    AnswerFactory(question=sleepy, body="We moved bedtime later and it helped.")
    AnswerFactory(
        question=sleepy,
        author=ExpertFactory(display_name="Dr Nia Rest", area="Sleep"),
        body="Blackout blinds and a consistent wake time usually settle this in two weeks.",
    )
    screen_q = QuestionFactory(title="A first phone at eleven?", topics=[screens])
    answer = AnswerFactory(question=screen_q, body="Start with a basic phone.")
    for _ in range(3):
        services.mark_helpful(voter=MemberFactory(), answer=answer)
    run_worker()
    return {"sleep": sleep, "screens": screens}


def later_week(weeks: int):
    """A moment `weeks` weeks from now, with a fresh question asked just before it."""
    moment = timezone.now() + timedelta(weeks=weeks)
    QuestionFactory(title=f"News for week +{weeks}", created_at=moment - timedelta(hours=1))
    return moment


def digests_to(smtp_server, address):
    return [m for m in smtp_server.messages_to(address) if "This week on Village" in m["Subject"]]


def test_a_member_gets_the_best_of_their_topics_with_the_expert_answer_highlighted(
    smtp_server, week
):
    member = MemberFactory(display_name="Pat Parent")
    follow_topic(user=member, topic=week["sleep"])
    send_digests()
    run_worker()
    [digest] = digests_to(smtp_server, member.email)
    text, html = text_of(digest), html_of(digest)
    assert "in the topics you follow" in text
    assert "Early waking at 5am" in text and "A first phone" not in text
    assert "EXPERT ANSWER from a verified Sleep expert" in text
    assert "Dr Nia Rest" not in text
    assert "Expert answer</span>" in html and "Blackout blinds" in html
    assert "".join(str(digest["List-Unsubscribe"]).split()).startswith("<http")
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_member_following_nothing_gets_the_sites_best_most_helpful_first(smtp_server, week):
    member = MemberFactory()
    send_digests()
    run_worker()
    [digest] = digests_to(smtp_server, member.email)
    text = text_of(digest)
    assert "on Village this week" in text
    assert text.index("A first phone at eleven?") < text.index("Early waking at 5am")


def test_running_the_digest_twice_in_a_week_sends_one_email_each(smtp_server, week):
    members = [MemberFactory() for _ in range(3)]
    first = send_digests()
    second = send_digests()
    call_command("send_digests")
    run_worker()
    assert (first, second) == (DigestDelivery.objects.count(), 0)
    for member in members:
        assert len(digests_to(smtp_server, member.email)) == 1


def test_a_run_that_stopped_halfway_sends_only_to_those_it_had_not_reached(smtp_server, week):
    reached, not_reached = MemberFactory(), MemberFactory()
    # What a crash halfway leaves behind: one address claimed (and its email queued).
    DigestDelivery.objects.create(email=reached.email, edition=edition_of(timezone.now()))
    send_digests()
    run_worker()
    assert digests_to(smtp_server, reached.email) == []
    assert len(digests_to(smtp_server, not_reached.email)) == 1


def test_next_week_brings_a_new_edition(smtp_server, week):
    member = MemberFactory()
    send_digests()
    send_digests(now=later_week(1))
    run_worker()
    assert len(digests_to(smtp_server, member.email)) == 2


def test_a_member_who_turned_the_digest_off_gets_none(smtp_server, week):
    member = MemberFactory()
    set_email_preferences(user=member, modes={"weekly_digest": EmailMode.OFF})
    send_digests()
    run_worker()
    assert digests_to(smtp_server, member.email) == []


def test_a_quiet_week_sends_nothing(smtp_server):
    MemberFactory()
    assert send_digests() == 0


def test_a_visitor_subscribes_confirms_gets_the_digest_and_unsubscribes_in_one_click(
    client, smtp_server, week
):
    response = client.post("/notifications/digest/", {"email": "Visitor@Example.org"})
    assert "Check your inbox" in response.content.decode()
    run_worker()
    [confirmation] = smtp_server.messages_to("visitor@example.org")
    send_digests()
    run_worker()
    assert digests_to(smtp_server, "visitor@example.org") == []  # nothing before confirming

    confirm = first_link(text_of(confirmation))
    assert "You're on the list" in client.get(confirm).content.decode()
    send_digests(now=later_week(1))
    run_worker()
    [digest] = digests_to(smtp_server, "visitor@example.org")
    assert "on Village this week" in text_of(digest)

    header = "".join(str(digest["List-Unsubscribe"]).split())
    path = re.search(r"/notifications/unsubscribe/[^/>]+/", header).group(0)
    assert client.post(path).status_code == 200
    assert not DigestSubscription.objects.get().is_active
    send_digests(now=later_week(2))
    run_worker()
    assert len(digests_to(smtp_server, "visitor@example.org")) == 1


def test_a_mistyped_address_is_refused_next_to_the_field_keeping_what_was_typed(client):
    html = client.post("/notifications/digest/", {"email": "not-an-address"}).content.decode()
    assert 'id="id_email_error"' in html
    assert 'value="not-an-address"' in html
    assert not DigestSubscription.objects.exists()


def test_a_tampered_confirmation_link_confirms_nothing(client):
    DigestSubscription.objects.create(email="v@example.org")
    assert client.get("/notifications/digest/confirm/abc:def/").status_code == 404
    assert DigestSubscription.objects.get().confirmed_at is None


def test_the_header_offers_visitors_the_weekly_tips_form(client):
    html = client.get("/").content.decode()
    assert 'action="/notifications/digest/"' in html


def test_the_scheduler_sends_the_digest_from_its_day_and_hour_and_only_once(
    smtp_server, settings, week
):
    settings.DIGEST_WEEKDAY, settings.DIGEST_HOUR, settings.DAILY_SUMMARY_HOUR = 6, 8, 7
    member = MemberFactory()
    tz = timezone.get_current_timezone()
    friday = datetime(2026, 11, 27, 9, tzinfo=tz)
    saturday_early = datetime(2026, 11, 28, 7, 30, tzinfo=tz)
    saturday = datetime(2026, 11, 28, 8, 5, tzinfo=tz)
    assert run_due_jobs(friday)["digests"] == 0
    assert run_due_jobs(saturday_early)["digests"] == 0
    assert run_due_jobs(saturday)["digests"] >= 1
    assert run_due_jobs(saturday + timedelta(minutes=5))["digests"] == 0
    call_command("run_scheduler", "--once", verbosity=0)
    run_worker()
    assert len(digests_to(smtp_server, member.email)) == 1
