from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from village.accounts.models import Profile
from village.accounts.permissions import can_post
from village.moderation import services


def test_a_suspended_member_can_read_but_not_ask_answer_reply_or_vote(
    client, moderator, parent, answer
):
    services.suspend_member(moderator=moderator, member=parent, reason="Spam links.", days=7)
    client.force_login(parent)
    question = answer.question
    page = client.get(question.get_absolute_url())
    assert page.status_code == 200
    assert b"Your account is suspended, so you can read but not post." in page.content
    refusals = [
        client.post(reverse("questions:ask"), {"title": "A brand new question?", "body": "x"}),
        client.post(
            reverse("questions:answer", args=[question.pk, question.slug]),
            {"kind": "opinion", "body": "Mine"},
        ),
        client.post(reverse("questions:reply", args=[answer.pk]), {"body": "Me too"}),
        client.post(reverse("questions:helpful", args=[answer.pk])),
    ]
    assert [r.status_code for r in refusals] == [403, 403, 403, 403]
    assert answer.helpful_count == 0 and not answer.replies.exists()


def test_a_suspension_ends_by_itself_at_its_end_date(client, moderator, parent, answer):
    services.suspend_member(moderator=moderator, member=parent, reason="Cool off.", days=2)
    parent.refresh_from_db()
    assert not can_post(parent)
    # Two days pass: the end date is now a moment ago. Nothing else runs, no job, no moderator.
    Profile.objects.filter(user=parent).update(
        suspended_until=timezone.now() - timedelta(seconds=1)
    )
    parent.refresh_from_db()
    assert can_post(parent)
    client.force_login(parent)
    question = answer.question
    response = client.post(
        reverse("questions:answer", args=[question.pk, question.slug]),
        {"kind": "opinion", "body": "Back again, and kinder."},
    )
    assert response.status_code == 302
    assert question.answers.filter(author=parent).exists()
