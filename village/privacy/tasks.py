"""Background work for privacy requests. Tasks take ids and are safe to run twice."""

from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from village.common.email import queue_email
from village.privacy.export import build_zip
from village.privacy.models import DataExport


@task()
def prepare_export(export_id: int) -> str:
    """Build the zip, store it, and email the person a link that expires."""
    with transaction.atomic():
        export = (
            DataExport.objects.select_for_update(of=("self",))
            .select_related("user__profile")
            .filter(pk=export_id, status=DataExport.Status.PREPARING)
            .first()
        )
        if export is None:
            return "already handled"
        export.archive.save(f"{export.token}.zip", ContentFile(build_zip(export.user)), save=False)
        export.status = DataExport.Status.READY
        export.expires_at = timezone.now() + timedelta(days=settings.DATA_EXPORT_DAYS)
        export.save(update_fields=["archive", "status", "expires_at"])
        queue_email(
            "privacy/email/export_ready",
            export.user.email,
            {
                "name": export.user.profile.display_name,
                "url": settings.SITE_URL + reverse("privacy:download", args=[export.token]),
                "expires_at": export.expires_at,
            },
        )
    return "ready"
