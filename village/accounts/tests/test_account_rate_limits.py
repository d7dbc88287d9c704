"""Sign-up and sign-in are rate-limited (ACCOUNT_RATE_LIMITS): past the limit, a 429 page that
says in plain words what happened and when to try again, and nothing is done."""

import pytest
from django.urls import reverse

from tests.factories import MemberFactory
from village.accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "quiet-harbour-lantern-42"
HUMAN = "we've paused this for a few minutes to keep accounts safe"


def _is_the_slow_down_page(response):
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 429
    assert response["Retry-After"].isdigit() and int(response["Retry-After"]) > 0
    assert "Slow down a little" in html
    assert HUMAN in html
    return True


def test_the_settings_limit_sign_up_and_sign_in_per_address(settings):
    limits = settings.ACCOUNT_RATE_LIMITS
    assert limits["signup"] and limits["login"] and limits["login_failed"]


def test_signing_up_too_often_from_one_address_gets_a_429_and_makes_no_account(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    for n in range(3):
        response = client.post(
            reverse("account_signup"),
            {
                "display_name": f"Burst {n}",
                "email": f"burst{n}@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
            REMOTE_ADDR="203.0.113.9",
        )
        client.logout()
    assert _is_the_slow_down_page(response)
    assert sorted(User.objects.values_list("email", flat=True)) == [
        "burst0@example.org",
        "burst1@example.org",
    ]


def test_signing_in_too_often_from_one_address_gets_a_429_and_signs_nobody_in(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    MemberFactory(email="kim@example.org", password=PASSWORD)
    for _ in range(3):
        client.post(reverse("account_login"), {"login": "kim@example.org", "password": "guess-1"})
    response = client.post(
        reverse("account_login"), {"login": "kim@example.org", "password": PASSWORD}
    )
    assert _is_the_slow_down_page(response)
    assert not response.wsgi_request.user.is_authenticated
    assert "_auth_user_id" not in client.session
