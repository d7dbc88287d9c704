from village.accounts.permissions import has_two_factor, is_moderator
from village.accounts.two_factor import RETURN_SESSION_KEY


def security(request):
    """Ask moderators and admins, on every page, to turn on two-factor authentication; once
    it is on, offer the way back to what they were trying to do."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not is_moderator(user):
        return {}
    has_totp = has_two_factor(user)
    context = {"ask_for_two_factor": not has_totp, "user_is_moderator": True}
    if has_totp and RETURN_SESSION_KEY in request.session:
        back = request.session[RETURN_SESSION_KEY]
        if request.path == back.split("?")[0]:
            del request.session[RETURN_SESSION_KEY]
        else:
            context["two_factor_return"] = back
    return context
