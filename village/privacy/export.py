"""Everything Village holds about a person, as JSON: what "Download my data" zips up.

Rather than a list to keep in step with every new table, it walks the models: every row of
every model that points at the person (a foreign key to the user) is included, with all its
fields, except secrets that would be dangerous in a file on someone's laptop.
"""

import io
import json
import zipfile

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.functions import Cast
from django.forms.models import model_to_dict

from village.common.models import OutboundEmail

# Fields never exported: they protect the account rather than describe the person.
SECRET_FIELDS = {("mfa", "authenticator"): {"data"}}
USER_FIELDS = ["id", "email", "date_joined", "last_login", "is_active"]


def _user_links(model) -> list[str]:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey | models.OneToOneField)
        and field.related_model is user_model
    ]


def collect(user) -> dict[str, list[dict]]:
    """Every row that belongs to or mentions the person, by table."""
    data: dict[str, list[dict]] = {
        "account": [{name: getattr(user, name) for name in USER_FIELDS}],
    }
    for model in apps.get_models():
        links = _user_links(model)
        if not links:
            continue
        query = models.Q()
        for link in links:
            query |= models.Q(**{link: user})
        secret = SECRET_FIELDS.get((model._meta.app_label, model._meta.model_name), set())
        rows = [
            {k: v for k, v in model_to_dict(row).items() if k not in secret} | {"id": row.pk}
            for row in model._default_manager.filter(query).order_by("pk")
        ]
        if rows:
            data[f"{model._meta.app_label}.{model._meta.model_name}"] = rows
    emails = (
        OutboundEmail.objects.annotate(to_text=Cast("to", models.TextField()))
        .filter(to_text__icontains=user.email)
        .order_by("pk")
    )
    if emails:
        data["emails_sent_to_you"] = [
            {"subject": e.subject, "created_at": e.created_at, "status": e.status} for e in emails
        ]
    return data


def build_zip(user) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in collect(user).items():
            archive.writestr(
                f"{name}.json", json.dumps(rows, cls=DjangoJSONEncoder, indent=2, default=str)
            )
        archive.writestr(
            "README.txt",
            "Everything Village holds about you, one JSON file per kind of record.\n"
            "Questions you asked anonymously are included: only you receive this file.\n",
        )
    return buffer.getvalue()
