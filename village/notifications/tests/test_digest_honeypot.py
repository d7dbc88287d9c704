"""The visitors' "Weekly tips" sign-up carries the honeypot: a robot filling it is refused
quietly, subscribes nobody and sends nothing; a person leaving it empty gets the link."""

import pytest
from django.urls import reverse

from village.common.models import OutboundEmail
from village.notifications.models import DigestSubscription

pytestmark = pytest.mark.django_db

CAUGHT = "looked automatic rather than human"


def test_both_weekly_tips_forms_carry_the_honeypot(client):
    header = client.get("/").content.decode()
    assert 'id="hp-digest-header" name="homepage"' in header
    page = client.get(reverse("notifications:digest_signup")).content.decode()
    assert 'id="hp-digest" name="homepage"' in page
    assert "Leave this box empty" in page


def test_a_robot_filling_the_honeypot_subscribes_nobody_and_sends_nothing(client):
    response = client.post(
        reverse("notifications:digest_signup"),
        {"email": "bot@example.org", "homepage": "https://cheap-pills.example"},
    )
    assert response.status_code == 400
    assert CAUGHT in response.content.decode()
    assert not DigestSubscription.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_a_person_leaving_the_honeypot_empty_is_sent_the_confirmation_link(client):
    response = client.post(
        reverse("notifications:digest_signup"), {"email": "parent@example.org", "homepage": ""}
    )
    assert response.status_code == 200
    assert DigestSubscription.objects.filter(email="parent@example.org").exists()
    assert OutboundEmail.objects.count() == 1
