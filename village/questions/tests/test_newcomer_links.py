"""New members may put only NEW_MEMBER_MAX_LINKS links in a post or their bio, until they
have been around NEW_MEMBER_DAYS or published NEW_MEMBER_POSTS posts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory, TopicFactory
from village.accounts.models import Profile
from village.questions import services
from village.questions.models import Answer, Question, Reply
from village.questions.newcomers import TooManyLinks, count_links, is_new_member

pytestmark = pytest.mark.django_db

THREE_LINKS = (
    "Try [the library](https://library.example/toddlers), the "
    "<https://council.example/play> list, and www.parks.example too."
)
TWO_LINKS = "See [this guide](https://guide.example) and https://forum.example/sleep."
LIMIT = "As a new member you can include up to 2 links in each post or in your profile; this has 3."


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.NEW_MEMBER_DAYS = 7
    settings.NEW_MEMBER_POSTS = 3
    settings.NEW_MEMBER_MAX_LINKS = 2


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("No links here, just words.", 0),
        ("[one](https://a.example)", 1),
        ("<https://a.example> and https://b.example/path?x=1", 2),
        ("[https://a.example](https://a.example)", 1),  # a link whose text is its address
        ("https://www.a.example", 1),
        ("www.a.example, [b](b.example) and mailto-ish [c](mailto:c@example.org)", 3),
        (THREE_LINKS, 3),
    ],
)
def test_links_are_counted_however_they_are_written(text, links):
    assert count_links(text) == links


def test_a_new_member_with_too_many_links_in_an_answer_sees_the_limit_and_keeps_their_text(
    client, parent
):
    question = QuestionFactory()
    client.force_login(parent)
    response = client.post(
        reverse("questions:answer", args=[question.pk, question.slug]),
        {"kind": "experience", "body": THREE_LINKS},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert LIMIT in html.replace("&#x27;", "'")
    assert "the &lt;https://council.example/play&gt; list" in html  # what they typed, kept
    assert not Answer.objects.filter(author=parent).exists()


def test_two_links_are_fine_for_a_new_member(client, parent):
    question = QuestionFactory()
    client.force_login(parent)
    response = client.post(
        reverse("questions:answer", args=[question.pk, question.slug]),
        {"kind": "experience", "body": TWO_LINKS},
    )
    assert response.status_code == 302
    assert Answer.objects.filter(author=parent).exists()


def test_asking_counts_the_title_and_body_together_and_keeps_both(client, parent):
    client.force_login(parent)
    response = client.post(
        reverse("questions:ask"),
        {
            "title": "Is https://cheap-toys.example any good?",
            "body": TWO_LINKS,
            "topics": [TopicFactory().pk],
        },
    )
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert LIMIT in html
    assert 'value="Is https://cheap-toys.example any good?"' in html
    assert not Question.objects.filter(author=parent).exists()


def test_a_reply_with_too_many_links_is_refused_with_the_limit(client, parent):
    answer = AnswerFactory()
    client.force_login(parent)
    response = client.post(reverse("questions:reply", args=[answer.pk]), {"body": THREE_LINKS})
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert LIMIT in html
    assert "www.parks.example too." in html
    assert not Reply.objects.exists()


def test_editing_in_more_links_is_refused_too(client, parent):
    answer = AnswerFactory(author=parent, body="Plain words.")
    client.force_login(parent)
    response = client.post(
        reverse("questions:edit_answer", args=[answer.pk]),
        {"kind": "experience", "body": THREE_LINKS},
    )
    assert response.status_code == 200
    assert LIMIT in response.content.decode().replace("&#x27;", "'")
    answer.refresh_from_db()
    assert answer.body == "Plain words."


def test_a_new_members_bio_is_limited_too_and_the_form_keeps_it(client, parent):
    client.force_login(parent)
    response = client.post(
        reverse("people:edit"),
        {"display_name": "Jo Parent", "headline": "Mum of two", "bio": THREE_LINKS},
    )
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert LIMIT in html
    assert "www.parks.example too." in html
    parent.profile.refresh_from_db()
    assert parent.profile.bio == ""


def test_a_bio_already_over_the_limit_does_not_block_other_changes(client, parent):
    Profile.objects.filter(user=parent).update(bio=THREE_LINKS)
    client.force_login(parent)
    response = client.post(
        reverse("people:edit"), {"display_name": "Jo P.", "headline": "", "bio": THREE_LINKS}
    )
    assert response.status_code == 302
    parent.profile.refresh_from_db()
    assert parent.profile.display_name == "Jo P."


def test_experts_and_moderators_are_trusted_from_the_start(client, expert):
    moderator = MemberFactory(role="moderator")
    for person in (expert, moderator):
        assert not is_new_member(person)
        question = QuestionFactory()
        services.post_answer(author=person, question=question, body=THREE_LINKS, kind="opinion")
    client.force_login(expert)
    response = client.post(reverse("people:edit"), {"display_name": "Dr Sam", "bio": THREE_LINKS})
    assert response.status_code == 302


def test_a_member_stops_being_new_after_the_days_pass(parent, settings):
    older = MemberFactory(date_joined=timezone.now() - timedelta(days=8))
    assert is_new_member(parent) and not is_new_member(older)
    services.post_answer(author=older, question=QuestionFactory(), body=THREE_LINKS, kind="opinion")
    with pytest.raises(TooManyLinks):
        services.post_answer(
            author=parent, question=QuestionFactory(), body=THREE_LINKS, kind="opinion"
        )
    settings.NEW_MEMBER_DAYS = 0
    assert not is_new_member(parent)


def test_a_member_stops_being_new_after_enough_published_posts(parent):
    first = QuestionFactory(author=parent)
    AnswerFactory(author=parent)
    assert is_new_member(parent)  # two posts
    services.delete_question(by=parent, question=first)
    AnswerFactory(author=parent)
    assert is_new_member(parent)  # a deleted post doesn't count: still two
    AnswerFactory(author=parent)
    assert not is_new_member(parent)  # three published
    services.post_reply(author=parent, answer=AnswerFactory(), body=THREE_LINKS)
