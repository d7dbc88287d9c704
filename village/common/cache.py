"""The cache backends: on disk for one machine, Redis for several."""

from diskcache import DjangoCache
from django.core.cache.backends import redis as django_redis


class DiskCache(DjangoCache):
    """diskcache's Django backend, keeping its SQLite connections open between requests.

    Django closes every cache when a request finishes; for diskcache that means opening the
    files again (and re-running its PRAGMAs) on the next request, which costs more than the
    lookup itself. Its connections belong to one thread each and are safe to keep.
    """

    def close(self, **kwargs):
        pass


class KeptRedisClient(django_redis.RedisCacheClient):
    """Django's Redis client, making one redis-py client per connection pool instead of one per
    command. A redis-py client fills a table of some 170 reply handlers when it is made: at
    five cache lookups a page, that was a tenth of a member's question page when it had to
    be rendered. The clients are safe to share, and the pools were shared already."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = KeptRedisClient
