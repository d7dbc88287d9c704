import pytest
from django.urls import reverse

from tests.factories import MemberFactory
from village.moderation import services
from village.moderation.queries import moderation_queue


def test_the_queue_groups_flags_by_item_and_puts_safeguarding_first(
    members, question, answer, reply, moderator
):
    services.flag_content(flagger=members[0], target=question, reason="spam")
    services.flag_content(flagger=members[1], target=question, reason="misinformation")
    services.flag_content(flagger=members[0], target=reply, reason="abuse")
    services.flag_content(flagger=members[2], target=answer, reason="safeguarding", note="Age 9")
    items = moderation_queue()
    assert [(i.kind, i.target.pk) for i in items] == [
        ("answer", answer.pk),
        ("question", question.pk),
        ("reply", reply.pk),
    ]
    assert items[0].urgent and not items[1].urgent
    assert len(items[1].flags) == 2


def test_the_queue_page_shows_the_content_in_context_with_urgent_items_marked(
    client, members, answer, moderator, django_assert_max_num_queries
):
    services.flag_content(flagger=members[0], target=answer, reason="safeguarding", note="Age 9")
    client.force_login(moderator)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("moderation:queue"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Urgent: safeguarding concern" in html
    assert "Share your own number, please." in html  # the rendered answer itself
    assert f'href="{answer.get_absolute_url()}"' in html  # a link to it in place
    assert "Age 9" in html and "Flagger 1" in html


def test_the_queue_needs_no_more_queries_for_more_flags(
    client, question, moderator, django_assert_max_num_queries
):
    for _ in range(8):
        services.flag_content(flagger=MemberFactory(), target=question, reason="spam")
    client.force_login(moderator)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("moderation:queue")).status_code == 200


@pytest.mark.parametrize("name", ["moderation:queue", "moderation:log"])
def test_members_who_are_not_moderators_are_refused_the_moderation_pages(client, parent, name):
    client.force_login(parent)
    response = client.get(reverse(name))
    assert response.status_code == 403
    assert b"Only moderators can do that." in response.content


def test_visitors_are_sent_to_sign_in_for_the_queue(client):
    response = client.get(reverse("moderation:queue"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
