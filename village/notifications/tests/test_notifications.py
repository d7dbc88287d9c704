import pytest

from tests.factories import MemberFactory
from village.notifications.services import notify

pytestmark = pytest.mark.django_db


def test_the_header_counts_unread_and_the_page_lists_them(client):
    member = MemberFactory()
    notify(recipient=member, kind="expert_decision", message="Decided!", url="/experts/apply/")
    client.force_login(member)
    assert 'aria-label="1 unread"' in client.get("/").content.decode()
    html = client.get("/notifications/").content.decode()
    assert '<a href="/experts/apply/">Decided!</a>' in html
    client.post("/notifications/read/")
    assert 'aria-label="1 unread"' not in client.get("/").content.decode()


def test_people_only_see_their_own_notifications(client):
    mine, theirs = MemberFactory(), MemberFactory()
    notify(recipient=theirs, kind="expert_decision", message="Not for you")
    client.force_login(mine)
    assert "Not for you" not in client.get("/notifications/").content.decode()


def test_visitors_are_sent_to_sign_in(client):
    assert client.get("/notifications/").status_code == 302
