"""The email settings page, and unsubscribing in one click from any notification email."""

import re

import pytest
from django.conf import settings

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory
from tests.mail import html_of, run_worker, text_of
from village.notifications.models import EmailPreference
from village.notifications.services import email_preferences, unsubscribe_token

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_settings_page_shows_the_defaults_and_saves_a_change(client):
    member = MemberFactory()
    client.force_login(member)
    html = client.get("/notifications/email/").content.decode()
    assert re.search(r'name="answer_mine" value="instant"[^>]*checked', html)
    assert re.search(r'name="reply" value="daily"[^>]*checked', html)
    assert re.search(r'name="helpful" value="off"[^>]*checked', html)
    choices = {**email_preferences(member), "reply": "off", "helpful": "instant"}
    response = client.post("/notifications/email/", choices, follow=True)
    assert "Saved." in response.content.decode()
    assert email_preferences(member)["reply"] == "off"
    assert email_preferences(member)["helpful"] == "instant"


def test_a_made_up_choice_is_refused_next_to_its_field_and_nothing_is_saved(client):
    member = MemberFactory()
    client.force_login(member)
    choices = {**email_preferences(member), "reply": "hourly", "helpful": "instant"}
    html = client.post("/notifications/email/", choices).content.decode()
    assert 'id="id_reply_error"' in html
    assert re.search(r'name="helpful" value="instant"[^>]*checked', html)  # kept what was typed
    assert not EmailPreference.objects.exists()


def test_the_settings_page_is_linked_from_edit_profile_and_needs_sign_in(client):
    assert client.get("/notifications/email/").status_code == 302
    client.force_login(MemberFactory())
    assert 'href="/notifications/email/"' in client.get("/people/me/edit/").content.decode()


def test_every_notification_email_carries_one_click_unsubscribe_headers(smtp_server):
    asker = MemberFactory()
    AnswerFactory(question=QuestionFactory(author=asker))
    run_worker()
    [email] = smtp_server.messages_to(asker.email)
    header = "".join(str(email["List-Unsubscribe"]).split())  # long headers are folded
    link = re.fullmatch(r"<(https?://\S+)>", header).group(1)
    assert link.startswith(f"{settings.SITE_URL}/notifications/unsubscribe/")
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in text_of(email)
    assert link in html_of(email)


def test_one_click_unsubscribe_works_signed_out_and_only_for_that_kind(client, smtp_server):
    asker = MemberFactory()
    AnswerFactory(question=QuestionFactory(author=asker))
    run_worker()
    [email] = smtp_server.messages_to(asker.email)
    header = "".join(str(email["List-Unsubscribe"]).split())
    path = re.search(r"/notifications/unsubscribe/[^/>]+/", header).group(0)
    # What a mail provider sends for RFC 8058: a POST, no session, no CSRF token.
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "You're unsubscribed" in response.content.decode()
    preferences = email_preferences(asker)
    assert preferences["answer_mine"] == "off"
    assert preferences["reply"] == "daily"
    AnswerFactory(question=QuestionFactory(author=asker))
    run_worker()
    assert len(smtp_server.messages_to(asker.email)) == 1


def test_opening_the_unsubscribe_link_asks_first_so_link_scanners_change_nothing(client):
    member = MemberFactory()
    token = unsubscribe_token(kind="answer_mine", user_id=member.pk)
    html = client.get(f"/notifications/unsubscribe/{token}/").content.decode()
    assert "Stop emails about new answers to my questions?" in html
    assert email_preferences(member)["answer_mine"] == "instant"


def test_a_forged_unsubscribe_link_is_refused(client):
    member = MemberFactory()
    token = unsubscribe_token(kind="answer_mine", user_id=member.pk)
    forged = token.replace(token[-3:], "abc")
    assert client.post(f"/notifications/unsubscribe/{forged}/").status_code == 404
    assert email_preferences(member)["answer_mine"] == "instant"
