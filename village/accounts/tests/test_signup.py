"""Joining Village: sign-up, the confirmation email through a real SMTP server, and its link."""

import time

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core.cache import cache

from tests.factories import MemberFactory, QuestionFactory
from tests.mail import first_link, html_of, run_worker, text_of
from village.accounts.models import User
from village.common.models import OutboundEmail
from village.common.tasks import deliver_email

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "quiet-harbour-lantern-42"


def sign_up(client, email="new.parent@example.org", name="Robin Ash", next_url=None):
    url = "/accounts/signup/" + (f"?next={next_url}" if next_url else "")
    return client.post(
        url,
        {"display_name": name, "email": email, "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )


def test_sign_up_shows_nearly_there_and_sends_nothing_until_the_worker_runs(client, smtp_server):
    response = sign_up(client)
    html = response.content.decode()
    assert "Nearly there!" in html
    assert "junk or spam folder" in html
    assert 'value="new.parent@example.org"' in html  # the resend form knows the address
    assert smtp_server.inbox == []
    assert OutboundEmail.objects.get().status == "queued"
    user = User.objects.get(email="new.parent@example.org")
    assert user.profile.display_name == "Robin Ash"


def test_confirmation_email_arrives_with_text_and_html_and_its_link_signs_in(client, smtp_server):
    question = QuestionFactory(title="How do we start pocket money?")
    sign_up(client, next_url=question.get_absolute_url())
    run_worker()
    [message] = smtp_server.messages_to("new.parent@example.org")
    assert message["Subject"] == "Confirm your email to finish joining Village"
    assert message["From"] == "Village <hello@village.localhost>"
    assert message["Message-ID"]
    link = first_link(text_of(message))
    assert link in html_of(message)
    assert "Hello Robin Ash" in text_of(message)

    response = client.get(link, follow=True)
    assert response.redirect_chain[-1][0] == question.get_absolute_url()
    assert response.wsgi_request.user.email == "new.parent@example.org"
    assert EmailAddress.objects.get(email="new.parent@example.org").verified is True


def test_email_sent_while_smtp_is_down_arrives_once_it_is_back(client, smtp_server, settings):
    settings.EMAIL_RETRY_BASE_SECONDS = 1  # the first retry is due a second after the failure
    smtp_server.stop()
    sign_up(client, email="outage@example.org")
    run_worker()
    outbound = OutboundEmail.objects.get()
    assert outbound.status == "queued"
    assert outbound.attempts == 1
    assert "Connection refused" in outbound.last_error or "Errno" in outbound.last_error

    smtp_server.start()
    run_worker()  # too early: the retry isn't due yet
    assert smtp_server.inbox == []
    time.sleep(1.1)
    run_worker()
    run_worker()
    assert len(smtp_server.messages_to("outage@example.org")) == 1
    outbound.refresh_from_db()
    assert (outbound.status, outbound.attempts) == ("sent", 2)


def test_delivering_the_same_email_twice_sends_it_once(client, smtp_server):
    sign_up(client, email="twice@example.org")
    outbound = OutboundEmail.objects.get()
    assert deliver_email.call(outbound.pk) == "sent"
    assert deliver_email.call(outbound.pk) == "already handled"
    run_worker()  # the task enqueued at sign-up finds it sent
    assert len(smtp_server.messages_to("twice@example.org")) == 1


def test_an_unconfirmed_member_cannot_sign_in_to_post(client, smtp_server):
    sign_up(client, email="waiting@example.org")
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "waiting@example.org", "password": PASSWORD}, follow=True
    )
    assert "Nearly there!" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_signing_up_with_a_known_address_looks_the_same_and_warns_the_owner(client, smtp_server):
    MemberFactory(email="taken@example.org")
    response = sign_up(client, email="taken@example.org", name="Someone Else")
    assert "Nearly there!" in response.content.decode()
    assert User.objects.filter(email="taken@example.org").count() == 1
    run_worker()
    [message] = smtp_server.messages_to("taken@example.org")
    assert message["Subject"] == "You already have a Village account"


