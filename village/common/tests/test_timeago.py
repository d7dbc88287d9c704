from datetime import UTC, datetime, timedelta

import pytest

from village.common.timeago import age

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=5), "just now"),
        (timedelta(minutes=1), "1 minute ago"),
        (timedelta(hours=3), "3 hours ago"),
        (timedelta(days=1), "1 day ago"),
        (timedelta(days=15), "2 weeks ago"),
        (timedelta(days=95), "3 months ago"),
        (timedelta(days=365 * 4 + 20), "4 years ago"),
    ],
)
def test_age_reads_as_people_say_it(delta, text):
    assert age(NOW - delta, now=NOW) == text
