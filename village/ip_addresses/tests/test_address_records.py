"""IP addresses: kept when members sign up, sign in, ask, answer, reply or flag; erased once
older than IP_RETENTION_DAYS by the scheduler, its own command and privacy housekeeping."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import AnswerFactory, MemberFactory, TopicFactory
from village.ip_addresses.models import AddressRecord
from village.ip_addresses.services import erase_old_addresses, record_address
from village.questions.management.commands.run_scheduler import run_due_jobs

pytestmark = pytest.mark.django_db

HOME = "203.0.113.41"
PASSWORD = "quiet-harbour-lantern-42"


def addresses_of(user) -> list[tuple[str, str]]:
    return list(AddressRecord.objects.filter(user=user).values_list("action", "ip"))


def test_signing_up_keeps_the_address_it_came_from(client):
    client.post(
        reverse("account_signup"),
        {
            "display_name": "Robin Ash",
            "email": "robin@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        REMOTE_ADDR=HOME,
    )
    record = AddressRecord.objects.get()
    assert (record.user.email, record.action, record.ip) == ("robin@example.org", "sign_up", HOME)


def test_signing_in_keeps_the_address_and_a_failed_attempt_keeps_none(client):
    member = MemberFactory(email="kim@example.org", password=PASSWORD)
    client.post(
        reverse("account_login"),
        {"login": "kim@example.org", "password": "not-the-password"},
        REMOTE_ADDR=HOME,
    )
    assert addresses_of(member) == []
    response = client.post(
        reverse("account_login"),
        {"login": "kim@example.org", "password": PASSWORD},
        REMOTE_ADDR="2001:db8::7",
    )
    assert response.status_code == 302
    assert addresses_of(member) == [("sign_in", "2001:db8::7")]


def test_asking_answering_replying_and_flagging_each_keep_the_address(client, parent):
    answer = AnswerFactory()
    question = answer.question
    client.force_login(parent)
    client.post(
        reverse("questions:ask"),
        {"title": "How do we handle bedtime with twins?", "topics": [TopicFactory().pk]},
        REMOTE_ADDR=HOME,
    )
    client.post(
        reverse("questions:answer", args=[question.pk, question.slug]),
        {"kind": "opinion", "body": "Start the wind-down earlier."},
        REMOTE_ADDR=HOME,
    )
    client.post(
        reverse("questions:reply", args=[answer.pk]), {"body": "Same here!"}, REMOTE_ADDR=HOME
    )
    client.post(
        reverse("moderation:flag", args=["answer", answer.pk]), {"reason": "spam"}, REMOTE_ADDR=HOME
    )
    assert sorted(addresses_of(parent)) == [
        ("answer", HOME),
        ("ask", HOME),
        ("flag", HOME),
        ("reply", HOME),
    ]


def test_a_refused_post_keeps_no_address(client, parent):
    answer = AnswerFactory()
    question = answer.question
    client.force_login(parent)
    response = client.post(
        reverse("questions:answer", args=[question.pk, question.slug]),
        {"kind": "opinion", "body": "   "},
        REMOTE_ADDR=HOME,
    )
    assert response.status_code == 200  # the form again, with its error
    assert addresses_of(parent) == []


def test_only_the_servers_own_view_of_the_address_counts_never_a_header(client, parent):
    answer = AnswerFactory()
    client.force_login(parent)
    client.post(
        reverse("questions:reply", args=[answer.pk]),
        {"body": "Thank you."},
        REMOTE_ADDR=HOME,
        HTTP_X_FORWARDED_FOR="198.51.100.99",
    )
    assert addresses_of(parent) == [("reply", HOME)]


def test_with_no_retention_no_address_is_kept(client, parent, settings):
    settings.IP_RETENTION_DAYS = 0
    answer = AnswerFactory()
    client.force_login(parent)
    client.post(reverse("questions:reply", args=[answer.pk]), {"body": "Thanks."}, REMOTE_ADDR=HOME)
    assert answer.replies.count() == 1
    assert not AddressRecord.objects.exists()


def _records_aged(user, *days_ago, now):
    return [
        AddressRecord.objects.create(
            user=user, action="sign_in", ip=f"192.0.2.{n + 1}", created_at=now - age
        )
        for n, age in enumerate(days_ago)
    ]


def test_the_job_erases_only_records_older_than_the_retention(parent, settings):
    settings.IP_RETENTION_DAYS = 30
    now = timezone.now()
    old, just_old, young = _records_aged(
        parent,
        timedelta(days=90),
        timedelta(days=30, seconds=1),
        timedelta(days=29, hours=23),
        now=now,
    )
    assert erase_old_addresses(now=now) == 2
    assert list(AddressRecord.objects.values_list("pk", flat=True)) == [young.pk]
    # A day later the young one has aged past the retention too.
    assert erase_old_addresses(now=now + timedelta(days=1)) == 1
    assert not AddressRecord.objects.exists()


def test_a_shorter_retention_from_the_settings_erases_sooner(parent, settings):
    now = timezone.now()
    _records_aged(parent, timedelta(days=8), timedelta(days=6), now=now)
    settings.IP_RETENTION_DAYS = 7
    assert erase_old_addresses(now=now) == 1
    assert AddressRecord.objects.get().ip == "192.0.2.2"


def test_the_scheduler_erases_old_addresses_at_every_check(parent):
    now = timezone.now()
    _records_aged(parent, timedelta(days=45), timedelta(days=1), now=now)
    assert run_due_jobs(now)["addresses_erased"] == 1
    assert run_due_jobs(now)["addresses_erased"] == 0
    assert AddressRecord.objects.count() == 1


@pytest.mark.parametrize("command", ["erase_old_addresses", "privacy_housekeeping"])
def test_the_commands_erase_old_addresses_too(parent, command):
    _records_aged(parent, timedelta(days=31), timedelta(hours=1), now=timezone.now())
    out = io.StringIO()
    call_command(command, stdout=out)
    assert "1 " in out.getvalue() and "IP address record" in out.getvalue()
    assert AddressRecord.objects.count() == 1


def test_a_request_without_a_usable_address_keeps_nothing(rf, parent):
    request = rf.post("/", REMOTE_ADDR="unknown")
    assert record_address(request, parent, "ask") is None
    with pytest.raises(ValueError):
        record_address(rf.post("/", REMOTE_ADDR=HOME), parent, "vote")
    assert not AddressRecord.objects.exists()
