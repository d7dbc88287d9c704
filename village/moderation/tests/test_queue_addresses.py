"""Moderators see a flagged author's recent IP addresses, and who else shared them; nobody else
sees any address anywhere."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.factories import MemberFactory
from village.ip_addresses.models import AddressRecord
from village.moderation import services

SHARED = "203.0.113.50"
OWN = "198.51.100.8"


def _addresses(author):
    now = timezone.now()
    AddressRecord.objects.create(user=author, action="sign_up", ip=SHARED, created_at=now)
    AddressRecord.objects.create(user=author, action="answer", ip=SHARED, created_at=now)
    AddressRecord.objects.create(user=author, action="sign_in", ip=OWN, created_at=now)
    # Two other accounts from the same address: a spam ring's tell.
    for name in ("Sock One", "Sock Two"):
        AddressRecord.objects.create(
            user=MemberFactory(display_name=name), action="sign_up", ip=SHARED, created_at=now
        )
    # Past the retention (not yet erased): not shown, and not counted as sharing.
    AddressRecord.objects.create(
        user=MemberFactory(), action="sign_up", ip=OWN, created_at=now - timedelta(days=31)
    )


def test_moderators_see_the_authors_recent_addresses_and_how_many_others_shared_them(
    client, members, answer, moderator, django_assert_max_num_queries
):
    _addresses(answer.author)
    services.flag_content(flagger=members[0], target=answer, reason="spam")
    client.force_login(moderator)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("moderation:queue"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wren Writer's recent IP addresses (2)" in html
    shared = html.index(SHARED)
    assert "Joined, answered" in html[shared : shared + 200]
    assert "also used by 2 other members" in html[shared : shared + 400]
    own = html.index(OWN)
    assert "Signed in" in html[own : own + 200]
    assert "no other member" in html[own : own + 300]
    assert "keeps them 30 days" in html


def test_an_author_with_no_addresses_kept_says_so(client, members, question, moderator):
    services.flag_content(flagger=members[0], target=question, reason="spam")
    client.force_login(moderator)
    html = client.get(reverse("moderation:queue")).content.decode()
    assert "recent IP addresses (0)" in html
    assert "None kept from the last 30 days." in html


def test_members_and_visitors_never_see_an_address(client, members, answer, parent):
    _addresses(answer.author)
    services.flag_content(flagger=members[0], target=answer, reason="spam")
    pages = [answer.question.get_absolute_url(), reverse("people:profile", args=[answer.author.pk])]
    for who in (None, parent, answer.author):
        client.logout()
        if who is not None:
            client.force_login(who)
        for url in pages:
            html = client.get(url).content.decode()
            assert SHARED not in html and OWN not in html, (who, url)
        assert client.get(reverse("moderation:queue")).status_code in (302, 403)
