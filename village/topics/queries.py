"""Reads about topics and who follows them."""

from village.topics.models import Topic, TopicFollow


def is_following_topic(user, topic: Topic) -> bool:
    if not user.is_authenticated:
        return False
    return TopicFollow.objects.filter(user=user, topic=topic).exists()


def followed_topics(user):
    """The topics this person follows, by name; none for a visitor."""
    if not user.is_authenticated:
        return Topic.objects.none()
    return Topic.objects.filter(follows__user=user).order_by("name")
