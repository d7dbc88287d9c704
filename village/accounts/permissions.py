"""Who may take part. Every write on Village starts with check_can_post()."""

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from village.common.prepared import Prepared

# Asked on every page a member sees (may they post?): compiled once.
_CONFIRMED = Prepared(lambda user: EmailAddress.objects.filter(user=user, verified=True))


def is_confirmed(user) -> bool:
    """Has the person confirmed an email address? Cached on the user for the request."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_village_confirmed", None)
    if cached is None:
        cached = _CONFIRMED.exists(user=user.pk)
        user._village_confirmed = cached
    return cached


def is_suspended(user) -> bool:
    if not user.is_authenticated:
        return False
    until = user.profile.suspended_until
    return until is not None and until > timezone.now()


def can_post(user) -> bool:
    """Signed in, active, email confirmed and not suspended: may ask, answer, reply and vote."""
    return (
        user.is_authenticated and user.is_active and not is_suspended(user) and is_confirmed(user)
    )


def check_can_post(user) -> None:
    if not user.is_authenticated:
        raise PermissionDenied("Please sign in first.")
    if not user.is_active:
        raise PermissionDenied("This account is closed.")
    if is_suspended(user):
        raise PermissionDenied("Your account is suspended, so you can read but not post.")
    if not is_confirmed(user):
        raise PermissionDenied("Please confirm your email address before you post.")


def is_moderator(user) -> bool:
    """Moderators and admins review flags and expert applications."""
    from_role = user.is_authenticated and user.profile.role in ("moderator", "admin")
    return bool(user.is_authenticated and (user.is_superuser or from_role))


class TwoFactorRequired(PermissionDenied):
    """A moderator or admin without an authenticator app: they may not act until they add one."""

    def __init__(self, message: str = ""):
        super().__init__(
            message
            or "Please turn on two-factor authentication first: moderators and admins need it "
            "before they can act."
        )


def has_two_factor(user) -> bool:
    """Has the person set up an authenticator app (TOTP) for signing in?"""
    from allauth.mfa.models import Authenticator

    if not user.is_authenticated:
        return False
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def needs_two_factor(user) -> bool:
    """Moderators, admins and anyone with the Django admin must sign in with a code."""
    if not user.is_authenticated:
        return False
    return bool(user.is_staff or user.is_superuser or is_moderator(user))


def check_is_moderator(user) -> None:
    """A moderator (or admin) who has two-factor authentication: only they may act."""
    if not is_moderator(user):
        raise PermissionDenied("Only moderators can do that.")
    if not has_two_factor(user):
        raise TwoFactorRequired()
