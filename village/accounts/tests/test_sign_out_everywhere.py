"""Sign out everywhere: every session of that person ends, on every device, this one included.

Sessions are signed in through the real sign-in form, on the database session engine and on
cached_db (the production profile keeps sessions in Redis in front of the database; here the
cache is the local one, which behaves the same way for this purpose).
"""

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.sessions.models import Session
from django.test import Client

from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

PASSWORD = "orchard-kettle-meadow-19"
EVERYWHERE = "/accounts/sign-out-everywhere/"


def signed_in_client(email: str) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302, "the sign-in form should accept the member"
    return client


def who(client: Client):
    """The person a client's session belongs to on its next request (None for a visitor)."""
    user = client.get("/people/me/edit/").wsgi_request.user
    return user if user.is_authenticated else None


@pytest.fixture(params=["db", "cached_db"])
def session_engine(request, settings):
    settings.SESSION_ENGINE = f"django.contrib.sessions.backends.{request.param}"
    return request.param


def test_signing_out_everywhere_ends_every_session_of_that_person(session_engine):
    rosa = MemberFactory(email="rosa@example.org", password=PASSWORD)
    MemberFactory(email="tom@example.org", password=PASSWORD)
    laptop, phone = signed_in_client("rosa@example.org"), signed_in_client("rosa@example.org")
    someone_else = signed_in_client("tom@example.org")
    assert who(laptop) == who(phone) == rosa
    phone_key = phone.cookies["sessionid"].value

    page = laptop.get("/people/me/edit/").content.decode()
    assert f'action="{EVERYWHERE}"' in page
    response = laptop.post(EVERYWHERE, follow=True)

    assert response.redirect_chain[-1][0] == "/accounts/login/"
    assert (
        "signed out everywhere: on this device and on every other one" in response.content.decode()
    )
    assert who(laptop) is None
    assert who(phone) is None
    assert who(someone_else).email == "tom@example.org"
    # The phone's old session was thrown away when it was next used, not just ignored.
    assert not Session.objects.filter(session_key=phone_key).exists()

    # Signing in again afterwards works as usual, on any device.
    assert who(signed_in_client("rosa@example.org")) == rosa


def test_it_takes_a_post_with_the_csrf_token(session_engine):
    MemberFactory(email="ines@example.org", password=PASSWORD)
    device = signed_in_client("ines@example.org")
    assert device.get(EVERYWHERE).status_code == 405
    # A form on another site has no CSRF token: refused, and nobody is signed out.
    forged = Client(enforce_csrf_checks=True)
    forged.cookies = device.cookies
    assert forged.post(EVERYWHERE).status_code == 403
    assert who(device) is not None


def test_visitors_are_sent_to_sign_in():
    response = Client().post(EVERYWHERE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_changing_password_signs_out_other_devices_but_not_this_one(session_engine):
    MemberFactory(email="pat@example.org", password=PASSWORD)
    laptop, phone = signed_in_client("pat@example.org"), signed_in_client("pat@example.org")
    new = "lighthouse-paper-orange-57"
    laptop.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert who(laptop) is not None
    assert who(phone) is None


def test_until_someone_signs_out_everywhere_their_sessions_check_as_before():
    """Turning the feature on signs nobody out: an unused token leaves Django's hash as is."""
    member = MemberFactory(password=PASSWORD)
    assert member.session_token == ""
    assert member.get_session_auth_hash() == AbstractBaseUser.get_session_auth_hash(member)
    old = member.get_session_auth_hash()
    member.rotate_session_token()
    assert member.get_session_auth_hash() != old
