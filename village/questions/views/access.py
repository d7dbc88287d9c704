"""What every view that takes part shares: sign-in redirects, readable refusals."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import format_html

from village.accounts.permissions import check_can_post


def refused(request, refusal: PermissionDenied) -> HttpResponse:
    """A refusal people can read: 403 with the reason, as a page or an htmx fragment."""
    reason = str(refusal) or "Sorry, you can't do that here."
    if request.htmx:
        return HttpResponse(
            format_html('<p class="refusal" role="alert">{}</p>', reason), status=403
        )
    return render(request, "questions/refused.html", {"reason": reason}, status=403)


def taking_part(view):
    """Visitors are sent to sign in (and back here afterwards); refusals become a 403 page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            login = redirect_to_login(request.get_full_path())
            if request.htmx:
                return HttpResponse(status=204, headers={"HX-Redirect": login["Location"]})
            return login
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return refused(request, refusal)

    return wrapper


def posting_block(user) -> str:
    """Why a signed-in person can't post right now, or "" when they can."""
    if not user.is_authenticated:
        return ""
    try:
        check_can_post(user)
    except PermissionDenied as refusal:
        return str(refusal)
    return ""
