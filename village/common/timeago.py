"""Ages as people say them: "4 years ago", "3 weeks ago", "just now"."""

from datetime import datetime

from django.utils import timezone

_UNITS = (
    (365 * 24 * 3600, "year"),
    (30 * 24 * 3600, "month"),
    (7 * 24 * 3600, "week"),
    (24 * 3600, "day"),
    (3600, "hour"),
    (60, "minute"),
)


def age(moment: datetime, now: datetime | None = None) -> str:
    seconds = ((now or timezone.now()) - moment).total_seconds()
    if seconds < 60:
        return "just now"
    for size, name in _UNITS:
        if seconds >= size:
            n = int(seconds // size)
            return f"{n} {name}{'' if n == 1 else 's'} ago"
    return "just now"  # pragma: no cover - the loop always returns for seconds >= 60
