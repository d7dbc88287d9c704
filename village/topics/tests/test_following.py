"""Following topics and questions, and the "For you" feed they fill."""

import pytest

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory, TopicFactory
from village.questions.following import is_following_question
from village.questions.models import QuestionFollow
from village.topics import services
from village.topics.models import TopicFollow

pytestmark = pytest.mark.django_db


def test_following_a_topic_twice_keeps_one_follow(parent):
    topic = TopicFactory()
    services.follow_topic(user=parent, topic=topic)
    services.follow_topic(user=parent, topic=topic)
    assert TopicFollow.objects.filter(user=parent, topic=topic).count() == 1
    services.unfollow_topic(user=parent, topic=topic)
    assert not TopicFollow.objects.exists()


def test_members_who_have_not_confirmed_their_email_cannot_follow(client):
    unconfirmed = MemberFactory(email_verified=False)
    topic = TopicFactory(slug="sleep")
    client.force_login(unconfirmed)
    response = client.post("/topics/sleep/follow/")
    assert response.status_code == 403
    assert "confirm your email" in response.content.decode()
    assert not TopicFollow.objects.filter(topic=topic).exists()


def test_a_visitor_is_sent_to_sign_in_to_follow(client, db):
    TopicFactory(slug="sleep")
    response = client.post("/topics/sleep/follow/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/topics/sleep/")


def test_follow_button_works_without_javascript_and_in_place_with_htmx(client, parent):
    topic = TopicFactory(name="Sleep", slug="sleep")
    client.force_login(parent)
    response = client.post("/topics/sleep/follow/")
    assert response.status_code == 302 and response["Location"] == "/topics/sleep/"
    assert TopicFollow.objects.filter(user=parent, topic=topic).exists()
    page = client.get("/topics/sleep/").content.decode()
    assert 'aria-pressed="true"' in page
    response = client.post("/topics/sleep/unfollow/", headers={"HX-Request": "true"})
    assert 'id="topic-follow"' in response.content.decode()
    assert ">Follow<" in response.content.decode()
    assert not TopicFollow.objects.exists()


def test_for_you_shows_new_questions_in_followed_topics_only(client, parent):
    sleep = TopicFactory(name="Sleep", slug="sleep")
    school = TopicFactory(name="School", slug="school")
    mine = QuestionFactory(title="Early waking again", topics=[sleep])
    QuestionFactory(title="Spelling tests", topics=[school])
    both = QuestionFactory(title="Tired at school", topics=[sleep, school])
    services.follow_topic(user=parent, topic=sleep)
    client.force_login(parent)
    html = client.get("/?tab=for-you").content.decode()
    assert html.index(both.title) < html.index(mine.title)
    assert html.count(both.title) == 1
    assert "Spelling tests" not in html
    assert 'New questions in <a href="/topics/sleep/">Sleep</a>' in html


def test_for_you_invites_a_member_who_follows_nothing_to_follow_topics(client, parent):
    client.force_login(parent)
    html = client.get("/?tab=for-you").content.decode()
    assert "Follow a few topics" in html


def test_asking_and_answering_follow_the_question_automatically(parent):
    question = QuestionFactory(author=parent)
    answer = AnswerFactory(question=question)
    assert is_following_question(parent, question)
    assert is_following_question(answer.author, question)
    assert QuestionFollow.objects.filter(question=question).count() == 2


def test_a_reader_can_follow_and_unfollow_a_question_from_its_page(client, parent):
    question = QuestionFactory()
    client.force_login(parent)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Follow this question" in page
    follow_url = f"{question.get_absolute_url()}follow/"
    response = client.post(follow_url, headers={"HX-Request": "true"})
    assert "Following this question" in response.content.decode()
    assert is_following_question(parent, question)
    response = client.post(f"{question.get_absolute_url()}unfollow/")
    assert response.status_code == 302
    assert not is_following_question(parent, question)
