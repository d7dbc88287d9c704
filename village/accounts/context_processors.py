from allauth.mfa.models import Authenticator

from village.accounts.permissions import is_moderator


def security(request):
    """Ask moderators and admins, on every page, to turn on two-factor authentication."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not is_moderator(user):
        return {}
    has_totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    return {"ask_for_two_factor": not has_totp, "user_is_moderator": True}
