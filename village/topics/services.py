"""Following topics: a member's followed topics fill their "For you" feed."""

from django.db import IntegrityError, transaction

from village.topics.models import Topic, TopicFollow
from village.topics.permissions import check_can_follow


def follow_topic(*, user, topic: Topic) -> TopicFollow:
    """Follow a topic; following it again changes nothing."""
    check_can_follow(user)
    try:
        with transaction.atomic():
            follow, _ = TopicFollow.objects.get_or_create(user=user, topic=topic)
    except IntegrityError:
        # The other click of a double click got there first.
        follow = TopicFollow.objects.get(user=user, topic=topic)
    return follow


def unfollow_topic(*, user, topic: Topic) -> None:
    """Stop following a topic; unfollowing one not followed changes nothing."""
    TopicFollow.objects.filter(user=user, topic=topic).delete()
