from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.factories import MemberFactory
from village.moderation import services
from village.moderation.models import ModerationAction


def test_moderators_read_the_log_with_who_what_when_and_why(client, moderator, answer, author):
    services.hide(moderator=moderator, target=answer, reason="Shares a home address.")
    services.suspend_member(moderator=moderator, member=author, reason="Threats.", days=None)
    client.force_login(moderator)
    html = client.get(reverse("moderation:log")).content.decode()
    assert "Shares a home address." in html and "Threats." in html
    assert "Mo Moderator" in html
    assert "Suspended for good" in html
    assert f"Answer #{answer.pk} by Wren Writer" in html


def test_the_log_filters_by_moderator_action_and_date(client, moderator, answer, question):
    other = MemberFactory(display_name="Oli Other", role="moderator")
    services.hide(moderator=moderator, target=answer, reason="Reason one.")
    services.lock_question(moderator=other, question=question, reason="Reason two.")
    old = services.dismiss_flags(moderator=other, target=question, reason="Reason three.")
    ModerationAction.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=10)
    )
    client.force_login(moderator)
    url = reverse("moderation:log")

    def reasons(**query):
        page = client.get(url, query)
        return [entry.reason for entry in page.context["page"].object_list]

    assert reasons() == ["Reason two.", "Reason one.", "Reason three."]
    assert reasons(moderator=str(other.pk)) == ["Reason two.", "Reason three."]
    assert reasons(action="hide") == ["Reason one."]
    since = (timezone.now() - timedelta(days=2)).date().isoformat()
    assert reasons(since=since) == ["Reason two.", "Reason one."]
    until = (timezone.now() - timedelta(days=5)).date().isoformat()
    assert reasons(until=until) == ["Reason three."]


def test_automatic_hiding_shows_in_the_log_as_village_itself(
    client, moderator, members, answer, settings
):
    settings.FLAGS_TO_HIDE = 2
    for member in members[:2]:
        services.flag_content(flagger=member, target=answer, reason="spam")
    client.force_login(moderator)
    page = client.get(reverse("moderation:log"), {"moderator": "auto"})
    [entry] = page.context["page"].object_list
    assert entry.action == "auto_hide"
    assert "Village (automatic)" in page.content.decode()
