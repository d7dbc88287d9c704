import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from village.moderation import services
from village.moderation.models import Flag, ModerationAction
from village.questions.models import Question


def test_a_member_flags_an_answer_from_the_question_page(client, parent, answer):
    client.force_login(parent)
    page = client.get(answer.question.get_absolute_url())
    assert reverse("moderation:flag", args=["answer", answer.pk]).encode() in page.content
    response = client.post(
        reverse("moderation:flag", args=["answer", answer.pk]),
        {"reason": "abuse", "note": "Name-calling in the second line."},
    )
    assert response.status_code == 302
    assert response["Location"] == answer.get_absolute_url()
    flag = Flag.objects.get()
    assert (flag.flagger, flag.answer, flag.reason, flag.status) == (
        parent,
        answer,
        "abuse",
        "pending",
    )
    assert flag.note == "Name-calling in the second line."


@pytest.mark.parametrize("kind", ["question", "answer", "reply", "member"])
def test_questions_answers_replies_and_profiles_can_all_be_flagged(client, parent, kind, request):
    target = request.getfixturevalue("author" if kind == "member" else kind)
    client.force_login(parent)
    response = client.post(reverse("moderation:flag", args=[kind, target.pk]), {"reason": "spam"})
    assert response.status_code == 302
    assert Flag.objects.filter(**{kind: target}).count() == 1


def test_flag_buttons_show_on_a_profile_for_signed_in_members_only(client, parent, author):
    url = reverse("people:profile", args=[author.pk])
    flag_url = reverse("moderation:flag", args=["member", author.pk]).encode()
    assert flag_url not in client.get(url).content
    client.force_login(parent)
    assert flag_url in client.get(url).content


def test_visitors_are_sent_to_sign_in_before_flagging(client, answer):
    response = client.post(
        reverse("moderation:flag", args=["answer", answer.pk]), {"reason": "spam"}
    )
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not Flag.objects.exists()


def test_a_flag_without_a_reason_shows_the_form_again_with_a_message(client, parent, answer):
    client.force_login(parent)
    response = client.post(
        reverse("moderation:flag", args=["answer", answer.pk]), {"note": "keep this text"}
    )
    assert response.status_code == 400
    assert b"Please choose what&#x27;s wrong." in response.content
    assert b"keep this text" in response.content


def test_members_cannot_flag_their_own_posts(answer):
    with pytest.raises(PermissionDenied):
        services.flag_content(flagger=answer.author, target=answer, reason="spam")


def test_flagging_the_same_thing_twice_counts_once(parent, answer):
    services.flag_content(flagger=parent, target=answer, reason="spam")
    services.flag_content(flagger=parent, target=answer, reason="spam")
    assert Flag.objects.count() == 1


def test_three_members_flagging_the_same_answer_hide_it_until_a_moderator_decides(
    members, answer, settings
):
    settings.FLAGS_TO_HIDE = 3
    services.flag_content(flagger=members[0], target=answer, reason="spam")
    services.flag_content(flagger=members[0], target=answer, reason="abuse")  # same member
    services.flag_content(flagger=members[1], target=answer, reason="spam")
    answer.refresh_from_db()
    assert answer.hidden_at is None
    services.flag_content(flagger=members[2], target=answer, reason="spam")
    answer.refresh_from_db()
    assert answer.hidden_at is not None
    logged = ModerationAction.objects.get()
    assert (logged.action, logged.moderator, logged.answer) == ("auto_hide", None, answer)
    assert "3 different members" in logged.reason


def test_enough_flags_hide_a_question_too(members, question, settings):
    settings.FLAGS_TO_HIDE = 2
    for member in members[:2]:
        services.flag_content(flagger=member, target=question, reason="spam")
    question.refresh_from_db()
    assert question.status == Question.Status.HIDDEN


def test_dismissing_the_flags_of_an_automatically_hidden_answer_shows_it_again(
    members, answer, moderator, settings
):
    settings.FLAGS_TO_HIDE = 2
    for member in members[:2]:
        services.flag_content(flagger=member, target=answer, reason="misinformation")
    services.dismiss_flags(moderator=moderator, target=answer, reason="It is accurate advice.")
    answer.refresh_from_db()
    assert answer.hidden_at is None
    assert set(Flag.objects.values_list("status", flat=True)) == {"dismissed"}


def test_suspended_members_cannot_flag(parent, answer, moderator):
    services.suspend_member(moderator=moderator, member=parent, reason="Spam links.", days=3)
    parent.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.flag_content(flagger=parent, target=answer, reason="spam")
