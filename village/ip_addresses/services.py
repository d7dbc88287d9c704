"""Writing down the address behind an action, and erasing addresses once they are too old."""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from village.ip_addresses.models import AddressRecord


def client_ip(request) -> str | None:
    """The address the request came from, as the web server saw it (REMOTE_ADDR).

    Headers such as X-Forwarded-For are ignored: anyone can send them. Behind a load balancer
    the web server must put the visitor's address in REMOTE_ADDR (docs/deployment.md).
    """
    raw = (request.META.get("REMOTE_ADDR") or "").strip()
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


def record_address(request, user, action: str) -> AddressRecord | None:
    """Keep the address a member used to sign up, sign in, ask, answer, reply or flag."""
    if action not in AddressRecord.Action.values:
        raise ValueError(f"Addresses aren't kept for {action!r}.")
    ip = client_ip(request)
    if ip is None or not getattr(user, "is_authenticated", False):
        return None
    if settings.IP_RETENTION_DAYS <= 0:
        return None  # keeping none at all
    return AddressRecord.objects.create(user=user, action=action, ip=ip)


def retention_cutoff(now=None):
    """Records created before this moment are past IP_RETENTION_DAYS."""
    return (now or timezone.now()) - timedelta(days=max(settings.IP_RETENTION_DAYS, 0))


def erase_old_addresses(now=None) -> int:
    """Delete every address older than IP_RETENTION_DAYS; returns how many went."""
    deleted, _ = AddressRecord.objects.filter(created_at__lt=retention_cutoff(now)).delete()
    return deleted
