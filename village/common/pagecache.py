"""Whole pages, cached for a few seconds: for visitors alike, and for each member alone.

Most readers are visitors who send no session cookie, and for them a question, the home feed
or a topic page is the same for everybody. `cache_for_readers` keeps the rendered page in the
shared cache for PAGE_CACHE_SECONDS (a few seconds: a visitor may see a page that is that much
out of date, never more), so a popular page is rendered once per few seconds instead of once
per reader.

A signed-in member's page is kept too, for them alone and for the same few seconds, and only
while nothing it shows has changed. Pages are kept under *versions*: the member's own (moved on
by every request of theirs that isn't a read, by signing in and by a new notification:
`ForgetPagesOnWriteMiddleware`, `forget_pages_of`) and, for a question page, the question's
(moved on by any new or changed answer, reply or helpful vote on it: questions/signals.py). A
page rendered under an older version is never served, so a member sees their own vote and the
new count at once, and a new answer to a question the moment it is posted; anything else (a
new question on the home feed, an author's new name) within the same few seconds as a
visitor. Never kept for members: moderators' and staff pages (they carry moderation tools and
the two-factor prompts), and any page while a message is waiting to be shown.
A kept page is served to a member without loading who they are (`_signed_in_as`): the
session names them, and anything that changes them moves their version on.

What differs per reader inside a kept page is never cached:
- the CSRF token of its forms: the page is rendered with a placeholder and every response
  gets the reader's own token, so forms on a cached page still post;
- for visitors, everything that depends on cookies: a request carrying any cookie but
  `csrftoken` (a session, flash messages, the "did you find it?" visitor cookie) is a member's
  request or is rendered afresh.

Two tiers: every process keeps the pages it served in memory (a bounded number), for what is
left of their few seconds, in front of the shared cache (diskcache on one machine, Redis in
production). Only plain 200 responses to GET and HEAD are kept.
"""

import hashlib
import secrets
import time
from collections import OrderedDict
from functools import wraps
from threading import Lock

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token

from village.accounts.permissions import is_moderator

PLACEHOLDER = "village-csrf-placeholder-0000000000000000000000000000000000000000000000"
_PLACEHOLDER_BYTES = PLACEHOLDER.encode()
_RENDERING = "_village_page_cache_render"
# Cookies that never change what a page shows.
NEUTRAL_COOKIES = frozenset({settings.CSRF_COOKIE_NAME})
# Response headers a view may set that belong with the cached page.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "X-Robots-Tag")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
# Pages each process keeps in memory, newest used last.
LOCAL_PAGES = 256


class _LocalPages:
    """The process's own copies: {key: (expires_at, version, content, headers)}, bounded."""

    def __init__(self, size: int):
        self.size = size
        self.pages: OrderedDict = OrderedDict()
        self.lock = Lock()

    def get(self, key: str):
        with self.lock:
            entry = self.pages.get(key)
            if entry is None:
                return None
            if entry[0] <= time.monotonic():
                del self.pages[key]
                return None
            self.pages.move_to_end(key)
            return entry

    def put(self, key: str, entry) -> None:
        with self.lock:
            self.pages[key] = entry
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()


local_pages = _LocalPages(LOCAL_PAGES)


def cache_for_readers(view=None, *, versions=None):
    """Keep the view's pages (see above). `versions(kwargs)` names the version keys of what the
    page shows, such as its question's: for members, a page rendered under an older version
    of any of them is never served, so they see everybody's changes to it at once."""
    if view is None:
        return lambda view: cache_for_readers(view, versions=versions)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if _is_plain_visitor(request):
            key, version_keys = _key_of(request, "visitor"), ()
        elif (member := _signed_in_as(request)) is not None:
            user_pk, session_hash = member
            key = _key_of(request, f"member:{user_pk}:{session_hash}")
            page_versions = versions(kwargs) if versions else []
            version_keys = (reader_version_key(user_pk), *page_versions)
        else:
            return view(request, *args, **kwargs)
        entry, versions_now = _find(key, version_keys)
        if version_keys and (entry is None or _has_messages(request)):
            # A member's page is served from the cache without loading who they are (see
            # `_signed_in_as`); one to render is rendered for them as they are now.
            if not _is_plain_member(request):
                return view(request, *args, **kwargs)
            entry = None
        if entry is None:
            versions_now = current_versions(version_keys, versions_now)
            entry = _render(request, view, args, kwargs, key, versions_now, seconds)
            if isinstance(entry, HttpResponse):
                return entry  # not one to keep
        _expires, _versions, content, headers = entry
        response = HttpResponse(content)
        for header, value in headers:
            response[header] = value
        return response

    return wrapped


