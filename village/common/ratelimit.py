"""Rate limits on writes (asking, answering, replying, voting, flagging), counted in the cache.

With Redis as the cache (the production profile) every web process shares the counts. Each
limit is "N/period" (s, m, h or d) per signed-in member, or per address for visitors, in
fixed windows; going over answers 429 with Retry-After and a page that says what happened.
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import format_html

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    count, period = rate.split("/")
    return int(count), PERIODS[period]


def seconds_until_allowed(request, action: str) -> int:
    """Count this attempt; 0 when it is allowed, else the seconds until the window ends."""
    rate = settings.POST_RATE_LIMITS.get(action)
    if not rate:
        return 0
    allowed, period = parse_rate(rate)
    who = (
        f"user:{request.user.pk}"
        if request.user.is_authenticated
        else ("ip:" + request.META.get("REMOTE_ADDR", "unknown"))
    )
    now = time.time()
    window = int(now // period)
    key = f"ratelimit:{action}:{who}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # the key expired between add and incr: a new window has begun
        cache.set(key, 1, timeout=period + 1)
        used = 1
    if used <= allowed:
        return 0
    return max(1, int((window + 1) * period - now))


def limit_posts(action: str):
    """Decorator for views that write: POSTs over the limit get a 429 instead."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST":
                wait = seconds_until_allowed(request, action)
                if wait:
                    return too_many(request, wait)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def too_many(request, wait: int) -> HttpResponse:
    minutes = max(1, round(wait / 60))
    plural = "s" if minutes != 1 else ""
    message = (
        "You've done that a lot in a short time, so we've paused it to keep Village calm "
        f"and free of spam. Please try again in about {minutes} minute{plural}."
    )
    if getattr(request, "htmx", False):
        response = HttpResponse(format_html('<p class="refusal" role="alert">{}</p>', message))
        response.status_code = 429
    else:
        response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(wait)
    return response
