from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from village.accounts.permissions import can_post
from village.moderation import services
from village.moderation.models import Flag, ModerationAction
from village.notifications.models import Notification
from village.questions.models import Question, Revision


def act(client, kind, target, action, reason="Breaks the house rules.", **extra):
    return client.post(
        reverse("moderation:act", args=[kind, target.pk]),
        {"action": action, "reason": reason, **extra},
    )


def last_entry() -> ModerationAction:
    return ModerationAction.objects.order_by("-pk").first()


def test_a_moderator_hides_an_answer_and_the_log_says_who_what_and_why(
    client, moderator, members, answer
):
    services.flag_content(flagger=members[0], target=answer, reason="abuse")
    client.force_login(moderator)
    response = act(client, "answer", answer, "hide", reason="Personal attack on another parent.")
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.hidden_at is not None
    entry = last_entry()
    assert (entry.moderator, entry.action, entry.answer) == (moderator, "hide", answer)
    assert entry.reason == "Personal attack on another parent."
    assert Flag.objects.get().status == "actioned"


def test_showing_a_hidden_answer_again_is_logged(client, moderator, answer):
    services.hide(moderator=moderator, target=answer, reason="Checking a claim.")
    client.force_login(moderator)
    act(client, "answer", answer, "unhide", reason="The claim checks out.")
    answer.refresh_from_db()
    assert answer.hidden_at is None
    assert last_entry().action == "unhide"


def test_dismissing_flags_leaves_the_post_alone_and_is_logged(client, moderator, members, reply):
    services.flag_content(flagger=members[0], target=reply, reason="spam")
    client.force_login(moderator)
    act(client, "reply", reply, "dismiss", reason="Not spam, just enthusiastic.")
    reply.refresh_from_db()
    assert reply.hidden_at is None
    assert Flag.objects.get().status == "dismissed"
    assert (last_entry().action, last_entry().reply) == ("dismiss", reply)


def test_a_moderator_deletes_a_reply_and_its_answer_counts_one_fewer(client, moderator, reply):
    client.force_login(moderator)
    act(client, "reply", reply, "delete", reason="Contains a phone number.")
    reply.refresh_from_db()
    reply.answer.refresh_from_db()
    assert reply.deleted_at is not None
    assert reply.answer.reply_count == 0
    assert last_entry().action == "delete"
    page = client.get(reply.answer.question.get_absolute_url()).content.decode()
    assert "Contains a phone number" not in page


def test_a_moderator_deletes_a_question(client, moderator, question):
    client.force_login(moderator)
    act(client, "question", question, "delete", reason="Duplicate of an earlier question.")
    question.refresh_from_db()
    assert question.status == Question.Status.DELETED
    assert last_entry().question == question


