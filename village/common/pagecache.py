"""Whole pages for visitors, cached for a few seconds.

Most readers are visitors who send no session cookie, and for them a question, the home
feed or a topic page is the same for everybody. `cache_for_visitors` keeps the rendered page
in the shared cache for PAGE_CACHE_SECONDS (a few seconds: a visitor may see a page that is
that much out of date, never more), so a popular page is rendered once per few seconds
instead of once per reader.

Two things in a page differ per reader, and neither is ever cached:
- the CSRF token of its forms (the visitors' helpful and "did you find it?" forms, the
  weekly-tips sign-up): the page is rendered with a placeholder and every response gets the
  reader's own token, so forms on a cached page still post;
- everything that depends on cookies: a request carrying any cookie but `csrftoken` (a
  session, flash messages, the "did you find it?" visitor cookie) is rendered afresh.
Only plain 200 responses to GET and HEAD are kept.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

PLACEHOLDER = "village-csrf-placeholder-0000000000000000000000000000000000000000000000"
_PLACEHOLDER_BYTES = PLACEHOLDER.encode()
_RENDERING = "_village_page_cache_render"
# Cookies that never change what a page shows.
NEUTRAL_COOKIES = frozenset({settings.CSRF_COOKIE_NAME})
# Response headers a view may set that belong with the cached page.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "X-Robots-Tag")


def cache_for_visitors(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not _is_plain_visitor(request):
            return view(request, *args, **kwargs)
        key = _key_of(request)
        entry = cache.get(key)
        if entry is None:
            setattr(request, _RENDERING, True)
            try:
                response = view(request, *args, **kwargs)
            finally:
                delattr(request, _RENDERING)
            if not _keepable(response):
                return response
            entry = (response.content, [(h, response[h]) for h in KEPT_HEADERS if h in response])
            cache.set(key, entry, seconds)
        content, headers = entry
        response = HttpResponse(content)
        for header, value in headers:
            response[header] = value
        return response

    return wrapped


class CsrfPlaceholderMiddleware:
    """Gives every response its reader's own CSRF token where a cached page or fragment holds
    the placeholder. Sits just inside CsrfViewMiddleware, which then sets the token's cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.streaming and _PLACEHOLDER_BYTES in response.content:
            token = get_token(request).encode()
            response.content = response.content.replace(_PLACEHOLDER_BYTES, token)
        return response


def csrf_placeholder(request):
    """Context processor: while a page is rendered for the cache, forms carry a placeholder."""
    return {"csrf_token": PLACEHOLDER} if getattr(request, _RENDERING, False) else {}


def _is_plain_visitor(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.COOKIES.keys() - NEUTRAL_COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _key_of(request) -> str:
    htmx = request.headers.get("HX-Request", "")
    raw = f"{request.get_host()}|{request.get_full_path()}|{htmx}"
    return "page:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _keepable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and "private" not in response.get("Cache-Control", "")
    )
