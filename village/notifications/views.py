from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from village.notifications import services
from village.notifications.forms import DigestSignupForm, EmailPreferencesForm
from village.notifications.models import Notification

PAGE_SIZE = 100


def _day_label(day, today) -> str:
    if day == today:
        return "Today"
    if (today - day).days == 1:
        return "Yesterday"
    return format_date(day, "l j F Y")


@login_required
def notification_list(request):
    notifications = list(Notification.objects.filter(recipient=request.user)[:PAGE_SIZE])
    today = timezone.localdate()
    days = [
        {"label": _day_label(day, today), "notifications": list(items)}
        for day, items in groupby(notifications, key=lambda n: timezone.localdate(n.created_at))
    ]
    return render(
        request,
        "notifications/list.html",
        {"days": days, "has_unread": any(n.read_at is None for n in notifications)},
    )


@login_required
@require_POST
def mark_all_read(request):
    services.mark_all_read(recipient=request.user)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_read(request, pk: int):
    services.mark_read(recipient=request.user, notification_id=pk)
    return redirect("notifications:list")


@login_required
def preferences(request):
    current = services.email_preferences(request.user)
    form = EmailPreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        services.set_email_preferences(user=request.user, modes=form.cleaned_data)
        messages.success(request, "Saved. We'll email you just as you've chosen.")
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@csrf_exempt  # RFC 8058: mail providers POST here without a session or a CSRF token.
def unsubscribe(request, token: str):
    """GET shows a button (link scanners must not unsubscribe anyone); POST unsubscribes."""
    try:
        payload = services.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe.html", {"bad_link": True}, status=404)
    done = False
    if request.method == "POST":
        services.unsubscribe(token)
        done = True
    return render(
        request,
        "notifications/unsubscribe.html",
        {"what": services.describe_unsubscribe(payload), "done": done},
    )


def digest_signup(request):
    form = DigestSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.subscribe_to_digest(email=form.cleaned_data["email"])
        return render(
            request, "notifications/digest_check_inbox.html", {"email": form.cleaned_data["email"]}
        )
    return render(request, "notifications/digest_signup.html", {"form": form})


def digest_confirm(request, token: str):
    subscription = services.confirm_digest_subscription(token)
    return render(
        request,
        "notifications/digest_confirmed.html",
        {"subscription": subscription},
        status=200 if subscription else 404,
    )
