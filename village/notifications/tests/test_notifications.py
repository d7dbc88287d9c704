from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import MemberFactory
from village.notifications.models import Notification
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


def test_the_page_groups_notifications_by_day(client):
    member = MemberFactory()
    notify(recipient=member, kind="reply", message="Today’s news")
    old = notify(recipient=member, kind="reply", message="Yesterday’s news")
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=1))
    client.force_login(member)
    html = client.get("/notifications/").content.decode()
    assert html.index(">Today<") < html.index("Today’s news") < html.index(">Yesterday<")
    assert html.index(">Yesterday<") < html.index("Yesterday’s news")


def test_one_notification_can_be_marked_read_leaving_the_others(client):
    member = MemberFactory()
    first = notify(recipient=member, kind="reply", message="First")
    notify(recipient=member, kind="reply", message="Second")
    client.force_login(member)
    client.post(f"/notifications/{first.pk}/read/")
    assert 'aria-label="1 unread"' in client.get("/").content.decode()
    first.refresh_from_db()
    assert first.read_at is not None


def test_nobody_can_mark_someone_elses_notification_read(client):
    theirs = notify(recipient=MemberFactory(), kind="reply", message="Theirs")
    client.force_login(MemberFactory())
    client.post(f"/notifications/{theirs.pk}/read/")
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_people_only_see_their_own_notifications(client):
    mine, theirs = MemberFactory(), MemberFactory()
    notify(recipient=theirs, kind="expert_decision", message="Not for you")
    client.force_login(mine)
    assert "Not for you" not in client.get("/notifications/").content.decode()


def test_the_notifications_page_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    member = MemberFactory()
    for i in range(30):
        notify(recipient=member, kind="reply", message=f"News {i}", url=f"/x/#reply-{i}")
    client.force_login(member)
    with django_assert_max_num_queries(8):
        assert client.get("/notifications/").status_code == 200


def test_visitors_are_sent_to_sign_in(client):
    assert client.get("/notifications/").status_code == 302
    assert client.get("/notifications/email/").status_code == 302
