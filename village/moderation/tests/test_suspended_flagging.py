"""A suspended member can't flag, except to raise a safeguarding concern (docs/permissions.md):
that still reaches the safeguarding leads, but never hides a post by itself."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from village.common.models import OutboundEmail
from village.moderation import services
from village.moderation.models import Flag

ONLY = "While your account is suspended you can only report a safeguarding concern"


@pytest.fixture
def suspended(parent, moderator):
    services.suspend_member(moderator=moderator, member=parent, reason="Spam links.", days=3)
    parent.refresh_from_db()
    OutboundEmail.objects.all().delete()  # the suspension email
    return parent


def test_a_suspended_member_can_still_raise_a_safeguarding_concern(
    client, suspended, answer, settings
):
    settings.SAFEGUARDING_LEADS = ["lead@example.org"]
    client.force_login(suspended)
    response = client.post(
        reverse("moderation:flag", args=["answer", answer.pk]),
        {"reason": "safeguarding", "note": "They asked a child for her address."},
    )
    assert response.status_code == 302
    flag = Flag.objects.get()
    assert (flag.flagger, flag.reason) == (suspended, "safeguarding")
    [email] = OutboundEmail.objects.all()
    assert email.to == ["lead@example.org"]


@pytest.mark.parametrize("reason", ["spam", "abuse", "misinformation"])
def test_a_suspended_member_cannot_flag_for_anything_else(client, suspended, answer, reason):
    client.force_login(suspended)
    response = client.post(
        reverse("moderation:flag", args=["answer", answer.pk]),
        {"reason": reason, "note": "Kept for them"},
    )
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 400
    assert ONLY in html
    assert "Kept for them" in html
    assert not Flag.objects.exists()
    with pytest.raises(PermissionDenied, match="only report a safeguarding concern"):
        services.flag_content(flagger=suspended, target=answer, reason=reason)


def test_the_report_form_offers_a_suspended_member_the_safeguarding_reason_alone(
    client, suspended, answer
):
    client.force_login(suspended)
    html = client.get(answer.question.get_absolute_url()).content.decode()
    assert 'value="safeguarding"' in html
    assert 'value="spam"' not in html and 'value="abuse"' not in html
    assert ONLY in html


def test_a_suspended_members_concern_never_counts_towards_hiding(
    suspended, members, answer, settings
):
    settings.FLAGS_TO_HIDE = 2
    services.flag_content(flagger=suspended, target=answer, reason="safeguarding")
    services.flag_content(flagger=members[0], target=answer, reason="abuse")
    answer.refresh_from_db()
    assert answer.hidden_at is None
    services.flag_content(flagger=members[1], target=answer, reason="abuse")
    answer.refresh_from_db()
    assert answer.hidden_at is not None