@pytest.mark.parametrize("known", [True, False])
def test_password_reset_answers_the_same_for_known_and_unknown_addresses(
    client, smtp_server, known
):
    if known:
        MemberFactory(email="someone@example.org", password=PASSWORD)
    response = client.post(
        "/accounts/password/reset/", {"email": "someone@example.org"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/accounts/password/reset/done/"
    run_worker()
    [message] = smtp_server.messages_to("someone@example.org")
    expected = "Reset your Village password" if known else "About your Village password reset"
    assert message["Subject"] == expected


def test_password_reset_link_lets_the_member_choose_a_new_password(client, smtp_server):
    MemberFactory(email="forgetful@example.org", password=PASSWORD)
    client.post("/accounts/password/reset/", {"email": "forgetful@example.org"})
    run_worker()
    link = first_link(text_of(smtp_server.messages_to("forgetful@example.org")[0]))
    form_page = client.get(link, follow=True)
    new = "a-brand-new-passphrase-77"
    response = client.post(
        form_page.redirect_chain[-1][0], {"password1": new, "password2": new}, follow=True
    )
    assert response.status_code == 200
    assert User.objects.get(email="forgetful@example.org").check_password(new)


@pytest.mark.parametrize("known", [True, False])
def test_resend_answers_the_same_whether_or_not_the_address_is_waiting(client, smtp_server, known):
    if known:
        sign_up(client, email="maybe@example.org")
        client.logout()
        run_worker()
        smtp_server.inbox.clear()
        cache.clear()  # the sign-up email used up the per-address resend allowance
    response = client.post("/accounts/confirm/resend/", {"email": "maybe@example.org"})
    assert response.status_code == 200
    assert "a new link is on its way" in response.content.decode()
    run_worker()
    assert len(smtp_server.messages_to("maybe@example.org")) == (1 if known else 0)


def test_an_expired_link_explains_itself_and_offers_a_new_one(client, smtp_server, settings):
    sign_up(client, email="late@example.org")
    run_worker()
    link = first_link(text_of(smtp_server.messages_to("late@example.org")[0]))
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = -1
    html = client.get(link, follow=True).content.decode()
    assert "This link has expired or was already used" in html
    assert 'action="/accounts/confirm/resend/"' in html
    assert EmailAddress.objects.get(email="late@example.org").verified is False


def test_a_used_link_explains_itself(client, smtp_server):
    sign_up(client, email="again@example.org")
    run_worker()
    link = first_link(text_of(smtp_server.messages_to("again@example.org")[0]))
    client.get(link)
    client.logout()
    html = client.get(link, follow=True).content.decode()
    assert "This link has expired or was already used" in html


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short-pw1", "at least 10 characters"),
        ("password123", "too common"),
    ],
)
def test_weak_passwords_are_refused_and_the_form_keeps_what_was_typed(client, password, message):
    response = client.post(
        "/accounts/signup/",
        {
            "display_name": "Kim Lee",
            "email": "kim@example.org",
            "password1": password,
            "password2": password,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="kim@example.org"' in html
    assert 'value="Kim Lee"' in html
    assert not User.objects.filter(email="kim@example.org").exists()


def test_sign_up_is_rate_limited_with_a_clear_message(client, smtp_server):
    for n in range(10):
        sign_up(client, email=f"burst{n}@example.org")
        client.logout()
    response = sign_up(client, email="burst-too-many@example.org")
    assert response.status_code == 429
    assert response["Retry-After"] == "300"
    assert "Slow down a little" in response.content.decode()
    assert not User.objects.filter(email="burst-too-many@example.org").exists()


def test_failed_sign_ins_are_limited_per_address(client):
    MemberFactory(email="target@example.org", password=PASSWORD)
    for _ in range(5):
        client.post(
            "/accounts/login/", {"login": "target@example.org", "password": "wrong-guess-1"}
        )
    response = client.post(
        "/accounts/login/", {"login": "target@example.org", "password": PASSWORD}
    )
    assert response.status_code in (200, 429)
    assert not response.wsgi_request.user.is_authenticated
    assert "Too many failed" in response.content.decode() or response.status_code == 429


def test_signing_up_is_the_first_session_row(client, smtp_server):
    client.get("/accounts/signup/")
    assert Session.objects.count() == 0
    sign_up(client)
    assert Session.objects.count() == 1
