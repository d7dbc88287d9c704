"""Who may flag, and for what.

Flagging is taking part, so it needs what posting needs (signed in, active, email confirmed,
not suspended), with one exception: a suspended member may still raise a safeguarding
concern. A child's safety matters more than the suspension, and the concern reaches the
safeguarding leads, who judge it on its merits; it never counts towards hiding a post.
"""

from django.core.exceptions import PermissionDenied

from village.accounts.permissions import check_can_post, is_confirmed, is_suspended
from village.moderation.models import Flag

SUSPENDED_MAY_ONLY = (
    "While your account is suspended you can only report a safeguarding concern "
    "(a child may be at risk)."
)


def flag_reasons_for(user) -> list[tuple[str, str]]:
    """The reasons this person may give when flagging."""
    if is_suspended(user):
        return [(Flag.Reason.SAFEGUARDING.value, Flag.Reason.SAFEGUARDING.label)]
    return list(Flag.Reason.choices)


def check_can_flag(user, reason: str) -> None:
    if is_suspended(user) and reason == Flag.Reason.SAFEGUARDING:
        if not user.is_active:
            raise PermissionDenied("This account is closed.")
        if not is_confirmed(user):
            raise PermissionDenied("Please confirm your email address before you post.")
        return
    if is_suspended(user):
        raise PermissionDenied(SUSPENDED_MAY_ONLY)
    check_can_post(user)
