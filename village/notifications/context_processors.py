from village.notifications.models import Notification


def unread(request):
    """The unread count for the header; visitors cost no query."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    return {"unread_notifications": count}
