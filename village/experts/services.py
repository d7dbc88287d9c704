"""Becoming an expert: applying, and a moderator's decision."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from village.accounts.permissions import check_can_post, check_is_moderator
from village.experts.models import ExpertApplication, ExpertiseArea, ExpertProfile
from village.notifications.models import Notification
from village.notifications.services import announce


def apply_as_expert(
    *,
    applicant,
    area: ExpertiseArea,
    headline: str,
    credentials: str,
    evidence_url: str,
    statement: str,
) -> ExpertApplication:
    """File an application for moderators to review; one may be pending at a time."""
    check_can_post(applicant)
    if not area.is_active:
        raise ValidationError("That area is not taking applications at the moment.")
    if ExpertApplication.objects.filter(
        applicant=applicant, status=ExpertApplication.Status.PENDING
    ).exists():
        raise ValidationError("You already have an application waiting for review.")
    return ExpertApplication.objects.create(
        applicant=applicant,
        area=area,
        headline=headline.strip(),
        credentials=credentials.strip(),
        evidence_url=evidence_url.strip(),
        statement=statement.strip(),
    )


def _decide(application: ExpertApplication, *, reviewer, status: str, reason: str) -> None:
    check_is_moderator(reviewer)
    if application.applicant_id == reviewer.pk:
        raise PermissionDenied("Someone else has to review your own application.")
    if application.status != ExpertApplication.Status.PENDING:
        raise ValidationError("This application has already been decided.")
    if not reason.strip():
        raise ValidationError("Please give a reason: the applicant will read it.")
    application.status = status
    application.reviewer = reviewer
    application.decision_reason = reason.strip()
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "reviewer", "decision_reason", "decided_at"])


@transaction.atomic
def approve_application(*, reviewer, application: ExpertApplication, reason: str) -> ExpertProfile:
    """Verify the applicant as an expert in the area: badge and "expert answer" label follow."""
    _decide(application, reviewer=reviewer, status=ExpertApplication.Status.APPROVED, reason=reason)
    expert, _ = ExpertProfile.objects.update_or_create(
        user=application.applicant,
        defaults={"area": application.area.name, "verified": True, "verified_at": timezone.now()},
    )
    profile = application.applicant.profile
    profile.headline = application.headline
    profile.save(update_fields=["headline"])
    _tell_applicant(application)
    return expert


@transaction.atomic
def reject_application(*, reviewer, application: ExpertApplication, reason: str) -> None:
    _decide(application, reviewer=reviewer, status=ExpertApplication.Status.REJECTED, reason=reason)
    _tell_applicant(application)


@transaction.atomic
def revoke_expert(*, reviewer, expert: ExpertProfile, reason: str) -> None:
    """Take verified status away: the badge and the label go with it."""
    check_is_moderator(reviewer)
    if not reason.strip():
        raise ValidationError("Please give a reason.")
    expert.verified = False
    expert.verified_at = None
    expert.save(update_fields=["verified", "verified_at"])
    announce(
        recipient_id=expert.user_id,
        kind=Notification.Kind.EXPERT_DECISION,
        key=f"expert-revoked:{expert.pk}:{timezone.now().timestamp()}",
        message=f"Your verified {expert.area} expert status has been removed: {reason.strip()}",
        url=reverse("experts:apply"),
    )


def _tell_applicant(application: ExpertApplication) -> None:
    approved = application.status == ExpertApplication.Status.APPROVED
    if approved:
        message = f"You're now a verified {application.area.name} expert on Village."
    else:
        message = f"Your application to be a {application.area.name} expert was not approved."
    # In-site always; by email as the applicant prefers (straight away unless they chose).
    announce(
        recipient_id=application.applicant_id,
        kind=Notification.Kind.EXPERT_DECISION,
        key=f"expert-application:{application.pk}",
        message=message,
        url=reverse("experts:apply"),
        email_template="experts/email/decision",
        email_context={"application": application, "approved": approved},
    )