def _find(key: str, version_keys: tuple) -> tuple:
    """The kept page, if there is one and (for a member) it was rendered under the current
    versions of the reader and of what it shows, and the versions as found. One round trip to
    the shared cache at most."""
    entry = local_pages.get(key)
    wanted = list(version_keys)
    if entry is None:
        wanted.append(key)
    if not wanted:
        return entry, {}
    found = cache.get_many(wanted)
    versions = {k: found[k] for k in version_keys if k in found}
    if entry is None:
        entry = found.get(key)
        if entry is None or entry[0] <= _wall_clock():
            return None, versions
        local_pages.put(key, (_local_expiry(entry[0]), *entry[1:]))
    if version_keys and entry[1] != tuple(versions.get(k) for k in version_keys):
        return None, versions
    return entry, versions


def _render(request, view, args, kwargs, key, versions: tuple, seconds):
    # The versions were read before rendering: a write that lands while we render moves them
    # on, and this rendering, which may not show that write, is never served under the new
    # ones.
    setattr(request, _RENDERING, True)
    try:
        response = view(request, *args, **kwargs)
    finally:
        delattr(request, _RENDERING)
    if not _keepable(response) or (versions and _has_messages(request)):
        return response
    headers = [(h, response[h]) for h in KEPT_HEADERS if h in response]
    entry = (_wall_clock() + seconds, versions, response.content, headers)
    cache.set(key, entry, seconds)
    local_pages.put(key, (_local_expiry(entry[0]), *entry[1:]))
    return entry


def _wall_clock() -> float:
    return time.time()


def _local_expiry(expires_at: float) -> float:
    """A shared entry's expiry (wall clock, the same on every server) as this process's
    monotonic clock, so a local copy never outlives the shared one."""
    return time.monotonic() + (expires_at - _wall_clock())


# --- Versions -----------------------------------------------------------------------------
# A version is a random token in the shared cache, replaced on every change it stands for. A
# token (not a counter) can't come back: if the cache loses one (or it expires after a quiet
# day), the next is new too, and pages kept under the old one are simply never served.
VERSION_SECONDS = 24 * 60 * 60


def reader_version_key(user_pk) -> str:
    return f"version:reader:{user_pk}"


def current_versions(keys, found: dict) -> tuple:
    """The versions of these keys, given those already read; a missing one is started."""
    for key in keys:
        if key not in found:
            cache.add(key, secrets.token_hex(8), VERSION_SECONDS)
            found[key] = cache.get(key)
    return tuple(found[key] for key in keys)


def move_on(*keys: str) -> None:
    """Whatever the keys stand for changed: pages rendered before are never served again.
    Now, and again once the change is committed, so a page rendered in between, from what
    was there before, is never served either."""

    def new_versions():
        cache.set_many({key: secrets.token_hex(8) for key in keys}, VERSION_SECONDS)

    new_versions()
    transaction.on_commit(new_versions)


def forget_pages_of(*user_pks) -> None:
    """Everything kept for these members is out of date: they changed something, or something
    of theirs changed (a notification arrived, they signed in)."""
    move_on(*(reader_version_key(pk) for pk in user_pks))


class ForgetPagesOnWriteMiddleware:
    """After any request of a member that may have changed something (anything but a read),
    their kept pages are forgotten, so the next page they see shows what they did."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                forget_pages_of(user.pk)
        return response


# --- CSRF -----------------------------------------------------------------------------------


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


# --- Who gets a kept page -----------------------------------------------------------------


def _is_plain_visitor(request) -> bool:
    return not request.COOKIES.keys() - NEUTRAL_COOKIES and "HTTP_AUTHORIZATION" not in request.META


def _signed_in_as(request) -> tuple[str, str] | None:
    """Who the session says is signed in, without loading them: their id and the session's
    password hash. A kept page is only ever stored by a rendering that loaded the member and
    found them a plain member signed in with that very hash, under their version at the time;
    anything that changes the member (a new password, a ban, a new role) saves them and moves
    their version on (accounts/apps.py), and signing out ends the session. So a kept page found
    under the member's current version is one they may see, and a repeat view costs no query.
    """
    session = getattr(request, "session", None)
    if session is None or not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        return None
    user_pk = session.get(SESSION_KEY)
    session_hash = session.get(HASH_SESSION_KEY)
    if user_pk is None or not session_hash:
        return None
    # With the secret key: a new one signs everybody out, and their kept pages go with it.
    signed = f"{settings.SECRET_KEY}|{session_hash}".encode()
    return str(user_pk), hashlib.blake2b(signed, digest_size=16).hexdigest()


def _is_plain_member(request) -> bool:
    user = request.user
    if not user.is_authenticated or user.is_staff or is_moderator(user):
        return False
    return not _has_messages(request)


def _has_messages(request) -> bool:
    """A message is waiting to be shown (len() looks without marking it shown)."""
    return len(getattr(request, "_messages", ())) > 0


def _key_of(request, reader: str) -> str:
    htmx = request.headers.get("HX-Request", "")
    raw = f"{request.get_host()}|{request.get_full_path()}|{htmx}|{reader}"
    return "page:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _keepable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and "private" not in response.get("Cache-Control", "")
    )
