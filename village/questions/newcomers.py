"""New members may share only a few links until they have taken part for a while.

Spam accounts are young and post links; parents rarely need more than one or two in their
first posts. A member is new while their account is younger than NEW_MEMBER_DAYS and they
have fewer than NEW_MEMBER_POSTS published posts; until then a question, answer, reply or
bio may hold at most NEW_MEMBER_MAX_LINKS links. Verified experts and the team (staff
writers, moderators, admins) are trusted from the start.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from village.accounts.permissions import is_moderator
from village.common.markdown import render_markdown
from village.experts.badges import is_verified_expert
from village.questions.models import Answer, Question, Reply

_ANCHOR = re.compile(r"<a\b[^>]*>.*?</a>", re.IGNORECASE | re.DOTALL)
# A web address typed as plain text: not a link on the page, but still what spam is made of.
_WEB_ADDRESS = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"']+", re.IGNORECASE)


class TooManyLinks(Exception):
    """A new member's text holds more links than NEW_MEMBER_MAX_LINKS allows."""

    def __init__(self, *, found: int, allowed: int, field: str = "body"):
        self.found, self.allowed, self.field = found, allowed, field
        allowance = f"up to {allowed} link{'s' if allowed != 1 else ''}" if allowed else "no links"
        super().__init__(
            f"As a new member you can include {allowance} in each post or in your "
            f"profile; this has {found}. Please take out {found - allowed}, or post them "
            "again once you've been part of Village for a few days. It helps us keep spam out."
        )


def count_links(text: str) -> int:
    """Links in Markdown: [text](address), <address> and addresses typed out in full."""
    html = render_markdown(text or "")
    anchors = len(_ANCHOR.findall(html))
    typed = len(_WEB_ADDRESS.findall(_ANCHOR.sub(" ", html)))
    return anchors + typed


def published_posts(user) -> int:
    """Questions, answers and replies of the member's that everyone can read."""
    mine = {"author": user}
    return (
        Question.objects.filter(status=Question.Status.PUBLISHED, **mine).count()
        + Answer.objects.filter(deleted_at__isnull=True, hidden_at__isnull=True, **mine).count()
        + Reply.objects.filter(deleted_at__isnull=True, hidden_at__isnull=True, **mine).count()
    )


def is_new_member(user) -> bool:
    """Still new: joined under NEW_MEMBER_DAYS ago, with fewer than NEW_MEMBER_POSTS posts.
    Verified experts and the team never are."""
    if not user.is_authenticated or is_moderator(user) or user.profile.is_team:
        return False
    if user.date_joined <= timezone.now() - timedelta(days=settings.NEW_MEMBER_DAYS):
        return False
    if is_verified_expert(user):
        return False
    return published_posts(user) < settings.NEW_MEMBER_POSTS


def check_link_limit(user, *texts: str, field: str = "body") -> None:
    """Raise TooManyLinks when a new member's texts, together, hold too many links."""
    allowed = settings.NEW_MEMBER_MAX_LINKS
    found = sum(count_links(text) for text in texts)
    if found > allowed and is_new_member(user):
        raise TooManyLinks(found=found, allowed=allowed, field=field)
