"""Who may follow. Following is a preference, not a post: a suspended member keeps it."""

from django.core.exceptions import PermissionDenied

from village.accounts.permissions import is_confirmed


def can_follow(user) -> bool:
    """Signed in, active and email confirmed."""
    return user.is_authenticated and user.is_active and is_confirmed(user)


def check_can_follow(user) -> None:
    if not user.is_authenticated:
        raise PermissionDenied("Please sign in to follow topics and questions.")
    if not can_follow(user):
        raise PermissionDenied("Please confirm your email address before you follow anything.")
