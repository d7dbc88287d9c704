"""The on-disk cache of the single-machine profile."""

from diskcache import DjangoCache


class DiskCache(DjangoCache):
    """diskcache's Django backend, keeping its SQLite connections open between requests.

    Django closes every cache when a request finishes; for diskcache that means opening the
    files again (and re-running its PRAGMAs) on the next request, which costs more than the
    lookup itself. Its connections belong to one thread each and are safe to keep.
    """

    def close(self, **kwargs):
        pass
