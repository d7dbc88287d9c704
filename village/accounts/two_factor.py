"""Two-factor authentication for the team: moderators and admins act only once it is on.

The rule itself lives in `permissions.check_is_moderator` (every moderation and expert-review
service calls it, whoever calls them). This module turns the refusal into something a person
can follow, and guards what does not go through those services: the Django admin (where roles
are changed) and the moderation pages.

- A page (GET or HEAD): a redirect to a page that explains why, links to the authenticator
  setup, and brings the person back afterwards.
- A write (POST and the rest): 403 with the same explanation. Nothing changes.
"""

from functools import wraps
from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from village.accounts.permissions import TwoFactorRequired, has_two_factor, needs_two_factor

# Where to send the person once their authenticator is set up.
RETURN_SESSION_KEY = "village_two_factor_next"


def safe_next(request, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def two_factor_response(request):
    """Explain, instead of acting: a redirect for a page, a 403 for a write."""
    if request.method in ("GET", "HEAD"):
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('accounts:two_factor_required')}?{query}")
    # A write's own address can't be opened as a page: offer the page it came from.
    context = {
        "refused_write": True,
        "next": safe_next(request, request.headers.get("Referer")),
        "ask_for_two_factor": False,
    }
    return render(request, "account/two_factor_required.html", context, status=403)


def lacks_two_factor(user) -> bool:
    return needs_two_factor(user) and not has_two_factor(user)


def team_two_factor_required(view):
    """For moderators' views: no authenticator, no moderation (pages or writes)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if lacks_two_factor(request.user):
            return two_factor_response(request)
        return view(request, *args, **kwargs)

    return wrapper


class TwoFactorMiddleware:
    """Guards the Django admin, and explains any TwoFactorRequired a view lets through."""

    # Signing out of the admin stays possible.
    OPEN_ADMIN_VIEWS = {"logout"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "admin" not in match.namespaces:
            return None
        if match.url_name in self.OPEN_ADMIN_VIEWS:
            return None
        if lacks_two_factor(request.user):
            return two_factor_response(request)
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, TwoFactorRequired):
            return two_factor_response(request)
        return None
