from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from village.privacy import services
from village.privacy.models import AccountDeletion, DataExport


@login_required
def overview(request):
    context = {
        "exports": DataExport.objects.filter(user=request.user).order_by("-created_at")[:5],
        "deletion": AccountDeletion.objects.filter(
            user=request.user, status=AccountDeletion.Status.PENDING
        ).first(),
        "export_days": settings.DATA_EXPORT_DAYS,
        "grace_days": settings.ACCOUNT_DELETION_GRACE_DAYS,
    }
    return render(request, "privacy/overview.html", context)


@login_required
@require_POST
def export(request):
    services.request_export(request.user)
    messages.success(
        request, "We're preparing your data. We'll email you a download link in a few minutes."
    )
    return redirect("privacy:overview")


@login_required
def download(request, token: str):
    found = DataExport.objects.filter(
        token=token, user=request.user, status=DataExport.Status.READY
    ).first()
    if found is None or found.expires_at <= timezone.now():
        raise Http404("This download has expired or isn't yours. Ask for a new one.")
    return FileResponse(
        found.archive.open("rb"), as_attachment=True, filename="village-my-data.zip"
    )


@login_required
@require_POST
def delete_account(request):
    choice = request.POST.get("contributions")
    if choice not in ("keep", "delete"):
        messages.error(request, "Please choose what happens to your questions and answers.")
        return redirect("privacy:overview")
    if not request.user.check_password(request.POST.get("password", "")):
        messages.error(request, "That password isn't right, so nothing has changed.")
        return redirect("privacy:overview")
    deletion = services.request_deletion(request.user, keep_contributions=choice == "keep")
    messages.success(
        request,
        f"Your account will be deleted on {deletion.effective_at:%-d %B %Y}. "
        "Until then you can change your mind here.",
    )
    return redirect("privacy:overview")


@login_required
@require_POST
def cancel_deletion(request):
    if services.cancel_deletion(request.user):
        messages.success(request, "Your account will not be deleted. Welcome back!")
    return redirect("privacy:overview")
