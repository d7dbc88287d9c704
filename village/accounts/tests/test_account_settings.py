"""Managing an account: email change, password change, sign-out and two-factor authentication."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value

from tests.factories import MemberFactory
from tests.mail import first_link, run_worker, text_of

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "willow-bridge-candle-88"


def sign_in(client, email, password=PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password}, follow=True)


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_changing_email_takes_effect_only_once_the_new_address_is_confirmed(client, smtp_server):
    member = MemberFactory(email="old@example.org", password=PASSWORD)
    sign_in(client, "old@example.org")
    client.post("/accounts/email/", {"action_add": "", "email": "new@example.org"}, follow=True)
    member.refresh_from_db()
    assert member.email == "old@example.org"
    assert EmailAddress.objects.get(email="new@example.org").verified is False
    run_worker()
    link = first_link(text_of(smtp_server.messages_to("new@example.org")[0]))
    client.get(link, follow=True)
    member.refresh_from_db()
    assert member.email == "new@example.org"


def test_changing_password_needs_the_current_one(client):
    member = MemberFactory(email="pw@example.org", password=PASSWORD)
    sign_in(client, "pw@example.org")
    new = "harbour-lights-bicycle-31"
    wrong = client.post(
        "/accounts/password/change/",
        {"oldpassword": "not-my-password", "password1": new, "password2": new},
    )
    assert "Please type your current password." in wrong.content.decode()
    client.post(
        "/accounts/password/change/", {"oldpassword": PASSWORD, "password1": new, "password2": new}
    )
    member.refresh_from_db()
    assert member.check_password(new)


def test_signing_out_ends_the_session(client):
    MemberFactory(email="bye@example.org", password=PASSWORD)
    sign_in(client, "bye@example.org")
    response = client.post("/accounts/logout/", follow=True)
    assert not response.wsgi_request.user.is_authenticated


def test_any_member_can_turn_on_totp_and_is_then_asked_for_a_code(client):
    member = MemberFactory(email="safe@example.org", password=PASSWORD)
    sign_in(client, "safe@example.org")
    # Security settings ask for the password again before they change.
    page = client.get("/accounts/2fa/totp/activate/")
    if page.status_code == 302:
        client.post(page["Location"], {"password": PASSWORD})
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)}, follow=True)
    assert Authenticator.objects.filter(user=member, type="totp").exists()

    client.post("/accounts/logout/")
    response = sign_in(client, "safe@example.org")
    assert response.redirect_chain[-1][0] == "/accounts/2fa/authenticate/"
    assert not response.wsgi_request.user.is_authenticated
    response = client.post(
        "/accounts/2fa/authenticate/", {"code": current_code(secret)}, follow=True
    )
    assert response.wsgi_request.user == member


def test_moderators_without_two_factor_are_asked_to_turn_it_on(client):
    moderator = MemberFactory(role="moderator", two_factor=False)
    client.force_login(moderator)
    assert "Turn on two-factor authentication" in client.get("/").content.decode()
    client.force_login(MemberFactory())
    assert "Turn on two-factor authentication" not in client.get("/").content.decode()