def test_a_moderator_edits_an_answer_keeping_the_authors_text_as_a_revision(
    client, moderator, answer
):
    client.force_login(moderator)
    url = reverse("moderation:edit", args=["answer", answer.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"body": "Share a [removed] number.", "reason": "Took out a phone number."}
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.body == "Share a [removed] number."
    assert Revision.objects.get(answer=answer).body == "Share your own number, please."
    entry = last_entry()
    assert (entry.action, entry.details["body"]) == ("edit", "Share your own number, please.")


def test_an_edit_without_a_reason_keeps_what_the_moderator_typed(client, moderator, answer):
    client.force_login(moderator)
    response = client.post(
        reverse("moderation:edit", args=["answer", answer.pk]), {"body": "New words", "reason": ""}
    )
    assert response.status_code == 400
    assert b"Please give a reason" in response.content
    assert b"New words" in response.content
    answer.refresh_from_db()
    assert answer.body == "Share your own number, please."


def test_a_locked_question_takes_no_new_answers_or_replies(client, moderator, answer, parent):
    question = answer.question
    client.force_login(moderator)
    act(client, "question", question, "lock", reason="The conversation turned heated.")
    question.refresh_from_db()
    assert question.locked_at is not None and last_entry().action == "lock"
    client.force_login(parent)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "A moderator has locked this question" in page
    response = client.post(
        reverse("questions:answer", args=[question.pk, question.slug]),
        {"kind": "opinion", "body": "One more thought."},
    )
    assert response.status_code == 403
    response = client.post(reverse("questions:reply", args=[answer.pk]), {"body": "And me?"})
    assert response.status_code == 403
    assert question.answers.count() == 1 and not answer.replies.exists()


def test_unlocking_a_question_opens_it_again(moderator, question, parent):
    services.lock_question(moderator=moderator, question=question, reason="Cooling off.")
    services.unlock_question(moderator=moderator, question=question, reason="Calm again.")
    question.refresh_from_db()
    assert question.locked_at is None
    assert list(ModerationAction.objects.values_list("action", flat=True)) == ["unlock", "lock"]


@pytest.mark.parametrize("action", ["dismiss", "hide", "delete", "lock", "warn", "suspend"])
def test_every_action_needs_a_reason(client, moderator, question, action):
    client.force_login(moderator)
    response = act(client, "question", question, action, reason="   ")
    assert response.status_code == 400
    assert b"Please give a reason: every action needs one." in response.content
    assert not ModerationAction.objects.exists()
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED and question.locked_at is None


def test_services_refuse_an_empty_reason(moderator, answer):
    with pytest.raises(services.ReasonRequired):
        services.hide(moderator=moderator, target=answer, reason="")


@pytest.mark.parametrize("action", ["dismiss", "hide", "delete", "lock", "warn", "suspend"])
def test_members_who_are_not_moderators_are_refused_every_action(client, parent, question, action):
    client.force_login(parent)
    response = act(client, "question", question, action)
    assert response.status_code == 403
    assert not ModerationAction.objects.exists()


def test_services_refuse_members_who_are_not_moderators(parent, answer):
    with pytest.raises(PermissionDenied):
        services.hide(moderator=parent, target=answer, reason="I don't like it.")
    with pytest.raises(PermissionDenied):
        services.suspend_member(moderator=parent, member=answer.author, reason="Grr.", days=1)


def test_a_moderator_suspends_a_member_for_a_week(client, moderator, answer):
    client.force_login(moderator)
    act(client, "answer", answer, "suspend", reason="Repeated abuse.", duration="7")
    member = answer.author
    member.profile.refresh_from_db()
    until = member.profile.suspended_until
    assert timedelta(days=6, hours=23) < until - timezone.now() <= timedelta(days=7)
    assert not can_post(member)
    entry = last_entry()
    assert (entry.action, entry.member, entry.details["for_good"]) == ("suspend", member, False)


def test_a_moderator_suspends_a_member_for_good_and_can_lift_it(moderator, author):
    services.suspend_member(moderator=moderator, member=author, reason="Spam network.", days=None)
    author.profile.refresh_from_db()
    assert services.is_for_good(author.profile.suspended_until)
    assert not can_post(author)
    services.lift_suspension(moderator=moderator, member=author, reason="Appeal accepted.")
    author.profile.refresh_from_db()
    assert author.profile.suspended_until is None
    assert can_post(author)


def test_moderators_cannot_suspend_themselves_or_each_other(moderator, admin_member):
    with pytest.raises(PermissionDenied):
        services.suspend_member(moderator=moderator, member=moderator, reason="Oops.", days=1)
    with pytest.raises(PermissionDenied):
        services.suspend_member(moderator=moderator, member=admin_member, reason="No.", days=1)


def test_the_author_is_told_in_the_site_when_a_moderator_hides_their_answer(moderator, answer):
    services.hide(moderator=moderator, target=answer, reason="Shares a phone number.")
    [note] = Notification.objects.filter(recipient=answer.author)
    assert note.message == "A moderator hid your answer: Shares a phone number."
    assert note.url == answer.get_absolute_url()


def test_dismissing_flags_tells_the_author_nothing(moderator, members, answer):
    services.flag_content(flagger=members[0], target=answer, reason="spam")
    services.dismiss_flags(moderator=moderator, target=answer, reason="Fine as it is.")
    assert not Notification.objects.filter(recipient=answer.author).exists()
