from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from village.accounts.permissions import check_is_moderator
from village.experts import services
from village.experts.badges import expert_profile_of
from village.experts.forms import DecisionForm, ExpertApplicationForm
from village.experts.models import ExpertApplication, ExpertProfile


@login_required
@require_http_methods(["GET", "POST"])
def apply(request):
    """Apply to be a verified expert, or see where an application stands."""
    applications = ExpertApplication.objects.filter(applicant=request.user).select_related("area")
    pending = next((a for a in applications if a.status == ExpertApplication.Status.PENDING), None)
    form = ExpertApplicationForm(request.POST or None)
    if request.method == "POST" and pending is None and form.is_valid():
        try:
            services.apply_as_expert(applicant=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Thank you! A moderator will review your application.")
            return redirect("experts:apply")
    context = {
        "form": form,
        "pending": pending,
        "decided": [a for a in applications if a.status != ExpertApplication.Status.PENDING],
        "expert": expert_profile_of(request.user),
    }
    return render(request, "experts/apply.html", context)


@login_required
def review_queue(request):
    check_is_moderator(request.user)
    pending = (
        ExpertApplication.objects.filter(status=ExpertApplication.Status.PENDING)
        .select_related("area", "applicant__profile")
        .order_by("created_at")
    )
    return render(request, "experts/review_queue.html", {"applications": pending})


@login_required
@require_http_methods(["GET", "POST"])
def review(request, pk: int):
    check_is_moderator(request.user)
    application = get_object_or_404(
        ExpertApplication.objects.select_related("area", "applicant__profile"), pk=pk
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decide = (
            services.approve_application
            if form.cleaned_data["decision"] == "approve"
            else services.reject_application
        )
        try:
            decide(
                reviewer=request.user, application=application, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Decision recorded for {application.applicant.profile}.")
            return redirect("experts:review_queue")
    return render(request, "experts/review.html", {"application": application, "form": form})


@login_required
@require_POST
def revoke(request, user_pk: int):
    """A moderator takes verified expert status away, with a reason the expert will read."""
    check_is_moderator(request.user)
    expert = get_object_or_404(ExpertProfile, user_id=user_pk, verified=True)
    try:
        services.revoke_expert(
            reviewer=request.user, expert=expert, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Expert status removed; the expert has been told why.")
    return redirect("people:profile", pk=user_pk)
