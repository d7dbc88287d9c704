"""Download my data, and delete my account: nothing personal left behind."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory
from tests.mail import first_link, run_worker, text_of
from village.experts.models import ExpertApplication, ExpertiseArea
from village.ip_addresses.models import AddressRecord
from village.notifications.models import DigestDelivery, DigestSubscription
from village.notifications.services import notify
from village.privacy.models import AccountDeletion, DataExport
from village.privacy.services import carry_out_due_deletions, remove_expired_exports
from village.questions import services
from village.questions.management.commands.run_scheduler import run_due_jobs
from village.questions.models import Answer, Question

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "lighthouse-meadow-pebble-64"
IVYS_ADDRESS = "203.0.113.64"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def person():
    """A member with a bit of everything Village can hold about someone."""
    member = MemberFactory(
        email="ivy.quill@example.org",
        display_name="Ivy Quillfeather",
        password=PASSWORD,
        headline="Mum of a very chatty four-year-old",
        city="Galway",
        country="IE",
    )
    member.profile.bio = "Quillfeather family: we love long walks."
    member.profile.save()
    services.ask_question(author=member, title="Is chatter at four normal?", body="Ivy here.")
    services.ask_question(
        author=member, title="A worry I can't say out loud?", body="Secret", is_anonymous=True
    )
    other = AnswerFactory()
    services.post_answer(
        author=member, question=other.question, kind="experience", body="Ivy's experience."
    )
    services.post_reply(author=member, answer=other, body="Thanks from Ivy Quillfeather.")
    services.mark_helpful(voter=member, answer=other)
    services.record_feedback(
        question=other.question, visitor_key=f"user:{member.pk}", found=True, user=member
    )
    notify(recipient=member, kind="expert_decision", message="Hello Ivy", url="/")
    AddressRecord.objects.create(user=member, action="sign_in", ip=IVYS_ADDRESS)
    DigestSubscription.objects.create(email=member.email, confirmed_at=timezone.now())
    DigestDelivery.objects.create(email=member.email, edition="2026-W48")
    area, _ = ExpertiseArea.objects.get_or_create(name="Speech and language")
    ExpertApplication.objects.create(
        applicant=member,
        area=area,
        headline="SLT",
        credentials="Ivy's credentials",
        evidence_url="https://example.org/ivy",
        statement="Ivy's statement",
    )
    return member


def test_download_my_data_arrives_as_an_emailed_link_to_a_zip_of_everything(
    client, person, smtp_server
):
    client.force_login(person)
    response = client.post("/privacy/export/", follow=True)
    assert "We&#x27;re preparing your data" in response.content.decode()
    run_worker()
    [message] = smtp_server.messages_to("ivy.quill@example.org")
    assert message["Subject"] == "Your Village data is ready to download"
    link = first_link(text_of(message))
    download = client.get(link.replace("http://127.0.0.1:8000", ""))
    assert download.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    files = set(archive.namelist())
    for expected in (
        "account.json",
        "accounts.profile.json",
        "questions.question.json",
        "questions.answer.json",
        "questions.reply.json",
        "questions.helpfulvote.json",
        "questions.answerfeedback.json",
        "notifications.notification.json",
        "experts.expertapplication.json",
        "ip_addresses.addressrecord.json",
    ):
        assert expected in files, files
    questions = json.loads(archive.read("questions.question.json"))
    assert {q["title"] for q in questions} == {
        "Is chatter at four normal?",
        "A worry I can't say out loud?",
    }
    [address] = json.loads(archive.read("ip_addresses.addressrecord.json"))
    assert (address["action"], address["ip"]) == ("sign_in", IVYS_ADDRESS)
    everything = b"".join(archive.read(name) for name in files)
    assert b"pbkdf2" not in everything  # no password hash


def test_a_download_is_only_for_its_owner_and_expires(client, person, smtp_server):
    client.force_login(person)
    client.post("/privacy/export/")
    run_worker()
    export = DataExport.objects.get()
    client.force_login(MemberFactory())
    assert client.get(f"/privacy/exports/{export.token}/").status_code == 404
    client.force_login(person)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(f"/privacy/exports/{export.token}/").status_code == 404
    assert remove_expired_exports() == 1
    export.refresh_from_db()
    assert (export.status, export.archive.name) == ("expired", "")


def test_deleting_needs_the_password_and_waits_for_the_grace_period(client, person, smtp_server):
    client.force_login(person)
    client.post("/privacy/delete/", {"contributions": "keep", "password": "wrong"})
    assert not AccountDeletion.objects.exists()
    response = client.post(
        "/privacy/delete/", {"contributions": "keep", "password": PASSWORD}, follow=True
    )
    assert "Until then you can change your mind here." in response.content.decode()
    assert carry_out_due_deletions() == 0  # not yet
    client.post("/privacy/delete/cancel/")
    assert AccountDeletion.objects.get().status == "cancelled"
    assert carry_out_due_deletions(now=timezone.now() + timedelta(days=30)) == 0


def _rows_mentioning(needle: str) -> list[str]:
    found = []
    for model in apps.get_models():
        text_fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(
                f,
                models.CharField
                | models.TextField
                | models.JSONField
                | models.GenericIPAddressField,
            )
        ]
        for field in text_fields:
            queryset = model._default_manager.annotate(
                _text=Cast(field.name, models.TextField())
            ).filter(_text__icontains=needle)
            found += [
                f"{model._meta.label}.{field.name} #{pk}"
                for pk in queryset.values_list("pk", flat=True)
            ]
    return found


@pytest.mark.parametrize("keep", [True, False])
def test_after_deletion_nothing_personal_remains_anywhere(client, person, smtp_server, keep):
    client.force_login(person)
    client.post("/privacy/export/")
    run_worker()
    client.post(
        "/privacy/delete/", {"contributions": "keep" if keep else "delete", "password": PASSWORD}
    )
    assert carry_out_due_deletions(now=timezone.now() + timedelta(days=4)) == 1

    needles = ("ivy.quill@example.org", "Quillfeather", "Galway", "chatty four-year-old")
    for needle in (*needles, IVYS_ADDRESS):
        leftovers = _rows_mentioning(needle)
        if keep:
            # Kept contributions keep their words; only the reply signed with the name remains.
            leftovers = [row for row in leftovers if not row.startswith("questions.Reply.body")]
        assert leftovers == [], needle

    person.refresh_from_db()
    assert person.profile.display_name == "A former member"
    assert not person.is_active
    anonymous = Question.objects.get(title="A worry I can't say out loud?")
    assert anonymous.author_id != person.pk  # never linkable to the rest
    answer = Answer.objects.get(author=person)
    if keep:
        assert answer.body == "Ivy's experience." and answer.deleted_at is None
    else:
        assert answer.deleted_at is not None and "Ivy" not in answer.body
        assert not Question.objects.filter(author=person, status="published").exists()


def test_privacy_pages_need_sign_in(client, db):
    assert client.get("/privacy/").status_code == 302
    assert QuestionFactory()  # the site still works for visitors


def test_the_scheduler_carries_out_deletions_once_their_grace_period_ends(
    client, person, smtp_server
):
    client.force_login(person)
    client.post("/privacy/delete/", {"contributions": "delete", "password": PASSWORD})
    run_due_jobs()
    assert AccountDeletion.objects.get().status == "pending"  # still in its grace period
    AccountDeletion.objects.update(effective_at=timezone.now() - timedelta(minutes=1))
    run_due_jobs()
    assert AccountDeletion.objects.get().status == "done"
    assert not type(person).objects.filter(email="ivy.quill@example.org").exists()
