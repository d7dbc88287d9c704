"""Emails moderation sends, delivered through a real SMTP server by the real task worker."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import MemberFactory
from tests.mail import html_of, run_worker, text_of
from village.moderation import services
from village.moderation.models import Flag

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_safeguarding_flag_emails_the_leads_at_once(
    client, settings, smtp_server, parent, answer
):
    settings.SAFEGUARDING_LEADS = ["lead@village.example", "Deputy@Village.example"]
    in_group = MemberFactory(display_name="Gabi Guardian")
    services.make_safeguarding_lead(in_group)
    client.force_login(parent)
    response = client.post(
        reverse("moderation:flag", args=["answer", answer.pk]),
        {"reason": "safeguarding", "note": "A child says they are scared to go home."},
        follow=True,
    )
    assert b"Our safeguarding lead has been alerted" in response.content
    run_worker()
    for address in ("lead@village.example", "deputy@village.example", in_group.email):
        [message] = smtp_server.messages_to(address)
    assert message["Subject"].startswith("Urgent safeguarding concern on Village: Answer #")
    text = text_of(message)
    assert "A child says they are scared to go home." in text
    assert "Jo Parent" in text
    assert "http://127.0.0.1:8000/moderation/" in text
    assert "Open the moderation queue" in html_of(message)
    assert Flag.objects.get().is_urgent


def test_other_flags_send_no_email(settings, smtp_server, parent, answer):
    settings.SAFEGUARDING_LEADS = ["lead@village.example"]
    services.flag_content(flagger=parent, target=answer, reason="spam")
    run_worker()
    assert smtp_server.messages_to("lead@village.example") == []


def test_safeguarding_leads_come_from_the_setting_and_the_group(settings, db):
    settings.SAFEGUARDING_LEADS = ["lead@village.example"]
    member = MemberFactory(email="gabi@example.org")
    assert services.safeguarding_leads() == ["lead@village.example"]
    member.groups.add(Group.objects.create(name=services.SAFEGUARDING_GROUP))
    assert services.safeguarding_leads() == ["lead@village.example", "gabi@example.org"]


def test_a_warning_is_logged_and_emailed_to_the_member(smtp_server, moderator, answer):
    services.warn_member(
        moderator=moderator, member=answer.author, reason="Please keep it kind.", about=answer
    )
    run_worker()
    [message] = smtp_server.messages_to(answer.author.email)
    assert message["Subject"] == "A note from the Village moderators"
    assert "Please keep it kind." in text_of(message)


def test_a_suspension_is_emailed_with_its_end_date(smtp_server, moderator, author):
    services.suspend_member(moderator=moderator, member=author, reason="Spam links.", days=7)
    run_worker()
    [message] = smtp_server.messages_to(author.email)
    assert message["Subject"] == "Your Village account is suspended"
    assert "until" in text_of(message) and "Spam links." in text_of(message)
