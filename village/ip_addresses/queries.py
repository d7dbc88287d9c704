"""What moderators see of members' addresses: recent ones, and who else shared them."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Max

from village.ip_addresses.models import AddressRecord
from village.ip_addresses.services import retention_cutoff

PER_MEMBER = 5


@dataclass
class RecentAddress:
    ip: str
    last_used: datetime
    actions: list[str] = field(default_factory=list)
    other_members: int = 0


def recent_addresses(user_ids, per_member: int = PER_MEMBER) -> dict[int, list[RecentAddress]]:
    """For each member, their most recently used addresses (still within the retention), what
    they did from each, and how many other members used the same address meanwhile.

    Two queries, however many members and addresses.
    """
    user_ids = set(user_ids)
    if not user_ids:
        return {}
    since = retention_cutoff()
    order = {value: n for n, value in enumerate(AddressRecord.Action.values)}
    rows = (
        AddressRecord.objects.filter(user_id__in=user_ids, created_at__gte=since)
        .values("user_id", "ip", "action")
        .annotate(last=Max("created_at"))
        .order_by("-last")
    )
    found: dict[int, dict[str, RecentAddress]] = {}
    for row in rows:
        mine = found.setdefault(row["user_id"], {})
        address = mine.get(row["ip"])
        if address is None:
            address = mine[row["ip"]] = RecentAddress(ip=row["ip"], last_used=row["last"])
        address.actions.append(row["action"])
    labels = dict(AddressRecord.Action.choices)
    for mine in found.values():
        for address in mine.values():
            address.actions = [labels[a] for a in sorted(address.actions, key=order.__getitem__)]
    result = {
        user_id: sorted(mine.values(), key=lambda a: a.last_used, reverse=True)[:per_member]
        for user_id, mine in found.items()
    }
    ips = {a.ip for addresses in result.values() for a in addresses}
    if ips:
        sharing = dict(
            AddressRecord.objects.filter(ip__in=ips, created_at__gte=since)
            .values("ip")
            .annotate(members=Count("user", distinct=True))
            .values_list("ip", "members")
        )
        for addresses in result.values():
            for address in addresses:
                address.other_members = max(sharing.get(address.ip, 1) - 1, 0)
    return result
