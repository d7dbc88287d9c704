"""The Redis cache backend of the production profile, against the Redis on the machine."""

import pytest
from django.conf import settings

from village.common.cache import RedisCache

pytestmark = pytest.mark.skipif(
    not settings.REDIS_URL, reason="the production profile (REDIS_URL) only"
)


@pytest.fixture
def redis_cache():
    cache = RedisCache("redis://127.0.0.1:6379/10", {"KEY_PREFIX": "test-redis-cache"})
    cache.clear()
    yield cache
    cache.clear()


def test_it_keeps_one_client_per_connection_pool(redis_cache):
    backend = redis_cache._cache
    first = backend.get_client("a")
    assert backend.get_client("b") is first
    assert backend.get_client("a", write=True) is first  # one server: reads and writes share it
    assert first.connection_pool is backend._get_connection_pool(write=False)


def test_a_kept_client_still_stores_reads_and_forgets(redis_cache):
    redis_cache.set("page", "<p>kept</p>", 30)
    redis_cache.set_many({"a": 1, "b": [2, 3]}, 30)
    assert redis_cache.get("page") == "<p>kept</p>"
    assert redis_cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": [2, 3]}
    assert redis_cache.add("page", "other", 30) is False
    redis_cache.delete("page")
    assert redis_cache.get("page") is None
    assert redis_cache.incr("a") == 2
