"""A token that changes whenever a question is hidden, shown again or deleted.

Lists of questions kept in the cache (related questions, the sitemap) put it in their keys,
so a question a moderator hides leaves them at once, and comes back when shown again,
instead of lingering until the cached copy expires.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

KEY = "questions:visibility"


def visibility_token() -> str:
    """The current token. If the cache lost it, a fresh one: never an old one reused."""
    token = cache.get(KEY)
    if token is None:
        cache.add(KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(KEY) or "unknown"
    return token


def questions_visibility_changed() -> None:
    """Call when questions appear or disappear for readers; takes effect on commit."""
    transaction.on_commit(lambda: cache.set(KEY, uuid.uuid4().hex, timeout=None))
