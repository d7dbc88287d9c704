"""Rendered pieces of a page kept in the cache under a key made of everything they show.

A question page is mostly its answers, and an answer (with its reply thread) looks the same to
every member who didn't write it and hasn't voted on it. `fingerprint()` turns what a fragment
is rendered from (the rows as loaded, with their authors, plus what the reader may do) into a
key, so a changed answer, a new reply, a new vote count or a renamed author makes a new key
and the old rendering is simply never asked for again: nothing to invalidate, nothing stale.
The `{% fragment key %}` tag (common/templatetags/fragments.py) renders through it; forms in a
fragment carry the CSRF placeholder, which every response swaps for its reader's own token.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

PREFIX = "fragment:"


def row(obj, skip=frozenset(), related: bool = True, _seen=None) -> tuple | None:
    """A model instance as loaded: its columns and (unless told not to, or named in skip) the
    related rows fetched with it, such as an author's profile."""
    if obj is None:
        return None
    values = [type(obj).__name__, *(getattr(obj, f.attname) for f in obj._meta.concrete_fields)]
    if related:
        seen = (_seen or set()) | {id(obj)}
        for name, other in sorted(obj._state.fields_cache.items()):
            if name not in skip and id(other) not in seen:  # a profile points back at its user
                values.append((name, row(other, skip, True, seen)))
    return tuple(values)


def fingerprint(*parts) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def prefetch(keys) -> dict[str, str]:
    """Every fragment already rendered, in one round trip to the cache."""
    if not settings.FRAGMENT_CACHE_SECONDS:
        return {}
    found = cache.get_many([PREFIX + key for key in keys])
    return {key.removeprefix(PREFIX): html for key, html in found.items()}


def keep(key: str, html: str) -> None:
    cache.set(PREFIX + key, html, settings.FRAGMENT_CACHE_SECONDS)
